import { deflectionSchema } from "@frontline/core";
import { recordDeflection } from "@frontline/db";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter, jsonBody, jsonResponse, problemResponses } from "../../platform/openapi.ts";

const deflectionRoute = createRoute({
  method: "post",
  path: "/api/v1/deflections",
  tags: ["Help center"],
  summary: "Record that a suggested article solved the customer's problem",
  description:
    "Nothing is filed; the partner sees which articles answer questions before they become requests.",
  request: { body: jsonBody(deflectionSchema) },
  responses: {
    201: jsonResponse(z.object({ recorded: z.literal(true) }), "Recorded"),
    ...problemResponses(400, 415, 422, 429),
  },
});

export function deflectionsApi(deps: AppDeps) {
  const router = createRouter();
  return router.openapi(deflectionRoute, async (c) => {
    await recordDeflection(deps.db, c.req.valid("json"), deps.clock.now());
    return c.json({ recorded: true as const }, 201);
  });
}
