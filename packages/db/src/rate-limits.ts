import { and, eq, like, lt, sql } from "drizzle-orm";
import { type Db, one, tablesOf } from "./client.ts";

export interface RateLimitCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** When the window ends and the count starts again. */
  readonly resetAt: Date;
}

/**
 * Counts one hit against `key` in a fixed window of `windowMs`, in one
 * statement: a window that has ended starts again at this hit. Every
 * instance on the same database counts into the same row, so a limit holds
 * for the whole installation, not per process.
 */
export async function countRateLimitHit(
  db: Db,
  key: string,
  windowMs: number,
  now: Date,
): Promise<RateLimitCount> {
  const { rateLimitHits: t } = tablesOf(db);
  const resetAt = new Date(now.getTime() + windowMs);
  // Parameters through the column, so each engine gets its own time format.
  const at = (value: Date) => sql.param(value, t.resetAt);
  const ended = sql`${t.resetAt} <= ${at(now)}`;
  const row = await one(
    db
      .insert(t)
      .values({ key, hits: 1, resetAt })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          hits: sql`CASE WHEN ${ended} THEN 1 ELSE ${t.hits} + 1 END`,
          resetAt: sql`CASE WHEN ${ended} THEN ${at(resetAt)} ELSE ${t.resetAt} END`,
        },
      })
      .returning({ hits: t.hits, resetAt: t.resetAt }),
  );
  return row;
}

/** Takes one hit back (a request the limit should not have counted). */
export async function uncountRateLimitHit(db: Db, key: string): Promise<void> {
  const { rateLimitHits: t } = tablesOf(db);
  await db
    .update(t)
    .set({ hits: sql`CASE WHEN ${t.hits} > 0 THEN ${t.hits} - 1 ELSE 0 END` })
    .where(eq(t.key, key));
}

/** Starts a key's count again from nothing. */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  const { rateLimitHits: t } = tablesOf(db);
  await db.delete(t).where(eq(t.key, key));
}

/** Forgets windows that ended before `before` (of the keys starting with `keyPrefix`, if given). */
export async function forgetEndedRateLimits(
  db: Db,
  before: Date,
  keyPrefix?: string,
): Promise<void> {
  const { rateLimitHits: t } = tablesOf(db);
  const ended = lt(t.resetAt, before);
  // Prefixes are limit names (letters only), so no LIKE wildcard can hide in one.
  await db.delete(t).where(keyPrefix ? and(ended, like(t.key, `${keyPrefix}%`)) : ended);
}
