import {
  attachmentTokensSchema,
  cannedReplyStatuses,
  categoryIds,
  plainText,
  severityIds,
  statuses,
  tagChangeSchema,
} from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import {
  jsonBody,
  jsonResponse,
  numberParam,
  problemResponses,
  staffReadOneRefusals,
} from "../../platform/openapi.ts";
import { deskRequestSchema } from "./desk.schemas.ts";

const version = z.number().int().positive().openapi({
  description:
    "The version you read; if the request changed since, nothing happens and you get 409.",
});

const body = plainText().min(1).max(10_000);

const detail = (description: string) => jsonResponse(deskRequestSchema, description);

export const requestDetailRoute = createRoute({
  method: "get",
  path: "/api/v1/desk/requests/{number}",
  tags: ["Desk"],
  summary: "A request with its customer, full timeline, SLA, help-center trail and incidents",
  middleware: requireStaff("admin", "agent"),
  request: { params: numberParam },
  responses: { 200: detail("The request as the desk sees it"), ...staffReadOneRefusals },
});

/** One action on a request: POST with the version read, answers the updated request. */
const changed = { 200: detail("The request after the change") };
const added = { 201: detail("The request with the new timeline entry") };
const refusals = problemResponses(400, 401, 403, 404, 409, 413, 415, 422);

/** What every action shares: POST by admins and agents, a JSON body with the version read. */
const action = {
  method: "post" as const,
  tags: ["Desk"],
  middleware: requireStaff("admin", "agent"),
};

function bodyOf<S extends z.ZodType>(schema: S) {
  return {
    params: numberParam,
    body: jsonBody(schema),
  };
}

const at = (path: string) => `/api/v1/desk/requests/{number}/${path}`;

export const assignmentBody = z.strictObject({
  version,
  assigneeId: z
    .union([z.number().int().positive(), z.literal("me"), z.null()])
    .openapi({ description: 'A staff member (admin or agent), "me", or null for nobody.' }),
});
export const assignRoute = createRoute({
  ...action,
  path: at("assignment"),
  summary: "Claim or assign the request",
  request: bodyOf(assignmentBody),
  responses: { ...changed, ...refusals },
});

export const classificationBody = z
  .strictObject({
    version,
    severity: z.enum(severityIds).optional(),
    category: z.enum(categoryIds).optional(),
  })
  .refine((b) => b.severity !== undefined || b.category !== undefined, {
    message: "Give a severity, a category, or both.",
  });
export const classifyRoute = createRoute({
  ...action,
  path: at("classification"),
  summary: "Change severity or category",
  description: "A new severity changes the SLA targets at once.",
  request: bodyOf(classificationBody),
  responses: { ...changed, ...refusals },
});

/** Files uploaded first (POST /api/v1/uploads), by their tokens. */
const attachments = attachmentTokensSchema.optional();

export const replyBody = z.strictObject({
  version,
  body,
  attachments,
  status: z.enum(cannedReplyStatuses).optional().openapi({
    description:
      "Move the request as the reply is sent (as a canned reply may): one email carries both. Resolved this way is a resolution.",
  }),
});
export const replyRoute = createRoute({
  ...action,
  path: at("replies"),
  summary: "Reply to the customer (public, mailed)",
  description: "The first public reply stops the first-response clock.",
  request: bodyOf(replyBody),
  responses: { ...added, ...refusals },
});

export const noteBody = z.strictObject({ version, body, attachments });
export const noteRoute = createRoute({
  ...action,
  path: at("notes"),
  summary: "Add an internal note (never shown to the customer)",
  request: bodyOf(noteBody),
  responses: { ...added, ...refusals },
});

export const statusBody = z.strictObject({ version, status: z.enum(statuses) });
export const statusRoute = createRoute({
  ...action,
  path: at("status"),
  summary: "Move the request along its lifecycle",
  description:
    "Only moves the lifecycle allows for staff; anything else is 409 with the reason. Escalating goes through POST .../escalations, which needs the packet, and resolving through POST .../resolution, which needs the text the customer reads.",
  request: bodyOf(statusBody),
  responses: { ...changed, ...refusals },
});

export const resolutionBody = z.strictObject({ version, body });
export const resolutionRoute = createRoute({
  ...action,
  path: at("resolution"),
  summary: "Resolve the request, sending the customer the resolution",
  description:
    "The text is a public reply, written in the customer's language (the request's locale), and goes into the email that says the request is resolved. It is the only way staff resolve a request: the customer never reads a bare \"Resolved\". After an operator's resolution, the desk view's operatorResolution holds the operator's text to start from.",
  request: bodyOf(resolutionBody),
  responses: { ...changed, ...refusals },
});

export const mergeBody = z.strictObject({
  version,
  into: z
    .string()
    .max(40)
    .openapi({ example: "SR-2026-000123", description: "The request that carries on." }),
});
export const mergeRoute = createRoute({
  ...action,
  path: at("merge"),
  summary: "Merge this duplicate into another request",
  description:
    "Closes this request through the lifecycle (the customer is told and mailed) and notes it on the other one.",
  request: bodyOf(mergeBody),
  responses: { ...changed, ...refusals },
});

export const incidentBody = z.strictObject({
  version,
  incidentId: z.number().int().positive().nullable(),
});
export const incidentRoute = createRoute({
  ...action,
  path: at("incident"),
  summary: "Link the request to a service incident (or unlink it with null)",
  request: bodyOf(incidentBody),
  responses: { ...changed, ...refusals },
});

export const tagsBody = tagChangeSchema.extend({ version });
export const tagsRoute = createRoute({
  ...action,
  path: at("tags"),
  summary: "Add and remove the desk's tags (internal)",
  request: bodyOf(tagsBody),
  responses: { ...changed, ...refusals },
});
