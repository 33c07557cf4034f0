/** Failed sign-ins in a row that cost nothing; after that every failure doubles the wait. */
export const FREE_FAILURES = 3;
/** The longest an account waits: long enough to stop guessing, short enough not to lock a person out for the day. */
export const MAX_LOCK_MS = 15 * 60_000;

/**
 * How long an account stays locked after its `failures`-th failure in a row:
 * nothing for the first two, then 1 s, 2 s, 4 s … up to 15 minutes.
 */
export function signInLockMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

/** Whole seconds left until `until`, at least 1 so "try again in 0 seconds" never shows. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
