import { and, asc, eq, lte, sql } from "drizzle-orm";
import { type Db, dialectOf, type Queries, tablesOf, withRawConnection } from "./client.ts";
import type { mailOutbox } from "./schema/index.ts";

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** An email to send about a request; written in the same transaction as the change. */
export interface NewMail {
  readonly kind: string;
  readonly recipient: string;
  readonly locale: OutboxRow["locale"];
  readonly subject: string;
  readonly body: string;
}

/** Puts an email in the outbox; call it inside the transaction that makes the change. */
export async function enqueueMail(
  tx: Queries,
  requestId: number | null,
  mail: NewMail,
  now: Date,
): Promise<void> {
  const { mailOutbox } = tablesOf(tx);
  await tx.insert(mailOutbox).values({ ...mail, requestId, nextAttemptAt: now, createdAt: now });
}

/** Emails whose next attempt is due, oldest first. */
export async function dueMail(db: Db, now: Date, limit = 20): Promise<OutboxRow[]> {
  const { mailOutbox } = tablesOf(db);
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.id))
    .limit(limit);
}

/** Marks an email delivered and forgets its body, which may hold a tracking link. */
export async function markMailSent(db: Db, id: number, now: Date): Promise<void> {
  const { mailOutbox } = tablesOf(db);
  await db
    .update(mailOutbox)
    .set({ status: "sent", sentAt: now, body: null, lastError: null })
    .where(eq(mailOutbox.id, id));
}

/**
 * Writes the write-ahead log back into the database file and empties it.
 * Called after purging sent mail: until then the log still holds the page
 * as it was before, tracking link and all.
 */
export async function forgetPurgedContent(db: Db): Promise<void> {
  // PostgreSQL keeps no such log of its own in the data the app reads; its old row versions
  // go with autovacuum.
  if (dialectOf(db) === "postgres") return;
  await withRawConnection(db, (sqlite) => sqlite.pragma("wal_checkpoint(TRUNCATE)"));
}

/** Records a failed attempt and when to try again; the email stays pending. */
export async function markMailFailed(
  db: Db,
  id: number,
  error: string,
  retryAt: Date,
): Promise<void> {
  const { mailOutbox } = tablesOf(db);
  await db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: error.slice(0, 500),
      nextAttemptAt: retryAt,
    })
    .where(eq(mailOutbox.id, id));
}

/** The whole outbox, newest first, for the console and for tests. */
export async function listOutbox(db: Db): Promise<OutboxRow[]> {
  const { mailOutbox } = tablesOf(db);
  return db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
}
