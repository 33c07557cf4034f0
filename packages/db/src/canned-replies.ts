/** Canned replies: the desk's shared texts and each agent's own. */
import type { CannedReplyInput } from "@frontline/core";
import { asc, eq, isNull, or } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, one, tablesOf, withTransaction } from "./client.ts";
import type { cannedReplies } from "./schema/index.ts";

export type CannedReplyRow = typeof cannedReplies.$inferSelect;

/** The shared texts and the staff member's own, by title. */
export async function listCannedReplies(db: Db, staffId: number): Promise<CannedReplyRow[]> {
  const { cannedReplies } = tablesOf(db);
  return db
    .select()
    .from(cannedReplies)
    .where(or(isNull(cannedReplies.ownerId), eq(cannedReplies.ownerId, staffId)))
    .orderBy(asc(cannedReplies.title), asc(cannedReplies.id));
}

export async function getCannedReply(db: Db, id: number): Promise<CannedReplyRow | null> {
  const { cannedReplies } = tablesOf(db);
  return (await first(db.select().from(cannedReplies).where(eq(cannedReplies.id, id)))) ?? null;
}

type Fields = Omit<CannedReplyInput, "shared"> & { readonly ownerId: number | null };

export async function createCannedReply(
  db: Db,
  fields: Fields,
  at: Date,
  audit?: AuditFor<CannedReplyRow>,
): Promise<CannedReplyRow> {
  const { cannedReplies } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const row = await one(
      tx
        .insert(cannedReplies)
        .values({ ...fields, createdAt: at, updatedAt: at })
        .returning(),
    );
    await insertAudit(tx, audit, row);
    return row;
  });
}

export async function updateCannedReply(
  db: Db,
  id: number,
  fields: Fields,
  at: Date,
  audit?: AuditFor<CannedReplyRow>,
): Promise<CannedReplyRow | null> {
  const { cannedReplies } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const row = await first(
      tx
        .update(cannedReplies)
        .set({ ...fields, updatedAt: at })
        .where(eq(cannedReplies.id, id))
        .returning(),
    );
    if (row) await insertAudit(tx, audit, row);
    return row ?? null;
  });
}

export async function deleteCannedReply(
  db: Db,
  id: number,
  audit?: AuditFor<CannedReplyRow>,
): Promise<boolean> {
  const { cannedReplies } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const [row] = await tx.delete(cannedReplies).where(eq(cannedReplies.id, id)).returning();
    if (row) await insertAudit(tx, audit, row);
    return row !== undefined;
  });
}
