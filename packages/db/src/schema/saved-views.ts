import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { staffUsers } from "./staff.ts";

/** A queue filter kept under a name: the desk's shared ones (no owner) or one agent's own. */
export const savedViews = sqliteTable(
  "saved_views",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    /** The queue's filters as its address carries them, e.g. { status: ["new"], tag: "vip" }. */
    query: text({ mode: "json" }).$type<Record<string, string | string[]>>().notNull(),
    ownerId: integer("owner_id").references(() => staffUsers.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("saved_views_owner_idx").on(t.ownerId)],
);
