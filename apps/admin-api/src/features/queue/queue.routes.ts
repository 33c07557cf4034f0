import {
  categoryIds,
  plainText,
  queueSorts,
  severityIds,
  slaFilters,
  sortOrders,
  statuses,
  tagSchema,
} from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { jsonResponse, problemResponses } from "../../platform/openapi.ts";

/** A filter given as `?status=new&status=open` or `?status=new,open` (or both). */
function listOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : [value])
            .flatMap((v) => v.split(","))
            .map((v) => v.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).optional())
    .openapi({ description: `${description} One of: ${values.join(", ")}.`, example: values[0] });
}

const positiveId = z.string().regex(/^[1-9]\d{0,15}$/, "Must be a positive whole number");

export const queueQuerySchema = z.strictObject({
  status: listOf(statuses, "Only these statuses; repeat the parameter or separate with commas."),
  severity: listOf(severityIds, "Only these severities."),
  category: listOf(categoryIds, "Only these categories."),
  service: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ description: "Only these services (ids); repeat it or separate with commas." }),
  customer: z
    .union([z.literal("unknown"), positiveId])
    .optional()
    .openapi({ description: 'A customer id, or "unknown" for organisations no customer matched.' }),
  assignee: z
    .union([z.enum(["me", "none"]), positiveId])
    .optional()
    .openapi({ description: 'A staff id, "me", or "none" for unassigned requests.' }),
  sla: z.enum(slaFilters).optional().openapi({
    description: "breached: the running SLA clock is past due; at-risk: less than a quarter left.",
  }),
  satisfaction: z.enum(["good", "bad", "unrated"]).optional().openapi({
    description: "The customer's rating of the support: good, bad, or unrated (not rated yet).",
  }),
  incident: positiveId.optional().openapi({ description: "Requests linked to this incident." }),
  tag: tagSchema.optional().openapi({ description: "Requests carrying this tag." }),
  q: plainText().max(200).optional().openapi({
    description:
      "Words to find in the subject, description and every message (internal notes too); all must match, each as a word prefix. A reference number finds that request.",
  }),
  sort: z.enum(queueSorts).default("sla").openapi({
    description: "sla: the SLA due soonest first, paused and finished last; or created / updated.",
  }),
  order: z.enum(sortOrders).optional().openapi({
    description: "asc or desc; by default SLA ascending, created and updated descending.",
  }),
  cursor: z
    .string()
    .max(300)
    .optional()
    .openapi({ description: "The nextCursor of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

const person = z.object({ id: z.number().int(), name: z.string() });

export const slaSummarySchema = z
  .object({
    state: z.enum(["running", "at-risk", "breached", "paused", "done"]),
    dueAt: z.string().nullable().openapi({
      format: "date-time",
      description: "When the running clock falls due; null while paused or done.",
    }),
    breached: z.boolean(),
    atRisk: z.boolean(),
  })
  .openapi("SlaSummary");

export const queueItemSchema = z
  .object({
    number: z.string(),
    version: z.number().int(),
    subject: z.string(),
    status: z.enum(statuses),
    severity: z.enum(severityIds),
    category: z.enum(categoryIds),
    service: z.string(),
    organisation: z.string(),
    contactName: z.string(),
    customer: z.object({ id: z.number().int(), organisation: z.string() }).nullable(),
    unknownOrganisation: z
      .boolean()
      .openapi({ description: "No customer matched the organisation when it was filed." }),
    assignee: person.nullable(),
    incidentId: z.number().int().nullable(),
    tags: z.array(z.string()),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
    sla: slaSummarySchema,
  })
  .openapi("QueueItem");

export const queuePageSchema = z
  .object({
    items: z.array(queueItemSchema),
    nextCursor: z.string().nullable(),
    counts: z.record(z.enum(statuses), z.number().int()).openapi({
      description: "Requests per status for these filters, whatever the status filter.",
    }),
  })
  .openapi("QueuePage");

export const queueRoute = createRoute({
  method: "get",
  path: "/api/v1/queue",
  tags: ["Desk"],
  summary: "The partner's queue of requests, filtered, searched and sorted by SLA due",
  description:
    "Keyset pagination: pass nextCursor as cursor for the next page; it never repeats or skips a request.",
  middleware: requireStaff("admin", "agent"),
  request: { query: queueQuerySchema },
  responses: { 200: jsonResponse(queuePageSchema, "One page"), ...problemResponses(401, 403, 422) },
});
