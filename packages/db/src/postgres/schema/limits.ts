import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";

/**
 * Request counts per rate-limit key and window, shared by every server
 * instance (see rate-limits.ts). UNLOGGED in its migration: losing the
 * counts in a crash only forgets who was near a limit.
 */
export const rateLimitHits = pgTable("rate_limit_hits", {
  key: text().primaryKey(),
  hits: integer().notNull(),
  resetAt: instant("reset_at").notNull(),
});
