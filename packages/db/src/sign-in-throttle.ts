import { and, eq, lt } from "drizzle-orm";
import { type Db, first, lockedForUpdate, tablesOf, withTransaction } from "./client.ts";

export type SignInAttempt =
  /** Go on and check the password; `lockedUntil` is the lock that stays if it is wrong. */
  | { readonly allowed: true; readonly lockedUntil: Date | null }
  | { readonly allowed: false; readonly lockedUntil: Date };

/** Rows untouched this long are forgotten: the lock they held ran out long ago. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * Counts a sign-in attempt for this email from this address as failed
 * before the password is checked, and sets the lock a failure would earn.
 * Parallel guesses therefore see the lock at once instead of all racing
 * past it while scrypt runs; a correct password then clears the count with
 * `clearSignInFailures`. The email need not belong to anyone. READ
 * COMMITTED with the pair's row locked is enough: guesses for other pairs
 * never wait for each other (SERIALIZABLE made a flood of them fail).
 */
export async function reserveSignInAttempt(
  db: Db,
  key: { email: string; address: string },
  now: Date,
  lockMs: (failures: number) => number,
): Promise<SignInAttempt> {
  const { signInThrottle } = tablesOf(db);
  return withTransaction(db, async (tx): Promise<SignInAttempt> => {
    await tx
      .delete(signInThrottle)
      .where(lt(signInThrottle.updatedAt, new Date(now.getTime() - FORGET_AFTER_MS)));
    const where = and(eq(signInThrottle.email, key.email), eq(signInThrottle.address, key.address));
    // The pair's row exists, then is locked: parallel guesses count one after the other.
    await tx
      .insert(signInThrottle)
      .values({ ...key, failures: 0, lockedUntil: null, updatedAt: now })
      .onConflictDoNothing();
    const row = await first(
      lockedForUpdate(tx, tx.select().from(signInThrottle).where(where).limit(1)),
    );
    if (row?.lockedUntil && row.lockedUntil > now) {
      return { allowed: false, lockedUntil: row.lockedUntil };
    }
    const failures = (row?.failures ?? 0) + 1;
    const ms = lockMs(failures);
    const lockedUntil = ms > 0 ? new Date(now.getTime() + ms) : null;
    await tx.update(signInThrottle).set({ failures, lockedUntil, updatedAt: now }).where(where);
    return { allowed: true, lockedUntil };
  });
}

/** After a right password: this address starts from zero again for this email. */
export async function clearSignInFailures(
  db: Db,
  key: { email: string; address: string },
): Promise<void> {
  const { signInThrottle } = tablesOf(db);
  await db
    .delete(signInThrottle)
    .where(and(eq(signInThrottle.email, key.email), eq(signInThrottle.address, key.address)));
}
