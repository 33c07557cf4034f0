import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";
import { staffUsers } from "./staff.ts";

/** The operator's admin portal per service (and its admin center for users), as a URL template. */
export const adminPortals = pgTable("admin_portals", {
  /** A service's id, or "users" for the admin center where tenant users are managed. */
  key: text().primaryKey(),
  urlTemplate: text("url_template").notNull(),
  updatedAt: instant("updated_at").notNull(),
  updatedBy: integer("updated_by").references(() => staffUsers.id),
});
