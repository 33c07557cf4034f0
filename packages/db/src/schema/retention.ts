import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { staffUsers } from "./staff.ts";

/** The one retention policy an admin sets, and what its last run did. */
export const retentionPolicy = sqliteTable("retention_policy", {
  /** Always 1: there is one policy. */
  id: integer().primaryKey(),
  /** Null keeps every request; else closed requests untouched this many days are deleted. */
  closedRequestDays: integer("closed_request_days"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  updatedBy: integer("updated_by").references(() => staffUsers.id),
  lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }),
  lastRunDeleted: integer("last_run_deleted"),
});

/**
 * What is left of a request the retention policy deleted: its number and
 * when, nothing personal. Its row is also what lets the timeline's
 * append-only trigger allow the deletion of that request's events.
 */
export const deletedRequests = sqliteTable("deleted_requests", {
  /** The deleted request's id; no foreign key, the request is gone. */
  requestId: integer("request_id").primaryKey(),
  number: text().notNull().unique(),
  lastChangedAt: integer("last_changed_at", { mode: "timestamp_ms" }).notNull(),
  deletedAt: integer("deleted_at", { mode: "timestamp_ms" }).notNull(),
});
