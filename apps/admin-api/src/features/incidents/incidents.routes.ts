import {
  incidentSchema,
  incidentStatuses,
  locales,
  plainText,
  serviceStatuses,
} from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import {
  dateTime,
  idParam,
  itemsResponse,
  jsonBody,
  jsonResponse,
  problemResponses,
  staffChangeRefusals,
  staffReadRefusals,
} from "../../platform/openapi.ts";

const localizedMessage = z.partialRecord(z.enum(locales), plainText().min(1).max(2_000));
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

/** In the Service health section: every role reads incidents, operators and admins change them. */
const forEveryRole = {
  tags: ["Service health"],
  middleware: requireStaff("admin", "agent", "operator"),
};
const forChangers = { tags: ["Service health"], middleware: requireStaff("admin", "operator") };

export const listIncidentsRoute = createRoute({
  method: "get",
  path: "/api/v1/incidents",
  ...forEveryRole,
  summary: "Incidents, active first",
  responses: { 200: itemsResponse(incidentOut, "The incidents"), ...staffReadRefusals },
});

export const createIncidentRoute = createRoute({
  method: "post",
  path: "/api/v1/incidents",
  ...forChangers,
  summary: "Post an incident; the help center banner, status page and contact form show it",
  request: { body: jsonBody(incidentSchema) },
  responses: {
    201: jsonResponse(incidentOut, "Posted"),
    ...problemResponses(400, 401, 403, 415, 422),
  },
});

export const updateIncidentRoute = createRoute({
  method: "patch",
  path: "/api/v1/incidents/{id}",
  ...forChangers,
  summary: "Update an incident's status, impact or message",
  request: {
    params: idParam,
    body: jsonBody(
      z.strictObject({
        status: z.enum(incidentStatuses).exclude(["resolved"]).optional(),
        impact: z.enum(serviceStatuses).exclude(["operational"]).optional(),
        message: localizedMessage.optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse(incidentOut, "Updated"), ...staffChangeRefusals },
});

export const resolveIncidentRoute = createRoute({
  method: "post",
  path: "/api/v1/incidents/{id}/resolution",
  ...forChangers,
  summary: "Resolve an incident, optionally resolving every linked request with one message",
  request: {
    params: idParam,
    body: jsonBody(
      z.strictObject({
        message: localizedMessage.optional(),
        resolveLinkedRequests: z.boolean().default(false),
      }),
    ),
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
    ...staffChangeRefusals,
  },
});
