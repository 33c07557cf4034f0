import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Request counts per rate-limit key and window, shared by every server
 * instance on the database (see rate-limits.ts). Only a PostgreSQL
 * installation counts here; one SQLite server counts in memory.
 */
export const rateLimitHits = sqliteTable("rate_limit_hits", {
  key: text().primaryKey(),
  hits: integer().notNull(),
  resetAt: integer("reset_at", { mode: "timestamp_ms" }).notNull(),
});
