import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { readRetentionRoute, setRetentionRoute } from "./retention.routes.ts";
import { retentionOverview, setRetentionPolicy } from "./retention.use-cases.ts";

export function retentionApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(readRetentionRoute, async (c) => c.json(await retentionOverview(deps), 200));
  router.openapi(setRetentionRoute, async (c) =>
    c.json(await setRetentionPolicy(deps, c.var.actor, c.req.valid("json")), 200),
  );
  return router;
}
