import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./client.ts";
import { apiTokens, auditLog, type StaffRole, staffUsers } from "./schema/index.ts";

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
  token: { userId: number; name: string; tokenHash: string; prefix: string },
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

export async function touchApiToken(db: Db, id: number, now: Date): Promise<void> {
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id)).run();
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
