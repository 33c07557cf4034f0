import {
  escalationMissingItems,
  escalationPacketSchema,
  escalationStatuses,
  plainText,
  serviceStatuses,
  severityIds,
} from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import {
  dateTime,
  idParam,
  jsonBody,
  jsonResponse,
  numberParam,
  staffChangeRefusals,
  staffReadOneRefusals,
  staffReadRefusals,
} from "../../platform/openapi.ts";
import { attachmentSchema } from "../requests/requests.routes.ts";

/** The packet as sent back: the same fields as sent in, the health check's time as ISO 8601. */
const packetOut = escalationPacketSchema
  .extend({
    serviceHealth: z
      .object({
        checkedAt: dateTime,
        status: z.enum(serviceStatuses),
        incidentId: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi("EscalationPacket");

const operatorClock = z.object({
  state: z.enum(["running", "paused", "met", "breached"]),
  dueAt: dateTime,
  breached: z.boolean(),
  atRisk: z.boolean(),
});

const escalationOut = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    status: z.enum(escalationStatuses),
    operatorReference: z.string().nullable(),
    request: z.object({
      number: z.string().openapi({ example: "SR-2026-000123" }),
      subject: z.string(),
      organisation: z.string(),
      service: z.string(),
      severity: z.enum(severityIds),
    }),
    packet: packetOut,
    submittedAt: dateTime,
    acknowledgedAt: dateTime.nullable(),
    finishedAt: dateTime.nullable(),
    operatorSla: z
      .object({ firstResponse: operatorClock, resolution: operatorClock })
      .openapi({ description: "The operator's own clocks, apart from the partner's" }),
  })
  .openapi("Escalation");

/** One escalation as its page and GET show it: with the files the request holds. */
const escalationDetailOut = escalationOut
  .extend({
    files: z.array(attachmentSchema).openapi({
      description:
        "Every file on the request (the customer's, the partner's replies' and notes'): GET /api/v1/escalations/{id}/attachments/{fileId}.",
    }),
  })
  .openapi("EscalationDetail");

const draftOut = z
  .object({
    number: z.string(),
    version: z.number().int(),
    packet: packetOut,
    notesToOffer: z.array(z.object({ id: z.number().int(), body: z.string() })).openapi({
      description:
        "The request's internal notes, offered as steps tried: none is in the packet until the agent picks it.",
    }),
    articlesSuggested: z.array(z.string()).openapi({
      description:
        "Articles the contact form suggested but the customer did not open; apart from articlesSeen, which lists only those opened.",
    }),
    readiness: z.object({
      ready: z.boolean(),
      missing: z.array(z.object({ item: z.enum(escalationMissingItems), message: z.string() })),
    }),
  })
  .openapi("EscalationDraft");

/** The Escalations section: the desk escalates, every role reads, the operator (or an admin) updates. */
const forTheDesk = { tags: ["Escalations"], middleware: requireStaff("agent", "admin") };
const forEveryRole = {
  tags: ["Escalations"],
  middleware: requireStaff("operator", "agent", "admin"),
};
const forTheOperator = { tags: ["Escalations"], middleware: requireStaff("operator", "admin") };

export const draftRoute = createRoute({
  method: "get",
  path: "/api/v1/desk/requests/{number}/escalation-draft",
  ...forTheDesk,
  summary: "An escalation packet prefilled from the request, with what is still missing",
  request: { params: numberParam },
  responses: {
    200: jsonResponse(draftOut, "The draft packet and its readiness"),
    ...staffReadOneRefusals,
  },
});

export const escalateRoute = createRoute({
  method: "post",
  path: "/api/v1/desk/requests/{number}/escalations",
  ...forTheDesk,
  summary: "Escalate a request to the operator",
  description:
    "Refused with 422, listing every missing item, until the packet shows the partner did its part.",
  request: {
    params: numberParam,
    body: jsonBody(
      z.strictObject({
        version: z.number().int().positive(),
        packet: escalationPacketSchema,
      }),
    ),
  },
  responses: { 201: jsonResponse(escalationOut, "Escalated"), ...staffChangeRefusals },
});

/** How the escalation list sorts: by the operator's SLA, or newest first. */
export const escalationSorts = ["sla", "submitted"] as const;
export type EscalationSort = (typeof escalationSorts)[number];

export const listRoute = createRoute({
  method: "get",
  path: "/api/v1/escalations",
  ...forEveryRole,
  summary: "Escalations by the operator's SLA (or newest first), a page at a time",
  request: {
    query: z.object({
      status: z.enum(escalationStatuses).optional(),
      sort: z.enum(escalationSorts).default("sla").openapi({
        description:
          "sla: the operator's running clock due soonest first, finished ones last; submitted: newest first.",
      }),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(escalationOut),
        page: z.number().int(),
        pages: z.number().int(),
        total: z.number().int(),
      }),
      "One page of escalations",
    ),
    ...staffReadRefusals,
  },
});

export const showRoute = createRoute({
  method: "get",
  path: "/api/v1/escalations/{id}",
  ...forEveryRole,
  summary: "One escalation with its packet and the operator's clocks",
  request: { params: idParam },
  responses: {
    200: jsonResponse(escalationDetailOut, "The escalation"),
    ...staffReadOneRefusals,
  },
});

export const updateRoute = createRoute({
  method: "patch",
  path: "/api/v1/escalations/{id}",
  ...forTheOperator,
  summary:
    "The operator updates an escalation: acknowledge, assign an engineer, resolve or return it",
  request: {
    params: idParam,
    body: jsonBody(
      z.strictObject({
        version: z.number().int().positive(),
        status: z.enum(escalationStatuses).optional(),
        operatorReference: plainText().min(1).max(100).optional(),
        message: plainText().min(1).max(10_000).optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse(escalationOut, "The updated escalation"), ...staffChangeRefusals },
});
