import { and, desc, eq, isNull } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, one, tablesOf, withTransaction } from "./client.ts";
import type { apiTokens } from "./schema/index.ts";
import type { StaffUserRow } from "./staff-users.ts";

export type ApiTokenRow = typeof apiTokens.$inferSelect;

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
  const { apiTokens } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const created = await one(
      tx
        .insert(apiTokens)
        .values({ ...token, createdAt: now })
        .returning(),
    );
    await insertAudit(tx, audit, created);
    return created;
  });
}

/** The live (not revoked) token with this hash, and its user. */
export async function findApiToken(
  db: Db,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; user: StaffUserRow } | null> {
  const { staffUsers, apiTokens } = tablesOf(db);
  const row = await first(
    db
      .select({ token: apiTokens, user: staffUsers })
      .from(apiTokens)
      .innerJoin(staffUsers, eq(apiTokens.userId, staffUsers.id))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1),
  );
  return row ?? null;
}

/**
 * Records that a token was used. At most one write a minute per token: every
 * commit is synced to disk, and a script calling in a loop should not turn
 * each read into a write.
 */
export async function touchApiToken(db: Db, token: ApiTokenRow, now: Date): Promise<void> {
  const { apiTokens } = tablesOf(db);
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 60_000) return;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
}

export type ApiTokenListing = ApiTokenRow & { readonly userEmail: string };

/** Live (unrevoked) tokens, newest first: one user's, or everyone's. */
export async function listApiTokens(
  db: Db,
  filter: { userId?: number } = {},
): Promise<ApiTokenListing[]> {
  const { staffUsers, apiTokens } = tablesOf(db);
  const live = isNull(apiTokens.revokedAt);
  return (
    await db
      .select({ token: apiTokens, userEmail: staffUsers.email })
      .from(apiTokens)
      .innerJoin(staffUsers, eq(apiTokens.userId, staffUsers.id))
      .where(filter.userId === undefined ? live : and(live, eq(apiTokens.userId, filter.userId)))
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
  ).map((row) => ({ ...row.token, userEmail: row.userEmail }));
}

export async function getApiToken(db: Db, id: number): Promise<ApiTokenRow | null> {
  const { apiTokens } = tablesOf(db);
  return (await first(db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1))) ?? null;
}

/** Revokes a live token; false when it was already revoked or never existed. */
export async function revokeApiToken(
  db: Db,
  id: number,
  now: Date,
  audit?: AuditFor<ApiTokenRow>,
): Promise<boolean> {
  const { apiTokens } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const revoked = await first(
      tx
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning(),
    );
    if (revoked) await insertAudit(tx, audit, revoked);
    return revoked !== undefined;
  });
}
