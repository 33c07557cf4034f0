import type { Locale, Localized, ServiceStatus } from "@frontline/core";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A known problem with a service, shown in the help center and the console. */
export const serviceIncidents = sqliteTable(
  "service_incidents",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    service: text().notNull(),
    impact: text().$type<Exclude<ServiceStatus, "operational">>().notNull(),
    status: text().notNull(),
    /** The incident text per locale; English is always present. */
    message: text({ mode: "json" }).$type<Partial<Localized>>().notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("service_incidents_active_idx").on(t.resolvedAt)],
);

/** "Was this helpful?" answers; one row per page visit, updated by a later comment. */
export const articleFeedback = sqliteTable(
  "article_feedback",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    submissionId: text("submission_id").notNull().unique(),
    locale: text().$type<Locale>().notNull(),
    article: text().notNull(),
    helpful: integer({ mode: "boolean" }).notNull(),
    comment: text(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("article_feedback_article_idx").on(t.article)],
);
