import { resolveLocale, serviceHealthReport, serviceStatuses } from "@frontline/core";
import { listActiveIncidents } from "@frontline/db";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter, jsonResponse } from "../../platform/openapi.ts";

const reportSchema = z
  .object({
    services: z.array(
      z.object({ id: z.string(), label: z.string(), status: z.enum(serviceStatuses) }),
    ),
    incidents: z.array(
      z.object({
        id: z.number().int(),
        service: z.string(),
        serviceLabel: z.string(),
        impact: z.enum(["degraded", "outage"]),
        status: z.string(),
        message: z.string(),
        startedAt: z.string(),
        updatedAt: z.string(),
      }),
    ),
    checkedAt: z.string(),
  })
  .openapi("ServiceHealth");

const serviceHealthRoute = createRoute({
  method: "get",
  path: "/api/v1/service-health",
  tags: ["Help center"],
  summary: "Every service's status and the active incidents",
  request: {
    query: z.object({ locale: z.string().optional().openapi({ example: "de" }) }),
  },
  responses: {
    200: jsonResponse(reportSchema, "The current service health"),
  },
});

export function serviceHealthApi(deps: AppDeps) {
  return createRouter().openapi(serviceHealthRoute, async (c) => {
    const locale = resolveLocale(c.req.valid("query").locale);
    const report = serviceHealthReport(
      deps.config.services,
      await listActiveIncidents(deps.db),
      locale,
    );
    // Short caching: fresh enough for a banner, and a burst of readers costs one query.
    c.header("Cache-Control", "public, max-age=30");
    return c.json({ ...report, checkedAt: deps.clock.now().toISOString() }, 200);
  });
}
