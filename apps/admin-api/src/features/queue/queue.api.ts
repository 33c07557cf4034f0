import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { queueRoute } from "./queue.routes.ts";
import { queuePage } from "./queue.use-cases.ts";

export function queueApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(queueRoute, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await queuePage(deps, c.req.valid("query"), c.var.staff), 200);
  });

  return router;
}
