import { and, eq, lt } from "drizzle-orm";
import { type Db, first, tablesOf, withTransaction } from "./client.ts";

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
 * `clearSignInFailures`. The email need not belong to anyone.
 */
export async function reserveSignInAttempt(
  db: Db,
  key: { email: string; address: string },
  now: Date,
  lockMs: (failures: number) => number,
): Promise<SignInAttempt> {
  const { signInThrottle } = tablesOf(db);
  return withTransaction(
    db,
    async (tx): Promise<SignInAttempt> => {
      await tx
        .delete(signInThrottle)
        .where(lt(signInThrottle.updatedAt, new Date(now.getTime() - FORGET_AFTER_MS)));
      const where = and(
        eq(signInThrottle.email, key.email),
        eq(signInThrottle.address, key.address),
      );
      const row = await first(tx.select().from(signInThrottle).where(where).limit(1));
      if (row?.lockedUntil && row.lockedUntil > now) {
        return { allowed: false, lockedUntil: row.lockedUntil };
      }
      const failures = (row?.failures ?? 0) + 1;
      const ms = lockMs(failures);
      const lockedUntil = ms > 0 ? new Date(now.getTime() + ms) : null;
      await tx
        .insert(signInThrottle)
        .values({ ...key, failures, lockedUntil, updatedAt: now })
        .onConflictDoUpdate({
          target: [signInThrottle.email, signInThrottle.address],
          set: { failures, lockedUntil, updatedAt: now },
        });
      return { allowed: true, lockedUntil };
    },
    { serializable: true },
  );
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
