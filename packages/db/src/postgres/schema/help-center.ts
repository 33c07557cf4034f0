import type { Locale, Localized, ServiceStatus } from "@frontline/core";
import { boolean, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";

/** A known problem with a service, shown in the help center and the console. */
export const serviceIncidents = pgTable(
  "service_incidents",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    service: text().notNull(),
    impact: text().$type<Exclude<ServiceStatus, "operational">>().notNull(),
    status: text().notNull(),
    /** The incident text per locale; English is always present. */
    message: jsonb().$type<Partial<Localized>>().notNull(),
    startedAt: instant("started_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    resolvedAt: instant("resolved_at"),
  },
  (t) => [index("service_incidents_active_idx").on(t.resolvedAt)],
);

/** "Was this helpful?" answers; one row per page visit, updated by a later comment. */
export const articleFeedback = pgTable(
  "article_feedback",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    submissionId: text("submission_id").notNull().unique(),
    locale: text().$type<Locale>().notNull(),
    article: text().notNull(),
    helpful: boolean().notNull(),
    comment: text(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("article_feedback_article_idx").on(t.article)],
);
