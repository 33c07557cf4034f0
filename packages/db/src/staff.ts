import { and, asc, count, desc, eq, gte, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import {
  apiTokens,
  auditLog,
  type StaffRole,
  sessions,
  signInThrottle,
  staffUsers,
} from "./schema/index.ts";

export type StaffUserRow = typeof staffUsers.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

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
): Promise<StaffUserRow> {
  return db
    .insert(staffUsers)
    .values({ ...user, email: user.email.trim().toLowerCase(), createdAt: now, updatedAt: now })
    .returning()
    .get();
}

/**
 * Creates the first user only while there are none, in one immediate
 * transaction: two servers starting on the same empty file make one admin.
 */
export async function createFirstStaffUser(
  db: Db,
  user: NewStaffUser,
  now: Date,
): Promise<StaffUserRow | null> {
  return db.transaction(
    (tx) => {
      if (tx.select({ n: count() }).from(staffUsers).get()?.n) return null;
      return tx
        .insert(staffUsers)
        .values({ ...user, email: user.email.trim().toLowerCase(), createdAt: now, updatedAt: now })
        .returning()
        .get();
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
): Promise<ApiTokenRow> {
  return db
    .insert(apiTokens)
    .values({ ...token, createdAt: now })
    .returning()
    .get();
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

export interface AuditEntry {
  readonly at: Date;
  readonly actorId: number | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly target?: string | null;
  readonly detail?: Record<string, unknown> | null;
  readonly clientAddress?: string | null;
}

/** Records who did what, when and from where. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  db.insert(auditLog)
    .values({
      at: entry.at,
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
      clientAddress: entry.clientAddress ?? null,
    })
    .run();
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
export async function setStaffPassword(
  db: Db,
  id: number,
  change: { passwordHash: string; mustChangePassword: boolean; keepSession?: string | null },
  now: Date,
): Promise<{ user: StaffUserRow; endedSessions: number; revokedTokens: number } | null> {
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
    return { user, endedSessions: ended.changes, revokedTokens: revoked.changes };
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
export async function revokeApiToken(db: Db, id: number, now: Date): Promise<boolean> {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .run();
  return result.changes > 0;
}

export interface AuditFilter {
  readonly action?: string;
  /** Part of the actor's label (an email, "cli", "system"), any case. */
  readonly actor?: string;
  readonly from?: Date;
  /** Exclusive upper bound. */
  readonly to?: Date;
  /** Keyset cursor: entries strictly older than this one. */
  readonly before?: { readonly at: Date; readonly id: number };
  readonly limit: number;
}

/** Audit entries newest first, filtered; page on with the last entry as `before`. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor) {
    conditions.push(sql`instr(lower(${auditLog.actorLabel}), ${filter.actor.toLowerCase()}) > 0`);
  }
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.before) {
    const { at, id } = filter.before;
    const older = or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, id)));
    if (older) conditions.push(older);
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit)
    .all();
}

/** The actions the log holds, for a filter menu. */
export async function listAuditActions(db: Db): Promise<string[]> {
  return db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action))
    .all()
    .map((row) => row.action);
}
