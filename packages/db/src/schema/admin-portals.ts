import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { staffUsers } from "./staff.ts";

/** The operator's admin portal per service (and its admin center for users), as a URL template. */
export const adminPortals = sqliteTable("admin_portals", {
  /** A service's id, or "users" for the admin center where tenant users are managed. */
  key: text().primaryKey(),
  urlTemplate: text("url_template").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  updatedBy: integer("updated_by").references(() => staffUsers.id),
});
