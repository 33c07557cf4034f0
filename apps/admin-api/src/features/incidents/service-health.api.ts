import {
  incidentStatuses,
  locales,
  resolveLocale,
  serviceStatuses,
  statusReport,
} from "@frontline/core";
import { incidentHistory } from "@frontline/db";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter, jsonResponse, problemResponses } from "../../platform/openapi.ts";
import { incidentsFeed } from "./incidents-feed.ts";

const language = z.enum(locales).openapi({
  description: "The language the text is in: the reader's, or English when it is not translated",
});
const incidentSchema = z.object({
  id: z.number().int(),
  service: z.string(),
  serviceLabel: z.string(),
  impact: z.enum(["degraded", "outage"]),
  status: z.string(),
  message: z.string(),
  messageLanguage: language,
  startedAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  updates: z
    .array(
      z.object({
        stage: z.enum(incidentStatuses),
        message: z.string(),
        messageLanguage: language,
        at: z.string(),
      }),
    )
    .openapi({ description: "The timeline, newest first" }),
});

const reportSchema = z
  .object({
    services: z.array(
      z.object({ id: z.string(), label: z.string(), status: z.enum(serviceStatuses) }),
    ),
    incidents: z.array(incidentSchema).openapi({ description: "Going on now" }),
    history: z
      .array(incidentSchema)
      .openapi({ description: "Resolved in the last 90 days, latest first" }),
    checkedAt: z.string(),
  })
  .openapi("ServiceHealth");

const serviceHealthRoute = createRoute({
  method: "get",
  path: "/api/v1/service-health",
  tags: ["Help center"],
  summary: "Every service's status, the active incidents and those of the last 90 days",
  request: {
    query: z.object({ locale: z.string().optional().openapi({ example: "de" }) }),
  },
  responses: {
    200: jsonResponse(reportSchema, "The current service health"),
  },
});

const feedRoute = createRoute({
  method: "get",
  path: "/api/v1/status/{locale}/feed.atom",
  tags: ["Help center"],
  summary: "The incidents of the last 90 days as an Atom feed, in one language",
  request: { params: z.object({ locale: z.enum(locales) }) },
  responses: {
    200: {
      description: "The Atom feed",
      content: { "application/atom+xml": { schema: z.string() } },
    },
    ...problemResponses(422),
  },
});

/** How long a reader or a cache may keep an answer: the most the status page lags behind. */
export const SERVICE_HEALTH_MAX_AGE_SECONDS = 5;

export function serviceHealthApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(serviceHealthRoute, async (c) => {
    const locale = resolveLocale(c.req.valid("query").locale);
    const now = deps.clock.now();
    const report = statusReport(deps.config.services, await incidentHistory(deps.db, now), locale);
    // A few seconds: a burst of readers behind one cache costs one query, and
    // a posted or closed incident shows everywhere within them.
    c.header("Cache-Control", `public, max-age=${SERVICE_HEALTH_MAX_AGE_SECONDS}`);
    return c.json({ ...report, checkedAt: now.toISOString() }, 200);
  });
  router.openapi(feedRoute, async (c) => {
    const body = await incidentsFeed(deps, c.req.valid("param").locale);
    // Feed readers poll; a minute behind is news enough.
    c.header("Cache-Control", "public, max-age=60");
    return c.body(body, 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
  });
  return router;
}
