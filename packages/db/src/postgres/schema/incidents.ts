import type { IncidentStage, Locale, Localized } from "@frontline/core";
import { index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { serviceIncidents } from "./help-center.ts";
import { instant } from "./instant.ts";

/** An incident's timeline: see the SQLite schema. */
export const incidentUpdates = pgTable(
  "incident_updates",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => serviceIncidents.id),
    stage: text().$type<IncidentStage>().notNull(),
    message: jsonb().$type<Partial<Localized>>().notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("incident_updates_incident_idx").on(t.incidentId, t.createdAt)],
);

/** Confirmed subscribers to one service's incident mail: see the SQLite schema. */
export const incidentSubscriptions = pgTable(
  "incident_subscriptions",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    service: text().notNull(),
    email: text().notNull(),
    locale: text().$type<Locale>().notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [uniqueIndex("incident_subscriptions_service_email_idx").on(t.service, t.email)],
);
