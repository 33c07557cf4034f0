import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { bulkRoute } from "./bulk.routes.ts";
import { applyBulkAction } from "./bulk-actions.ts";

export function bulkApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(bulkRoute, async (c) => {
    const { numbers, action } = c.req.valid("json");
    return c.json(await applyBulkAction(deps, c.var.actor, numbers, action), 200);
  });
  return router;
}
