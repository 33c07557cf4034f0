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

/** How long a reader or a cache may keep an answer: the most the status page lags behind. */
export const SERVICE_HEALTH_MAX_AGE_SECONDS = 5;

export function serviceHealthApi(deps: AppDeps) {
  return createRouter().openapi(serviceHealthRoute, async (c) => {
    const locale = resolveLocale(c.req.valid("query").locale);
    const report = serviceHealthReport(
      deps.config.services,
      await listActiveIncidents(deps.db),
      locale,
    );
    // A few seconds: a burst of readers behind one cache costs one query, and
    // a posted or closed incident shows everywhere within them.
    c.header("Cache-Control", `public, max-age=${SERVICE_HEALTH_MAX_AGE_SECONDS}`);
    return c.json({ ...report, checkedAt: deps.clock.now().toISOString() }, 200);
  });
}
