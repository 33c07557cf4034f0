import { type RetentionPolicy, retentionCutoff } from "@frontline/core";
import {
  countDueForDeletion,
  deleteClosedRequests,
  listDeletedRequests,
  readRetentionPolicy,
  recordRetentionRun,
  saveRetentionPolicy,
} from "@frontline/db";
import { type Actor, auditEntry, staffOf, systemActor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { removeFiles } from "../../platform/files/upload-sweeper.ts";
import { problems } from "../../platform/problems.ts";

/** Requests deleted per transaction: enough to clear a backlog, few enough to keep each short. */
const BATCH = 200;
/** The deletions the console lists. */
const RECENT = 50;

/** How many requests a policy would delete now. */
export async function dueUnder(deps: Pick<AppDeps, "db" | "clock">, policy: RetentionPolicy) {
  const cutoff = retentionCutoff(policy, deps.clock.now());
  return cutoff ? countDueForDeletion(deps.db, cutoff) : 0;
}

/** The policy as the API and the console show it: what it keeps, what it would delete now, what it did. */
export async function retentionOverview(deps: Pick<AppDeps, "db" | "clock">) {
  const stored = await readRetentionPolicy(deps.db);
  const cutoff = retentionCutoff(stored.policy, deps.clock.now());
  const recent = await listDeletedRequests(deps.db, RECENT);
  return {
    closedRequestDays: stored.policy.closedRequestDays,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
    closedBefore: cutoff?.toISOString() ?? null,
    dueNow: await dueUnder(deps, stored.policy),
    lastRun: stored.lastRunAt
      ? { at: stored.lastRunAt.toISOString(), deleted: stored.lastRunDeleted ?? 0 }
      : null,
    recentlyDeleted: recent.map((row) => ({
      number: row.number,
      lastChangedAt: row.lastChangedAt.toISOString(),
      deletedAt: row.deletedAt.toISOString(),
    })),
  };
}

/** An admin sets how long closed requests are kept (null: for ever); audited with the old value. */
export async function setRetentionPolicy(deps: AppDeps, actor: Actor, policy: RetentionPolicy) {
  const staff = staffOf(actor);
  if (staff.role !== "admin") throw problems.forbidden("Only admins set the retention policy.");
  const before = await readRetentionPolicy(deps.db);
  await saveRetentionPolicy(
    deps.db,
    { policy, by: staff.id, at: deps.clock.now() },
    auditEntry(deps, actor, {
      action: "retention.change",
      target: null,
      detail: {
        from: before.policy.closedRequestDays,
        to: policy.closedRequestDays,
      },
    }),
  );
  return retentionOverview(deps);
}

/**
 * Deletes every request the policy says is due, a batch per transaction,
 * each batch audited with its numbers; then the files nobody uses any
 * more. Resolves with how many requests went. Nothing happens while the
 * policy keeps everything.
 */
export async function applyRetentionPolicy(
  deps: Pick<AppDeps, "db" | "clock" | "files">,
): Promise<number> {
  const stored = await readRetentionPolicy(deps.db);
  const now = deps.clock.now();
  const cutoff = retentionCutoff(stored.policy, now);
  if (!cutoff) return 0;
  let deleted = 0;
  for (;;) {
    const batch = await deleteClosedRequests(deps.db, { cutoff, now, limit: BATCH }, (numbers) =>
      auditEntry(deps, systemActor, {
        action: "retention.delete",
        target: null,
        detail: {
          closedRequestDays: stored.policy.closedRequestDays,
          closedBefore: cutoff.toISOString(),
          numbers,
        },
      }),
    );
    await removeFiles(deps, batch.unusedFiles, now);
    deleted += batch.numbers.length;
    if (batch.numbers.length < BATCH) break;
  }
  await recordRetentionRun(deps.db, { at: now, deleted });
  return deleted;
}
