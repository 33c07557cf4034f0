import { categoryIds, requestEventTypes, severityIds, statuses } from "@frontline/core";
import { z } from "@hono/zod-openapi";
import { dateTime } from "../../platform/openapi.ts";
import { actingOnBehalfOut } from "../admin-portals/admin-portals.routes.ts";
import { slaSummarySchema } from "../queue/queue.routes.ts";
import { attachmentSchema, satisfactionOut } from "../requests/requests.routes.ts";

const clockSchema = z.object({
  state: z.enum(["running", "paused", "met", "breached"]),
  dueAt: dateTime,
  breached: z.boolean(),
  atRisk: z.boolean(),
  targetMinutes: z.number().int(),
});

const timelineEntrySchema = z
  .object({
    id: z.number().int(),
    type: z.enum(requestEventTypes),
    kind: z.string().openapi({
      description:
        "What happened, finer than type: note, classification, incident, merge for internal notes; otherwise the type.",
    }),
    internal: z.boolean().openapi({ description: "Never shown to the customer." }),
    actor: z.string(),
    by: z.string().nullable().openapi({ description: "The staff member's name, when known." }),
    summary: z.string().nullable().openapi({
      description:
        "For entries that record a change (assignment, status, classification, incident, merge): what changed, in one line.",
    }),
    body: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    attachments: z.array(attachmentSchema).openapi({
      description:
        "Files sent with this entry: GET /api/v1/desk/requests/{number}/attachments/{id}.",
    }),
    createdAt: dateTime,
  })
  .openapi("DeskTimelineEntry");

const incidentSchema = z.object({
  id: z.number().int(),
  service: z.string(),
  impact: z.string(),
  status: z.string(),
  message: z.record(z.string(), z.string()),
  startedAt: dateTime,
  resolvedAt: dateTime.nullable(),
});

export const deskRequestSchema = z
  .object({
    number: z.string(),
    version: z.number().int(),
    status: z.enum(statuses),
    allowedStatuses: z.array(z.enum(statuses)).openapi({
      description: "Where you may move it now (escalating goes through its own endpoint).",
    }),
    severity: z.enum(severityIds),
    category: z.enum(categoryIds),
    service: z.string(),
    locale: z.string(),
    subject: z.string(),
    description: z.string(),
    organisation: z.string(),
    contact: z.object({ name: z.string(), email: z.string() }),
    unknownOrganisation: z.boolean(),
    customer: z
      .object({
        id: z.number().int(),
        organisation: z.string(),
        tenantDomain: z.string().nullable(),
        contacts: z.array(
          z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
        ),
        subscriptions: z.array(
          z.object({
            service: z.string(),
            seats: z.number().int(),
            status: z.string(),
            renewalDate: dateTime,
          }),
        ),
        actingOnBehalf: actingOnBehalfOut,
      })
      .nullable(),
    assignee: z.object({ id: z.number().int(), name: z.string(), email: z.string() }).nullable(),
    tags: z.array(z.string()).openapi({ description: "The desk's own tags, internal." }),
    createdAt: dateTime,
    updatedAt: dateTime,
    firstResponseAt: dateTime.nullable(),
    resolvedAt: dateTime.nullable(),
    sla: slaSummarySchema.extend({ firstResponse: clockSchema, resolution: clockSchema }),
    helpCenter: z.object({
      suggestedArticles: z.array(z.string()),
      openedArticles: z.array(z.string()),
      titles: z.record(z.string(), z.string()).openapi({
        description:
          "Each article's title, in the customer's language where it is translated, by slug.",
      }),
      feedback: z.array(
        z.object({ article: z.string(), helpful: z.number().int(), notHelpful: z.number().int() }),
      ),
    }),
    incident: incidentSchema.nullable().openapi({ description: "The incident it is linked to." }),
    activeIncidents: z
      .array(incidentSchema)
      .openapi({ description: "Incidents going on now on the request's service." }),
    operatorResolution: z.object({ message: z.string(), at: dateTime }).nullable().openapi({
      description:
        "The operator resolved the escalation and the partner has not yet sent the customer the resolution (POST .../resolution): the operator's text to start from.",
    }),
    satisfaction: satisfactionOut
      .nullable()
      .openapi({ description: "The customer's rating of the support, once given." }),
    customerTime: z
      .object({
        timeZone: z.string().openapi({ example: "Europe/Berlin" }),
        local: z
          .string()
          .openapi({ example: "Wed 16:05", description: "Now, on the customer's clock." }),
      })
      .nullable()
      .openapi({ description: "Null when the customer's browser did not say its time zone." }),
    mergedInto: z.string().nullable(),
    duplicates: z.array(z.object({ number: z.string(), subject: z.string() })),
    timeline: z.array(timelineEntrySchema),
  })
  .openapi("DeskRequest");
