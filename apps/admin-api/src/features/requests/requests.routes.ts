import {
  type createSupportRequestSchema,
  customerStatusChangeSchema,
  messageSchema,
  satisfactionRatings,
  satisfactionSchema,
  statuses,
} from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody, jsonResponse, numberParam, problemResponses } from "../../platform/openapi.ts";

/** A file as a timeline entry lists it. */
export const attachmentSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    size: z.number().int().openapi({ description: "Bytes" }),
    contentType: z.string(),
  })
  .openapi("Attachment");

/** The customer's rating as the customer and the desk read it back (ratingOf). */
export const satisfactionOut = z
  .object({
    rating: z.enum(satisfactionRatings),
    comment: z.string().nullable(),
    ratedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Satisfaction");

export const filedRequestSchema = z
  .object({
    number: z.string().openapi({ example: "SR-2026-000123" }),
    trackingToken: z.string().openapi({
      description: "Secret; send it as X-Tracking-Token to read the request. Shown only once.",
    }),
    status: z.enum(statuses),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("FiledRequest");

/** Built per app, because the schema follows the configured service catalogue. */
export const fileRequestRoute = (schema: ReturnType<typeof createSupportRequestSchema>) =>
  createRoute({
    method: "post",
    path: "/api/v1/requests",
    tags: ["Requests"],
    summary: "File a support request",
    request: {
      headers: z.object({
        "idempotency-key": z.string().min(8).max(200).optional().openapi({
          description:
            "A value unique to this submission; sending it again returns the first answer instead of filing twice.",
        }),
      }),
      body: jsonBody(schema),
    },
    responses: {
      201: jsonResponse(
        filedRequestSchema,
        "Filed; keep the tracking token, it is not shown again",
      ),
      ...problemResponses(400, 413, 415, 422, 429),
    },
  });

const timelineEntrySchema = z.object({
  type: z.string(),
  author: z.enum(["customer", "partner", "operator"]),
  body: z.string().nullable(),
  /** For status changes: the status moved to. */
  status: z.string().nullable(),
  attachments: z.array(attachmentSchema).openapi({
    description: "Files sent with this entry: GET /api/v1/requests/{number}/attachments/{id}.",
  }),
  createdAt: z.string().openapi({ format: "date-time" }),
});

export const trackedRequestSchema = z
  .object({
    number: z.string(),
    status: z.enum(statuses),
    statusLabel: z.string().openapi({ description: "The status in the request's language" }),
    locale: z.string(),
    category: z.string(),
    service: z.string(),
    severity: z.string(),
    subject: z.string(),
    description: z.string(),
    organisation: z.string(),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
    allowedStatuses: z.array(z.enum(statuses)).openapi({
      description: "What the customer may do now: resolved (it is solved), closed, open (reopen).",
    }),
    canReply: z.boolean(),
    reopenUntil: z.string().nullable().openapi({ format: "date-time" }),
    canRate: z.boolean().openapi({ description: "The request was resolved and is not rated yet." }),
    satisfaction: satisfactionOut.nullable(),
    timeline: z.array(timelineEntrySchema),
  })
  .openapi("TrackedRequest");

/**
 * The customer proves it is their request with the tracking token they got
 * when filing, or with the signed access link of any later email.
 */
export const tracking = {
  params: numberParam,
  headers: z.object({
    "x-tracking-token": z.string().max(200).optional().openapi({
      description:
        "The tracking token from filing, or the access credential after the request number in an email's link (#SR-…:a1.…). Expired, tampered with or wrong: the same 404 as an unknown request.",
    }),
  }),
};
const trackedResponse = (description: string) => jsonResponse(trackedRequestSchema, description);
/** What the customer's changes (a reply, a status) can be refused for. */
const changeRefusals = problemResponses(400, 404, 409, 415, 422, 429);

export const replyRoute = createRoute({
  method: "post",
  path: "/api/v1/requests/{number}/replies",
  tags: ["Requests"],
  summary: "Reply to your request",
  description:
    "Answering a question puts the request back in progress; replying to a resolved request reopens it (within 7 days).",
  request: { ...tracking, body: jsonBody(messageSchema) },
  responses: { 201: trackedResponse("The reply is on the timeline"), ...changeRefusals },
});

export const customerStatusRoute = createRoute({
  method: "post",
  path: "/api/v1/requests/{number}/status",
  tags: ["Requests"],
  summary: "Confirm your request is solved, close it, or reopen it",
  request: { ...tracking, body: jsonBody(customerStatusChangeSchema) },
  responses: { 200: trackedResponse("The request in its new status"), ...changeRefusals },
});

export const rateRoute = createRoute({
  method: "post",
  path: "/api/v1/requests/{number}/satisfaction",
  tags: ["Requests"],
  summary: "Rate the support, once the request is resolved",
  description:
    "Good or bad, with an optional comment; once per request (409 already-rated after that). A bad rating reopens nothing: it tells the agent working on it.",
  request: { ...tracking, body: jsonBody(satisfactionSchema) },
  responses: { 200: trackedResponse("The request with its rating"), ...changeRefusals },
});

export const trackRequestRoute = createRoute({
  method: "get",
  path: "/api/v1/requests/{number}",
  tags: ["Requests"],
  summary: "Follow a request with its tracking token",
  description:
    "Answers 404 alike for an unknown number, a wrong token and a missing token, so the API never reveals which numbers exist.",
  request: tracking,
  responses: {
    200: trackedResponse("The request and its public timeline"),
    ...problemResponses(404),
  },
});
