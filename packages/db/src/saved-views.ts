/** Saved queue views: the desk's shared ones and each agent's own, changed with their audit entry. */
import { asc, count, eq, isNull, or, sql } from "drizzle-orm";
import { type AuditEntry, auditedWrite } from "./audit-log.ts";
import { type Db, first, one, tablesOf } from "./client.ts";
import type { savedViews } from "./schema/index.ts";

export type SavedViewRow = typeof savedViews.$inferSelect;

/** The views a staff member sees: the shared ones first, then their own, each by name. */
export async function listSavedViews(db: Db, staffId: number): Promise<SavedViewRow[]> {
  const { savedViews } = tablesOf(db);
  return db
    .select()
    .from(savedViews)
    .where(or(isNull(savedViews.ownerId), eq(savedViews.ownerId, staffId)))
    .orderBy(sql`${savedViews.ownerId} IS NOT NULL`, asc(savedViews.name), asc(savedViews.id));
}

export async function getSavedView(db: Db, id: number): Promise<SavedViewRow | null> {
  const { savedViews } = tablesOf(db);
  return (await first(db.select().from(savedViews).where(eq(savedViews.id, id)))) ?? null;
}

/** How many views one owner (or, for null, the desk) keeps. */
export async function countSavedViews(db: Db, ownerId: number | null): Promise<number> {
  const { savedViews } = tablesOf(db);
  const row = await first(
    db
      .select({ n: count() })
      .from(savedViews)
      .where(ownerId === null ? isNull(savedViews.ownerId) : eq(savedViews.ownerId, ownerId)),
  );
  return row?.n ?? 0;
}

export async function createSavedView(
  db: Db,
  view: {
    name: string;
    query: Record<string, string | string[]>;
    ownerId: number | null;
    at: Date;
  },
  audit: (created: SavedViewRow) => AuditEntry,
): Promise<SavedViewRow> {
  const { savedViews } = tablesOf(db);
  const created = await auditedWrite(
    db,
    (tx) =>
      one(
        tx
          .insert(savedViews)
          .values({ name: view.name, query: view.query, ownerId: view.ownerId, createdAt: view.at })
          .returning(),
      ),
    audit,
  );
  if (!created) throw new Error("the view was not stored");
  return created;
}

export async function deleteSavedView(db: Db, id: number, audit: AuditEntry): Promise<boolean> {
  const { savedViews } = tablesOf(db);
  const deleted = await auditedWrite(
    db,
    (tx) => first(tx.delete(savedViews).where(eq(savedViews.id, id)).returning()),
    audit,
  );
  return deleted !== null;
}
