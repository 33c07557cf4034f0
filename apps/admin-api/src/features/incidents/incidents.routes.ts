import { incidentSchema, incidentStatuses, locales, serviceStatuses } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { dateTime, idParam, jsonResponse, problemResponses } from "../../platform/openapi.ts";

const localizedMessage = z.partialRecord(z.enum(locales), z.string().trim().min(1).max(2_000));
const incidentOut = z
  .object({
    id: z.number().int(),
    service: z.string().openapi({ example: "mail" }),
    impact: z.enum(serviceStatuses).exclude(["operational"]),
    status: z.string().openapi({ example: "investigating" }),
    message: z
      .partialRecord(z.enum(locales), z.string())
      .openapi({ description: "What customers read, per language" }),
    startedAt: dateTime,
    updatedAt: dateTime,
    resolvedAt: dateTime.nullable(),
  })
  .openapi("Incident");

export const listIncidentsRoute = createRoute({
  method: "get",
  path: "/api/v1/incidents",
  tags: ["Service health"],
  summary: "Incidents, active first",
  middleware: requireStaff("admin", "agent", "operator"),
  responses: {
    200: jsonResponse(z.object({ items: z.array(incidentOut) }), "The incidents"),
    ...problemResponses(401, 403),
  },
});

export const createIncidentRoute = createRoute({
  method: "post",
  path: "/api/v1/incidents",
  tags: ["Service health"],
  summary: "Post an incident; the help center banner, status page and contact form show it",
  middleware: requireStaff("admin", "operator"),
  request: {
    body: { required: true, content: { "application/json": { schema: incidentSchema } } },
  },
  responses: {
    201: jsonResponse(incidentOut, "Posted"),
    ...problemResponses(400, 401, 403, 415, 422),
  },
});

export const updateIncidentRoute = createRoute({
  method: "patch",
  path: "/api/v1/incidents/{id}",
  tags: ["Service health"],
  summary: "Update an incident's status, impact or message",
  middleware: requireStaff("admin", "operator"),
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            status: z.enum(incidentStatuses).exclude(["resolved"]).optional(),
            impact: z.enum(serviceStatuses).exclude(["operational"]).optional(),
            message: localizedMessage.optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(incidentOut, "Updated"),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

export const resolveIncidentRoute = createRoute({
  method: "post",
  path: "/api/v1/incidents/{id}/resolution",
  tags: ["Service health"],
  summary: "Resolve an incident, optionally resolving every linked request with one message",
  middleware: requireStaff("admin", "operator"),
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            message: localizedMessage.optional(),
            resolveLinkedRequests: z.boolean().default(false),
          }),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(
      z.object({
        incident: incidentOut,
        resolvedRequests: z.array(z.string()),
        leftForPartner: z.array(z.string()),
      }),
      "Resolved",
    ),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});
