import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import {
  type Db,
  dialectOf,
  type Queries,
  tablesOf,
  withRawConnection,
  withTransaction,
} from "./client.ts";
import { asPostgres } from "./postgres/transactions.ts";
import type { mailOutbox } from "./schema/index.ts";

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** An email to send about a request; written in the same transaction as the change. */
export interface NewMail {
  readonly kind: string;
  readonly recipient: string;
  readonly locale: OutboxRow["locale"];
  readonly subject: string;
  readonly body: string;
  /** The request's reply address, so the customer's answer lands on its timeline. */
  readonly replyTo?: string | null;
  /** Extra headers, such as List-Unsubscribe on incident mail (the worker allows a few names). */
  readonly headers?: Readonly<Record<string, string>> | null;
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
export async function dueMail(db: Queries, now: Date, limit = 20): Promise<OutboxRow[]> {
  const { mailOutbox } = tablesOf(db);
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.id))
    .limit(limit);
}

/**
 * Takes the mail that is due for this sender: each row is marked claimed
 * until the end of a lease, so no other instance sends it meanwhile. If
 * this instance dies mid-round, the lease runs out and another sends the
 * mail (at least once, with the same Message-ID). On PostgreSQL the claim
 * is one statement that skips rows another instance is claiming at that
 * moment (FOR UPDATE SKIP LOCKED); SQLite has one writer anyway.
 */
export async function claimDueMail(
  db: Db,
  now: Date,
  options: { readonly leaseMs: number; readonly limit?: number },
): Promise<OutboxRow[]> {
  const { mailOutbox } = tablesOf(db);
  const limit = options.limit ?? 20;
  const leaseEnd = new Date(now.getTime() + options.leaseMs);
  const claimed = await withTransaction(db, async (tx) => {
    if (dialectOf(tx) === "postgres") {
      const result = await asPostgres(tx).execute<{ id: number }>(sql`
        UPDATE mail_outbox SET claimed_until = ${leaseEnd}
        WHERE id IN (
          SELECT id FROM mail_outbox
          WHERE status = 'pending' AND next_attempt_at <= ${now}
            AND (claimed_until IS NULL OR claimed_until <= ${now})
          ORDER BY id LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id`);
      return result.rows.map((row) => row.id);
    }
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(dueCondition(tx, now), unclaimed(tx, now)))
      .orderBy(asc(mailOutbox.id))
      .limit(limit);
    const ids = due.map((mail) => mail.id);
    if (ids.length > 0) {
      await tx
        .update(mailOutbox)
        .set({ claimedUntil: leaseEnd })
        .where(inArray(mailOutbox.id, ids));
    }
    return ids;
  });
  if (claimed.length === 0) return [];
  return db
    .select()
    .from(mailOutbox)
    .where(inArray(mailOutbox.id, claimed))
    .orderBy(asc(mailOutbox.id));
}

const dueCondition = (db: Queries, now: Date) => {
  const { mailOutbox } = tablesOf(db);
  return and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now));
};

const unclaimed = (db: Queries, now: Date) => {
  const { mailOutbox } = tablesOf(db);
  return or(isNull(mailOutbox.claimedUntil), lte(mailOutbox.claimedUntil, now));
};

/**
 * Frees every claim. For a SQLite server at start-up: one server uses a
 * file, so any claim there is from one that crashed, and its mail is due now.
 */
export async function releaseAllClaims(db: Db): Promise<void> {
  const { mailOutbox } = tablesOf(db);
  await db.update(mailOutbox).set({ claimedUntil: null }).where(isNotNull(mailOutbox.claimedUntil));
}

/** Marks an email delivered and forgets its body, which may hold a tracking link. */
export async function markMailSent(db: Db, id: number, now: Date): Promise<void> {
  const { mailOutbox } = tablesOf(db);
  await db
    .update(mailOutbox)
    .set({ status: "sent", sentAt: now, body: null, lastError: null, claimedUntil: null })
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
      claimedUntil: null,
    })
    .where(eq(mailOutbox.id, id));
}

/** The whole outbox, newest first, for the console and for tests. */
export async function listOutbox(db: Db): Promise<OutboxRow[]> {
  const { mailOutbox } = tablesOf(db);
  return db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
}

/** Gives claimed mail back unsent (a sender stopping mid-round), for the next round anywhere. */
export async function releaseMail(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const { mailOutbox } = tablesOf(db);
  await db
    .update(mailOutbox)
    .set({ claimedUntil: null })
    .where(and(inArray(mailOutbox.id, [...ids]), eq(mailOutbox.status, "pending")));
}
