import { statuses, tagChangeSchema } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { jsonBody, jsonResponse, problemResponses } from "../../platform/openapi.ts";

/** What one bulk action does to each request; every kind goes through the request's own rules. */
export const bulkActionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("assign"),
    assigneeId: z.union([z.number().int().positive(), z.literal("me"), z.null()]),
  }),
  z.strictObject({ type: z.literal("status"), status: z.enum(statuses) }),
  z.strictObject({
    type: z.literal("incident"),
    incidentId: z.number().int().positive().nullable(),
  }),
  tagChangeSchema.extend({ type: z.literal("tags") }),
  z.strictObject({ type: z.literal("close") }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const MAX_BULK = 100;

export const bulkBody = z.strictObject({
  numbers: z
    .array(z.string().trim().min(1).max(40))
    .min(1, "Choose at least one request.")
    .max(MAX_BULK, `At most ${MAX_BULK} requests at once.`),
  action: bulkActionSchema,
});

const bulkResult = z
  .object({
    number: z.string(),
    ok: z.boolean(),
    status: z.enum(statuses).nullable().openapi({ description: "The status after the action." }),
    problem: z
      .object({ type: z.string(), title: z.string(), detail: z.string().nullable() })
      .nullable()
      .openapi({ description: "Why this request was left as it was." }),
  })
  .openapi("BulkResult");

export const bulkRoute = createRoute({
  method: "post",
  path: "/api/v1/desk/bulk",
  tags: ["Desk"],
  middleware: requireStaff("admin", "agent"),
  summary: "Assign, move, link, tag or close many requests at once",
  description:
    "Each request is changed on its own, by the same rules as one at a time: a request that may not change is reported with the reason and left as it is, the others change.",
  request: { body: jsonBody(bulkBody) },
  responses: {
    200: jsonResponse(
      z.object({
        changed: z.number().int(),
        refused: z.number().int(),
        results: z.array(bulkResult),
      }),
      "What happened to each request, in the order sent",
    ),
    ...problemResponses(400, 401, 403, 415, 422),
  },
});
