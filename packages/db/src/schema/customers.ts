import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export interface CustomerContact {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
}

/** An organisation that bought subscriptions from the partner. */
export const customers = sqliteTable("customers", {
  id: integer().primaryKey({ autoIncrement: true }),
  organisation: text().notNull(),
  /** The tenant domain incoming requests are matched on, e.g. contoso.partner.cn. */
  tenantDomain: text("tenant_domain").unique(),
  /** Until when the customer granted the partner delegated admin access; null: never granted. */
  delegatedAccessUntil: integer("delegated_access_until", { mode: "timestamp_ms" }),
  contacts: text({ mode: "json" }).$type<CustomerContact[]>().notNull().default([]),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

/** What a customer bought: seats of one service, renewing on a date. */
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id),
    service: text().notNull(),
    seats: integer().notNull(),
    status: text().$type<"active" | "suspended" | "cancelled">().notNull().default("active"),
    /** The operator's id of the subscription, which some admin portals' addresses need. */
    operatorReference: text("operator_reference"),
    renewalDate: integer("renewal_date", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("subscriptions_customer_idx").on(t.customerId)],
);
