import { and, eq, gt, lte, ne } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, one, tablesOf, withTransaction } from "./client.ts";
import type { sessions } from "./schema/index.ts";
import type { StaffUserRow } from "./staff-users.ts";

export type SessionRow = typeof sessions.$inferSelect;

export interface NewSession {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  readonly id: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/**
 * Starts a console session. The session the browser brought (if any) is
 * deleted in the same transaction, so a sign-in always rotates the id and
 * an id planted before sign-in is worthless afterwards. Expired sessions of
 * the same user are swept on the way.
 */
export async function createSession(
  db: Db,
  session: NewSession,
  now: Date,
  replacing?: string | null,
  audit?: AuditFor<SessionRow>,
): Promise<SessionRow> {
  const { sessions } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    if (replacing) await tx.delete(sessions).where(eq(sessions.id, replacing));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, session.userId), lte(sessions.expiresAt, now)));
    const created = await one(
      tx
        .insert(sessions)
        .values({ ...session, createdAt: now })
        .returning(),
    );
    await insertAudit(tx, audit, created);
    return created;
  });
}

/** The unexpired session with this id, and its user (who may be disabled; the caller decides). */
export async function findSession(
  db: Db,
  id: string,
  now: Date,
): Promise<{ session: SessionRow; user: StaffUserRow } | null> {
  const { staffUsers, sessions } = tablesOf(db);
  const row = await first(
    db
      .select({ session: sessions, user: staffUsers })
      .from(sessions)
      .innerJoin(staffUsers, eq(sessions.userId, staffUsers.id))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
      .limit(1),
  );
  return row ?? null;
}

export async function deleteSession(db: Db, id: string, audit?: AuditFor<void>): Promise<void> {
  const { sessions } = tablesOf(db);
  await withTransaction(db, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, id));
    await insertAudit(tx, audit, undefined);
  });
}

/** Signs a user out everywhere, optionally keeping the session making the change. */
export async function deleteSessionsOfUser(
  db: Db,
  userId: number,
  keep?: string | null,
): Promise<number> {
  const { sessions } = tablesOf(db);
  const where = keep
    ? and(eq(sessions.userId, userId), ne(sessions.id, keep))
    : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return ended.length;
}

export async function countSessionsOfUser(db: Db, userId: number): Promise<number> {
  const { sessions } = tablesOf(db);
  return db.$count(sessions, eq(sessions.userId, userId));
}
