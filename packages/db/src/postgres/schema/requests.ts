import type {
  Actor,
  CategoryId,
  EventVisibility,
  Locale,
  RequestEventType,
  SeverityId,
  Status,
} from "@frontline/core";
import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { customers } from "./customers.ts";
import { serviceIncidents } from "./help-center.ts";
import { instant } from "./instant.ts";
import { staffUsers } from "./staff.ts";

/** One support request; its history lives in request_events. */
export const requests = pgTable(
  "requests",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    number: text().notNull().unique(),
    customerId: integer("customer_id").references(() => customers.id),
    locale: text().$type<Locale>().notNull(),
    category: text().$type<CategoryId>().notNull(),
    service: text().notNull(),
    severity: text().$type<SeverityId>().notNull(),
    status: text().$type<Status>().notNull().default("new"),
    subject: text().notNull(),
    description: text().notNull(),
    organisation: text().notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    timeZone: text("time_zone"),
    /** SHA-256 of the customer's tracking token; the token itself is never stored. */
    trackingTokenHash: text("tracking_token_hash").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    firstResponseAt: instant("first_response_at"),
    resolvedAt: instant("resolved_at"),
    /** Bumped on every change, so a stale edit can be refused. */
    version: integer().notNull().default(1),
    /** The known incident the customer saw and filed anyway. */
    incidentId: integer("incident_id").references(() => serviceIncidents.id),
    /** Articles the contact form suggested, and those the customer opened. */
    suggestedArticles: jsonb("suggested_articles").$type<string[]>().notNull().default([]),
    openedArticles: jsonb("opened_articles").$type<string[]>().notNull().default([]),
    /** The agent working on it. */
    assigneeId: integer("assignee_id").references((): AnyPgColumn => staffUsers.id),
    /** Set when this request was merged into another as a duplicate. */
    mergedIntoId: integer("merged_into_id").references((): AnyPgColumn => requests.id),
    /**
     * When the running SLA clock falls due (first response until answered,
     * then resolution) and when it turns at risk; null while paused or done.
     * Derived from the history by core's slaSchedule, kept here so the queue
     * sorts and filters by SLA with an index (see sla.ts).
     */
    slaDueAt: instant("sla_due_at"),
    slaRiskAt: instant("sla_risk_at"),
    satisfaction: text().$type<"good" | "bad">(),
    satisfactionComment: text("satisfaction_comment"),
    ratedAt: instant("rated_at"),
  },
  (t) => [
    index("requests_status_idx").on(t.status),
    index("requests_created_idx").on(t.createdAt),
    index("requests_updated_idx").on(t.updatedAt),
    // The queue: its default order, and counts per status for each filter it offers.
    index("requests_sla_due_idx").on(t.slaDueAt),
    index("requests_status_sla_idx").on(t.status, t.slaDueAt),
    index("requests_assignee_idx").on(t.assigneeId, t.status),
    index("requests_customer_idx").on(t.customerId, t.status),
    index("requests_severity_idx").on(t.severity, t.status),
    index("requests_category_idx").on(t.category, t.status),
    index("requests_service_idx").on(t.service, t.status),
    index("requests_incident_idx").on(t.incidentId, t.status),
  ],
);

/** Hands out the yearly sequence behind SR-2026-000123 without gaps from races. */
export const requestSequences = pgTable("request_sequences", {
  year: integer().primaryKey(),
  last: integer().notNull(),
});

/** The append-only timeline of a request (triggers refuse UPDATE and DELETE). */
export const requestEvents = pgTable(
  "request_events",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    type: text().$type<RequestEventType>().notNull(),
    actor: text().$type<Actor>().notNull(),
    visibility: text().$type<EventVisibility>().notNull(),
    body: text(),
    /** Structured detail, e.g. { from, to } for a status change. */
    data: jsonb().$type<Record<string, unknown>>(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.id)],
);

/** The desk's tags on a request, one row each; the queue filters on them. */
export const requestTags = pgTable(
  "request_tags",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    tag: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.tag] }), index("request_tags_tag_idx").on(t.tag)],
);
