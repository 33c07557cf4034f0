import { and, asc, count, desc, eq, isNull, ne } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import type { Db } from "./client.ts";
import { apiTokens, type StaffRole, sessions, signInThrottle, staffUsers } from "./schema/index.ts";

export type StaffUserRow = typeof staffUsers.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

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
  return db.transaction((tx) => {
    const created = tx
      .insert(staffUsers)
      .values({ ...user, email: user.email.trim().toLowerCase(), createdAt: now, updatedAt: now })
      .returning()
      .get();
    insertAudit(tx, audit, created);
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
  return db.transaction(
    (tx) => {
      if (tx.select({ n: count() }).from(staffUsers).get()?.n) return null;
      const created = tx
        .insert(staffUsers)
        .values({ ...user, email: user.email.trim().toLowerCase(), createdAt: now, updatedAt: now })
        .returning()
        .get();
      insertAudit(tx, audit, created);
      return created;
    },
    { behavior: "immediate" },
  );
}

export async function countStaffUsers(db: Db): Promise<number> {
  return db.$count(staffUsers);
}

export async function findStaffByEmail(db: Db, email: string): Promise<StaffUserRow | null> {
  return (
    db.select().from(staffUsers).where(eq(staffUsers.email, email.trim().toLowerCase())).get() ??
    null
  );
}

export async function getStaffUser(db: Db, id: number): Promise<StaffUserRow | null> {
  return db.select().from(staffUsers).where(eq(staffUsers.id, id)).get() ?? null;
}

/** Stores a new API token by its hash; the caller shows the token itself once. */
export async function createApiToken(
  db: Db,
  token: {
    userId: number;
    name: string;
    tokenHash: string;
    prefix: string;
    scope: ApiTokenRow["scope"];
    expiresAt: Date | null;
  },
  now: Date,
  audit?: AuditFor<ApiTokenRow>,
): Promise<ApiTokenRow> {
  return db.transaction((tx) => {
    const created = tx
      .insert(apiTokens)
      .values({ ...token, createdAt: now })
      .returning()
      .get();
    insertAudit(tx, audit, created);
    return created;
  });
}

/** The live (not revoked) token with this hash, and its user. */
export async function findApiToken(
  db: Db,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; user: StaffUserRow } | null> {
  const row = db
    .select({ token: apiTokens, user: staffUsers })
    .from(apiTokens)
    .innerJoin(staffUsers, eq(apiTokens.userId, staffUsers.id))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get();
  return row ?? null;
}

/**
 * Records that a token was used. At most one write a minute per token: every
 * commit is synced to disk, and a script calling in a loop should not turn
 * each read into a write.
 */
export async function touchApiToken(db: Db, token: ApiTokenRow, now: Date): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 60_000) return;
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id)).run();
}

export async function listStaffUsers(db: Db): Promise<StaffUserRow[]> {
  return db.select().from(staffUsers).orderBy(asc(staffUsers.email)).all();
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
  return db.transaction(
    (tx): StaffUpdate => {
      const before = tx.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
      if (!before) return { outcome: "not-found" };
      const after = { ...before, ...changes };
      const wasAdmin = before.role === "admin" && !before.disabled;
      const staysAdmin = after.role === "admin" && !after.disabled;
      if (wasAdmin && !staysAdmin) {
        const others = tx
          .select({ n: count() })
          .from(staffUsers)
          .where(
            and(
              eq(staffUsers.role, "admin"),
              eq(staffUsers.disabled, false),
              ne(staffUsers.id, id),
            ),
          )
          .get();
        if (!others?.n) return { outcome: "last-admin" };
      }
      const user = tx
        .update(staffUsers)
        .set({ ...changes, updatedAt: now })
        .where(eq(staffUsers.id, id))
        .returning()
        .get();
      if (changes.disabled) tx.delete(sessions).where(eq(sessions.userId, id)).run();
      insertAudit(tx, audit, { before, user });
      return { outcome: "updated", before, user };
    },
    { behavior: "immediate" },
  );
}

/**
 * Sets a new password hash and lifts every sign-in lock on the email. Whoever knew the
 * old password loses what it gave them, in the same transaction: every
 * other session of the user ends and every live API token is revoked.
 */
export interface PasswordChange {
  readonly user: StaffUserRow;
  readonly endedSessions: number;
  readonly revokedTokens: number;
}

export async function setStaffPassword(
  db: Db,
  id: number,
  change: { passwordHash: string; mustChangePassword: boolean; keepSession?: string | null },
  now: Date,
  audit?: AuditFor<PasswordChange>,
): Promise<PasswordChange | null> {
  return db.transaction((tx) => {
    const user = tx
      .update(staffUsers)
      .set({
        passwordHash: change.passwordHash,
        mustChangePassword: change.mustChangePassword,
        failedSignIns: 0,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(eq(staffUsers.id, id))
      .returning()
      .get();
    if (!user) return null;
    const others = change.keepSession
      ? and(eq(sessions.userId, id), ne(sessions.id, change.keepSession))
      : eq(sessions.userId, id);
    const ended = tx.delete(sessions).where(others).run();
    tx.delete(signInThrottle).where(eq(signInThrottle.email, user.email)).run();
    const revoked = tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)))
      .run();
    const result = { user, endedSessions: ended.changes, revokedTokens: revoked.changes };
    insertAudit(tx, audit, result);
    return result;
  });
}

export type ApiTokenListing = ApiTokenRow & { readonly userEmail: string };

/** Live (unrevoked) tokens, newest first: one user's, or everyone's. */
export async function listApiTokens(
  db: Db,
  filter: { userId?: number } = {},
): Promise<ApiTokenListing[]> {
  const live = isNull(apiTokens.revokedAt);
  return db
    .select({ token: apiTokens, userEmail: staffUsers.email })
    .from(apiTokens)
    .innerJoin(staffUsers, eq(apiTokens.userId, staffUsers.id))
    .where(filter.userId === undefined ? live : and(live, eq(apiTokens.userId, filter.userId)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all()
    .map((row) => ({ ...row.token, userEmail: row.userEmail }));
}

export async function getApiToken(db: Db, id: number): Promise<ApiTokenRow | null> {
  return db.select().from(apiTokens).where(eq(apiTokens.id, id)).get() ?? null;
}

/** Revokes a live token; false when it was already revoked or never existed. */
export async function revokeApiToken(
  db: Db,
  id: number,
  now: Date,
  audit?: AuditFor<ApiTokenRow>,
): Promise<boolean> {
  return db.transaction((tx) => {
    const revoked = tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning()
      .get();
    if (revoked) insertAudit(tx, audit, revoked);
    return revoked !== undefined;
  });
}
