import type { SlaPolicy } from "@frontline/core";
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The partner SLA policy the stored due instants (requests.sla_due_at) were
 * computed with. The policy itself is configuration; keeping a copy lets the
 * server notice a changed policy at start-up and recompute every request.
 */
export const slaPolicy = sqliteTable("sla_policy", {
  /** Always 1: there is one policy. */
  id: integer().primaryKey(),
  policy: text({ mode: "json" }).$type<SlaPolicy>().notNull(),
  atRiskFraction: real("at_risk_fraction").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
