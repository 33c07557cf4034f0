import { applySlaPolicy } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { queueRoute } from "./queue.routes.ts";
import { queuePage } from "./queue.use-cases.ts";

export function queueApi(deps: AppDeps) {
  const router = createRouter();
  // The stored SLA due instants must follow the configured policy before the first
  // request is served; a changed policy recomputes them (synchronously, in one transaction).
  applySlaPolicy(deps.db, deps.config.partnerPolicy, deps.clock.now()).catch((error) => {
    console.error("Could not apply the SLA policy to stored requests:", error);
  });

  router.openapi(queueRoute, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await queuePage(deps, c.req.valid("query"), c.var.staff), 200);
  });

  return router;
}
