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
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";
import { customers } from "./customers.ts";
import { serviceIncidents } from "./help-center.ts";
import { staffUsers } from "./staff.ts";

/** One support request; its history lives in request_events. */
export const requests = sqliteTable(
  "requests",
  {
    id: integer().primaryKey({ autoIncrement: true }),
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
    /** The customer's time zone (IANA) as their browser said when filing; null when unknown. */
    timeZone: text("time_zone"),
    /** SHA-256 of the customer's tracking token; the token itself is never stored. */
    trackingTokenHash: text("tracking_token_hash").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    firstResponseAt: integer("first_response_at", { mode: "timestamp_ms" }),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    /** Bumped on every change, so a stale edit can be refused. */
    version: integer().notNull().default(1),
    /** The known incident the customer saw and filed anyway. */
    incidentId: integer("incident_id").references(() => serviceIncidents.id),
    /** Articles the contact form suggested, and those the customer opened. */
    suggestedArticles: text("suggested_articles", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default([]),
    openedArticles: text("opened_articles", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default([]),
    /** The agent working on it. */
    assigneeId: integer("assignee_id").references((): AnySQLiteColumn => staffUsers.id),
    /** Set when this request was merged into another as a duplicate. */
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => requests.id),
    /**
     * When the running SLA clock falls due (first response until answered,
     * then resolution) and when it turns at risk; null while paused or done.
     * Derived from the history by core's slaSchedule, kept here so the queue
     * sorts and filters by SLA with an index (see sla.ts).
     */
    slaDueAt: integer("sla_due_at", { mode: "timestamp_ms" }),
    slaRiskAt: integer("sla_risk_at", { mode: "timestamp_ms" }),
    /** The customer's one rating of the support once it was resolved, and what they wrote with it. */
    satisfaction: text().$type<"good" | "bad">(),
    satisfactionComment: text("satisfaction_comment"),
    ratedAt: integer("rated_at", { mode: "timestamp_ms" }),
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
export const requestSequences = sqliteTable("request_sequences", {
  year: integer().primaryKey(),
  last: integer().notNull(),
});

/** The append-only timeline of a request (triggers refuse UPDATE and DELETE). */
export const requestEvents = sqliteTable(
  "request_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    type: text().$type<RequestEventType>().notNull(),
    actor: text().$type<Actor>().notNull(),
    visibility: text().$type<EventVisibility>().notNull(),
    body: text(),
    /** Structured detail, e.g. { from, to } for a status change. */
    data: text({ mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.id)],
);

/** The desk's tags on a request, one row each; the queue filters on them. */
export const requestTags = sqliteTable(
  "request_tags",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    tag: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.tag] }), index("request_tags_tag_idx").on(t.tag)],
);
