import { and, asc, count, eq, isNull, ne } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, one, tablesOf, withTransaction } from "./client.ts";
import type { StaffRole, staffUsers } from "./schema/index.ts";

export type StaffUserRow = typeof staffUsers.$inferSelect;

export interface NewStaffUser {
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly passwordHash: string;
  readonly mustChangePassword?: boolean;
}

export async function createStaffUser(
  db: Db,
  user: NewStaffUser,
  now: Date,
  audit?: AuditFor<StaffUserRow>,
): Promise<StaffUserRow> {
  const { staffUsers } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const created = await one(
      tx
        .insert(staffUsers)
        .values({ ...user, email: user.email.trim().toLowerCase(), createdAt: now, updatedAt: now })
        .returning(),
    );
    await insertAudit(tx, audit, created);
    return created;
  });
}

/**
 * Creates the first user only while there are none, in one immediate
 * transaction: two servers starting on the same empty file make one admin.
 */
export async function createFirstStaffUser(
  db: Db,
  user: NewStaffUser,
  now: Date,
  audit?: AuditFor<StaffUserRow>,
): Promise<StaffUserRow | null> {
  const { staffUsers } = tablesOf(db);
  return withTransaction(
    db,
    async (tx) => {
      if ((await first(tx.select({ n: count() }).from(staffUsers).limit(1)))?.n) return null;
      const created = await one(
        tx
          .insert(staffUsers)
          .values({
            ...user,
            email: user.email.trim().toLowerCase(),
            createdAt: now,
            updatedAt: now,
          })
          .returning(),
      );
      await insertAudit(tx, audit, created);
      return created;
    },
    { serializable: true },
  );
}

export async function countStaffUsers(db: Db): Promise<number> {
  const { staffUsers } = tablesOf(db);
  return db.$count(staffUsers);
}

export async function findStaffByEmail(db: Db, email: string): Promise<StaffUserRow | null> {
  const { staffUsers } = tablesOf(db);
  const normalised = email.trim().toLowerCase();
  return (
    (await first(db.select().from(staffUsers).where(eq(staffUsers.email, normalised)).limit(1))) ??
    null
  );
}

export async function getStaffUser(db: Db, id: number): Promise<StaffUserRow | null> {
  const { staffUsers } = tablesOf(db);
  return (await first(db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1))) ?? null;
}

export async function listStaffUsers(db: Db): Promise<StaffUserRow[]> {
  const { staffUsers } = tablesOf(db);
  return db.select().from(staffUsers).orderBy(asc(staffUsers.email));
}

export interface StaffChanges {
  readonly name?: string;
  readonly role?: StaffRole;
  readonly disabled?: boolean;
}

export type StaffUpdate =
  | { readonly outcome: "updated"; readonly before: StaffUserRow; readonly user: StaffUserRow }
  | { readonly outcome: "not-found" }
  /** The change would leave no enabled admin, so nobody could manage users any more. */
  | { readonly outcome: "last-admin" };

/**
 * Renames, re-roles, disables or enables a user. The last-admin check and
 * the write share one immediate transaction, so two admins demoting each
 * other at the same moment cannot both succeed. Disabling ends the user's
 * sessions at once.
 */
export async function updateStaffUser(
  db: Db,
  id: number,
  changes: StaffChanges,
  now: Date,
  /** Recorded only when the update is made. */
  audit?: AuditFor<{ before: StaffUserRow; user: StaffUserRow }>,
): Promise<StaffUpdate> {
  const { staffUsers, sessions } = tablesOf(db);
  return withTransaction(
    db,
    async (tx): Promise<StaffUpdate> => {
      const before = await first(
        tx.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1),
      );
      if (!before) return { outcome: "not-found" };
      const after = { ...before, ...changes };
      const wasAdmin = before.role === "admin" && !before.disabled;
      const staysAdmin = after.role === "admin" && !after.disabled;
      if (wasAdmin && !staysAdmin) {
        const others = await first(
          tx
            .select({ n: count() })
            .from(staffUsers)
            .where(
              and(
                eq(staffUsers.role, "admin"),
                eq(staffUsers.disabled, false),
                ne(staffUsers.id, id),
              ),
            )
            .limit(1),
        );
        if (!others?.n) return { outcome: "last-admin" };
      }
      // The row was read in this transaction, so the update finds it.
      const user = await one(
        tx
          .update(staffUsers)
          .set({ ...changes, updatedAt: now })
          .where(eq(staffUsers.id, id))
          .returning(),
      );
      if (changes.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
      await insertAudit(tx, audit, { before, user });
      return { outcome: "updated", before, user };
    },
    { serializable: true },
  );
}

/** What a password change ended: the sessions and API tokens the old password gave. */
export interface PasswordChange {
  readonly user: StaffUserRow;
  readonly endedSessions: number;
  readonly revokedTokens: number;
}

/**
 * Sets a new password hash and lifts every sign-in lock on the email. Whoever knew the
 * old password loses what it gave them, in the same transaction: every
 * other session of the user ends and every live API token is revoked.
 */
export async function setStaffPassword(
  db: Db,
  id: number,
  change: { passwordHash: string; mustChangePassword: boolean; keepSession?: string | null },
  now: Date,
  audit?: AuditFor<PasswordChange>,
): Promise<PasswordChange | null> {
  const { staffUsers, signInThrottle, sessions, apiTokens } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const user = await first(
      tx
        .update(staffUsers)
        .set({
          passwordHash: change.passwordHash,
          mustChangePassword: change.mustChangePassword,
          failedSignIns: 0,
          lockedUntil: null,
          updatedAt: now,
        })
        .where(eq(staffUsers.id, id))
        .returning(),
    );
    if (!user) return null;
    const others = change.keepSession
      ? and(eq(sessions.userId, id), ne(sessions.id, change.keepSession))
      : eq(sessions.userId, id);
    const ended = await tx.delete(sessions).where(others).returning({ id: sessions.id });
    await tx.delete(signInThrottle).where(eq(signInThrottle.email, user.email));
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    const result = { user, endedSessions: ended.length, revokedTokens: revoked.length };
    await insertAudit(tx, audit, result);
    return result;
  });
}
