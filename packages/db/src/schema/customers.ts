import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** An organisation that bought subscriptions from the partner. */
export const customers = sqliteTable("customers", {
  id: integer().primaryKey({ autoIncrement: true }),
  organisation: text().notNull(),
  /** The tenant domain incoming requests are matched on, e.g. contoso.partner.cn. */
  tenantDomain: text("tenant_domain").unique(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});
