import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, retentionPolicySchema } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { dateTime, jsonBody, jsonResponse, problemResponses } from "../../platform/openapi.ts";

export const retentionOut = z
  .object({
    closedRequestDays: z
      .number()
      .int()
      .nullable()
      .openapi({
        description: `Closed requests untouched this many days (${MIN_RETENTION_DAYS}–${MAX_RETENTION_DAYS}) are deleted for good; null keeps every request.`,
      }),
    updatedAt: dateTime.nullable(),
    closedBefore: dateTime.nullable().openapi({
      description: "Requests closed and last changed before this instant are due now.",
    }),
    dueNow: z.number().int().openapi({ description: "How many requests the next run deletes." }),
    lastRun: z
      .object({ at: dateTime, deleted: z.number().int() })
      .nullable()
      .openapi({ description: "The policy runs hourly; null before its first run." }),
    recentlyDeleted: z
      .array(z.object({ number: z.string(), lastChangedAt: dateTime, deletedAt: dateTime }))
      .openapi({
        description: "The latest deletions, newest first: numbers only, nothing personal.",
      }),
  })
  .openapi("RetentionPolicy");

const admins = { tags: ["Retention"], middleware: requireStaff("admin") };

export const readRetentionRoute = createRoute({
  method: "get",
  path: "/api/v1/retention-policy",
  ...admins,
  summary: "How long closed requests are kept, and what the policy deleted",
  responses: {
    200: jsonResponse(retentionOut, "The policy and its latest work"),
    ...problemResponses(401, 403),
  },
});

export const setRetentionRoute = createRoute({
  method: "put",
  path: "/api/v1/retention-policy",
  ...admins,
  summary: "Set how long closed requests are kept",
  description:
    "A closed request untouched for the days set is deleted whole within the hour: its timeline, files, escalations and mail. Only its number is kept, as a record of the deletion. Requests in work are never deleted.",
  request: { body: jsonBody(retentionPolicySchema) },
  responses: {
    200: jsonResponse(retentionOut, "Set; the next hourly run applies it"),
    ...problemResponses(400, 401, 403, 415, 422),
  },
});
