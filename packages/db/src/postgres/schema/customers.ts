import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";

export interface CustomerContact {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
}

/** An organisation that bought subscriptions from the partner. */
export const customers = pgTable("customers", {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  organisation: text().notNull(),
  /** The tenant domain incoming requests are matched on, e.g. contoso.partner.cn. */
  tenantDomain: text("tenant_domain").unique(),
  /** Until when the customer granted the partner delegated admin access; null: never granted. */
  delegatedAccessUntil: instant("delegated_access_until"),
  contacts: jsonb().$type<CustomerContact[]>().notNull().default([]),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at"),
});

/** What a customer bought: seats of one service, renewing on a date. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id),
    service: text().notNull(),
    seats: integer().notNull(),
    status: text().$type<"active" | "suspended" | "cancelled">().notNull().default("active"),
    /** The operator's id of the subscription, which some admin portals' addresses need. */
    operatorReference: text("operator_reference"),
    renewalDate: instant("renewal_date").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("subscriptions_customer_idx").on(t.customerId)],
);
