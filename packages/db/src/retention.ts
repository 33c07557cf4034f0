/**
 * The retention policy's storage and its deletions. A request it deletes
 * goes whole, in one transaction: timeline, files, escalations, mail,
 * search row and the request itself, leaving a tombstone with only its
 * number. Nothing of a request is deleted anywhere else.
 */
import { keepEverything, type RetentionPolicy } from "@frontline/core";
import { and, asc, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { unusedStoreKeys } from "./attachments.ts";
import { type AuditEntry, insertAudit } from "./audit-log.ts";
import {
  type Db,
  dialectOf,
  first,
  lockedForUpdate,
  type Tx,
  tablesOf,
  withTransaction,
} from "./client.ts";
import { asPostgres } from "./postgres/transactions.ts";

export interface StoredRetentionPolicy {
  readonly policy: RetentionPolicy;
  readonly updatedAt: Date | null;
  readonly updatedBy: number | null;
  readonly lastRunAt: Date | null;
  readonly lastRunDeleted: number | null;
}

export async function readRetentionPolicy(db: Db): Promise<StoredRetentionPolicy> {
  const { retentionPolicy } = tablesOf(db);
  const row = await first(db.select().from(retentionPolicy).where(eq(retentionPolicy.id, 1)));
  if (!row) {
    return {
      policy: keepEverything,
      updatedAt: null,
      updatedBy: null,
      lastRunAt: null,
      lastRunDeleted: null,
    };
  }
  return {
    policy: { closedRequestDays: row.closedRequestDays },
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    lastRunAt: row.lastRunAt,
    lastRunDeleted: row.lastRunDeleted,
  };
}

/** Stores the policy with its audit entry, in one transaction. */
export async function saveRetentionPolicy(
  db: Db,
  change: { policy: RetentionPolicy; by: number; at: Date },
  audit: AuditEntry,
): Promise<void> {
  await withTransaction(db, async (tx) => {
    const { retentionPolicy } = tablesOf(tx);
    const values = {
      closedRequestDays: change.policy.closedRequestDays,
      updatedAt: change.at,
      updatedBy: change.by,
    };
    await tx
      .insert(retentionPolicy)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: retentionPolicy.id, set: values });
    await insertAudit(tx, audit, null);
  });
}

/** Closed and unchanged since before the cutoff: what the policy deletes. */
function dueCondition(db: Db | Tx, cutoff: Date) {
  const { requests } = tablesOf(db);
  return and(eq(requests.status, "closed"), lt(requests.updatedAt, cutoff));
}

/** How many requests the policy would delete at this cutoff. */
export async function countDueForDeletion(db: Db, cutoff: Date): Promise<number> {
  const { requests } = tablesOf(db);
  const row = await first(db.select({ n: count() }).from(requests).where(dueCondition(db, cutoff)));
  return row?.n ?? 0;
}

export interface DeletedBatch {
  /** The numbers of the requests deleted, oldest change first. */
  readonly numbers: string[];
  /** File store keys no attachment row uses any more: the bytes the caller may remove. */
  readonly unusedFiles: string[];
}

/**
 * Deletes up to `limit` requests that are closed and unchanged since before
 * `cutoff`, each with everything that belongs to it, in one transaction.
 * A request another one was merged into loses only that link on the other.
 * The audit entry, made from the numbers, is written in the same transaction.
 */
export async function deleteClosedRequests(
  db: Db,
  options: { cutoff: Date; now: Date; limit: number },
  audit?: (numbers: readonly string[]) => AuditEntry,
): Promise<DeletedBatch> {
  return withTransaction(db, async (tx) => {
    const t = tablesOf(tx);
    // Several instances run the policy: each deletes the requests no other has taken.
    const due = await lockedForUpdate(
      tx,
      tx
        .select({ id: t.requests.id, number: t.requests.number, updatedAt: t.requests.updatedAt })
        .from(t.requests)
        .where(dueCondition(tx, options.cutoff))
        .orderBy(asc(t.requests.updatedAt), asc(t.requests.id))
        .limit(options.limit),
      { skipLocked: true },
    );
    if (due.length === 0) return { numbers: [], unusedFiles: [] };
    const ids = due.map((r) => r.id);
    // The tombstones first: they are what lets the timeline's trigger allow the deletion.
    await tx.insert(t.deletedRequests).values(
      due.map((r) => ({
        requestId: r.id,
        number: r.number,
        lastChangedAt: r.updatedAt,
        deletedAt: options.now,
      })),
    );
    await tx
      .update(t.requests)
      .set({ mergedIntoId: null })
      .where(inArray(t.requests.mergedIntoId, ids));
    const files = await tx
      .delete(t.attachments)
      .where(inArray(t.attachments.requestId, ids))
      .returning({ sha256: t.attachments.sha256 });
    await tx.delete(t.mailOutbox).where(inArray(t.mailOutbox.requestId, ids));
    await tx.delete(t.requestTags).where(inArray(t.requestTags.requestId, ids));
    await tx.delete(t.escalations).where(inArray(t.escalations.requestId, ids));
    await tx.delete(t.requestEvents).where(inArray(t.requestEvents.requestId, ids));
    await deleteSearchRows(tx, ids);
    await tx.delete(t.requests).where(inArray(t.requests.id, ids));
    const numbers = due.map((r) => r.number);
    if (audit) await insertAudit(tx, audit(numbers), null);
    return { numbers, unusedFiles: await unusedStoreKeys(tx, files) };
  });
}

/** The search index is each engine's own table (FTS5 or tsvector), outside drizzle's schema. */
async function deleteSearchRows(tx: Tx, ids: number[]): Promise<void> {
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  if (dialectOf(tx) === "postgres") {
    await asPostgres(tx).execute(sql`DELETE FROM request_search WHERE request_id IN (${list})`);
  } else {
    await (tx as unknown as { run(query: unknown): unknown }).run(
      sql`DELETE FROM request_search WHERE rowid IN (${list})`,
    );
  }
}

/** Notes what a run of the policy did, for the console. */
export async function recordRetentionRun(
  db: Db,
  run: { at: Date; deleted: number },
): Promise<void> {
  const { retentionPolicy } = tablesOf(db);
  await db
    .update(retentionPolicy)
    .set({ lastRunAt: run.at, lastRunDeleted: run.deleted })
    .where(eq(retentionPolicy.id, 1));
}

/** The tombstones of deleted requests, newest deletion first. */
export async function listDeletedRequests(db: Db, limit: number) {
  const { deletedRequests } = tablesOf(db);
  return db
    .select()
    .from(deletedRequests)
    .orderBy(desc(deletedRequests.deletedAt), desc(deletedRequests.requestId))
    .limit(limit);
}

/** The tombstone of a deleted request, by its number; null if it never existed or still does. */
export async function findDeletedRequest(db: Db, number: string) {
  const { deletedRequests } = tablesOf(db);
  const row = await first(
    db.select().from(deletedRequests).where(eq(deletedRequests.number, number)),
  );
  return row ?? null;
}
