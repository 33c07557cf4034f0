import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";
import { staffUsers } from "./staff.ts";

/** The one retention policy an admin sets, and what its last run did. */
export const retentionPolicy = pgTable("retention_policy", {
  /** Always 1: there is one policy. */
  id: integer().primaryKey(),
  /** Null keeps every request; else closed requests untouched this many days are deleted. */
  closedRequestDays: integer("closed_request_days"),
  updatedAt: instant("updated_at").notNull(),
  updatedBy: integer("updated_by").references(() => staffUsers.id),
  lastRunAt: instant("last_run_at"),
  lastRunDeleted: integer("last_run_deleted"),
});

/**
 * What is left of a request the retention policy deleted: its number and
 * when, nothing personal. Its row is also what lets the timeline's
 * append-only trigger allow the deletion of that request's events.
 */
export const deletedRequests = pgTable("deleted_requests", {
  /** The deleted request's id; no foreign key, the request is gone. */
  requestId: integer("request_id").primaryKey(),
  number: text().notNull().unique(),
  lastChangedAt: instant("last_changed_at").notNull(),
  deletedAt: instant("deleted_at").notNull(),
});
