import { escalationPacketSchema, escalationStatuses } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { problemResponses } from "../../platform/openapi.ts";

const numberParam = z.object({ number: z.string().openapi({ example: "SR-2026-000123" }) });
const idParam = z.object({ id: z.coerce.number().int().positive() });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const anyObject = z.record(z.string(), z.unknown());

export const draftRoute = createRoute({
  method: "get",
  path: "/api/v1/desk/requests/{number}/escalation-draft",
  tags: ["Escalations"],
  summary: "An escalation packet prefilled from the request, with what is still missing",
  middleware: [requireStaff("agent", "admin")],
  request: { params: numberParam },
  responses: {
    200: json(anyObject, "The draft packet and its readiness"),
    ...problemResponses(401, 403, 404),
  },
});

export const escalateRoute = createRoute({
  method: "post",
  path: "/api/v1/desk/requests/{number}/escalations",
  tags: ["Escalations"],
  summary: "Escalate a request to the operator",
  description:
    "Refused with 422, listing every missing item, until the packet shows the partner did its part.",
  middleware: [requireStaff("agent", "admin")],
  request: {
    params: numberParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            version: z.number().int().positive(),
            packet: escalationPacketSchema,
          }),
        },
      },
    },
  },
  responses: {
    201: json(anyObject, "Escalated"),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

export const listRoute = createRoute({
  method: "get",
  path: "/api/v1/escalations",
  tags: ["Escalations"],
  summary: "Escalations, newest first, with the operator's response clocks",
  middleware: [requireStaff("operator", "agent", "admin")],
  request: { query: z.object({ status: z.enum(escalationStatuses).optional() }) },
  responses: {
    200: json(z.object({ items: z.array(anyObject) }), "The escalations"),
    ...problemResponses(401, 403),
  },
});

export const showRoute = createRoute({
  method: "get",
  path: "/api/v1/escalations/{id}",
  tags: ["Escalations"],
  summary: "One escalation with its packet and the operator's clocks",
  middleware: [requireStaff("operator", "agent", "admin")],
  request: { params: idParam },
  responses: { 200: json(anyObject, "The escalation"), ...problemResponses(401, 403, 404) },
});

export const updateRoute = createRoute({
  method: "patch",
  path: "/api/v1/escalations/{id}",
  tags: ["Escalations"],
  summary:
    "The operator updates an escalation: acknowledge, assign an engineer, resolve or return it",
  middleware: [requireStaff("operator", "admin")],
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            version: z.number().int().positive(),
            status: z.enum(escalationStatuses).optional(),
            operatorReference: z.string().trim().min(1).max(100).optional(),
            message: z.string().trim().min(1).max(10_000).optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: json(anyObject, "The updated escalation"),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});
