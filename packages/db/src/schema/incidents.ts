import type { IncidentStage, Locale, Localized } from "@frontline/core";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { serviceIncidents } from "./help-center.ts";

/**
 * An incident's timeline: one row per update staff post (the first when
 * the incident is posted, the last when it is resolved). Append-only; the
 * incident row keeps the latest stage and text for the views that need
 * only those.
 */
export const incidentUpdates = sqliteTable(
  "incident_updates",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => serviceIncidents.id),
    stage: text().$type<IncidentStage>().notNull(),
    /** What customers read, per locale; empty when a resolution said nothing. */
    message: text({ mode: "json" }).$type<Partial<Localized>>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("incident_updates_incident_idx").on(t.incidentId, t.createdAt)],
);

/**
 * Someone who confirmed (double opt-in) that they want the incident mail
 * of one service. Only confirmed addresses are ever stored, and
 * unsubscribing deletes the row: an address is kept exactly as long as
 * its owner wants the mail.
 */
export const incidentSubscriptions = sqliteTable(
  "incident_subscriptions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    service: text().notNull(),
    /** Trimmed, lower-case: one subscription per address and service. */
    email: text().notNull(),
    /** The language the mail is written in: the status page's where they subscribed. */
    locale: text().$type<Locale>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("incident_subscriptions_service_email_idx").on(t.service, t.email)],
);
