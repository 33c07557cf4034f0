import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./instant.ts";
import { staffUsers } from "./staff.ts";

/** A queue filter kept under a name: the desk's shared ones (no owner) or one agent's own. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    name: text().notNull(),
    /** The queue's filters as its address carries them, e.g. { status: ["new"], tag: "vip" }. */
    query: jsonb().$type<Record<string, string | string[]>>().notNull(),
    ownerId: integer("owner_id").references(() => staffUsers.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("saved_views_owner_idx").on(t.ownerId)],
);
