import { z } from "zod";

/**
 * The retention policy: how long a closed request is kept before it is
 * deleted for good, with its timeline, files, escalations and mail. Off
 * (null) until an admin sets it, because deleting is the one change
 * Frontline cannot undo. Requests still in work are never deleted, however
 * old; a closed request's clock starts again whenever anything happens to it.
 */

/** Less than a month would delete what a customer may still ask about. */
export const MIN_RETENTION_DAYS = 30;
/** Ten years: longer is "keep forever", which is null. */
export const MAX_RETENTION_DAYS = 3650;

export const retentionPolicySchema = z.strictObject({
  /** Days a request stays closed and untouched before it is deleted; null keeps every request. */
  closedRequestDays: z
    .number()
    .int("must be a whole number of days")
    .min(MIN_RETENTION_DAYS, `must be at least ${MIN_RETENTION_DAYS} days`)
    .max(MAX_RETENTION_DAYS, `must be at most ${MAX_RETENTION_DAYS} days (ten years)`)
    .nullable(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const keepEverything: RetentionPolicy = { closedRequestDays: null };

const DAY_MS = 24 * 60 * 60_000;

/**
 * Requests closed and last changed before this instant are due for
 * deletion; null when the policy keeps everything.
 */
export function retentionCutoff(policy: RetentionPolicy, now: Date): Date | null {
  if (policy.closedRequestDays === null) return null;
  return new Date(now.getTime() - policy.closedRequestDays * DAY_MS);
}
