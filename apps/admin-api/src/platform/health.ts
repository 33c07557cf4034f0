import { pingDatabase } from "@frontline/db";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "./deps.ts";
import { createRouter, jsonResponse } from "./openapi.ts";

const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["Operations"],
  summary: "Liveness and database reachability",
  responses: {
    200: jsonResponse(
      z.object({ status: z.literal("ok"), time: z.string() }),
      "The server and its database answer",
    ),
  },
});

export function healthChecks(deps: AppDeps) {
  return createRouter().openapi(healthRoute, async (c) => {
    await pingDatabase(deps.db);
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" as const, time: deps.clock.now().toISOString() }, 200);
  });
}
