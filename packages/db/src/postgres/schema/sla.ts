import type { SlaPolicy } from "@frontline/core";
import { doublePrecision, integer, jsonb, pgTable } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";

/**
 * The partner SLA policy the stored due instants (requests.sla_due_at) were
 * computed with. The policy itself is configuration; keeping a copy lets the
 * server notice a changed policy at start-up and recompute every request.
 */
export const slaPolicy = pgTable("sla_policy", {
  /** Always 1: there is one policy. */
  id: integer().primaryKey(),
  policy: jsonb().$type<SlaPolicy>().notNull(),
  atRiskFraction: doublePrecision("at_risk_fraction").notNull(),
  updatedAt: instant("updated_at").notNull(),
});
