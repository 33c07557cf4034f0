import { sweepExpiredUploads } from "@frontline/db";
import type { AppDeps } from "../deps.ts";
import { type PeriodicJob, startPeriodicJob } from "../periodic-job.ts";

/** How often unclaimed uploads are looked for; they wait a day, so an hour late is no harm. */
const SWEEP_EVERY_MS = 60 * 60_000;
/** A file written this recently is kept even without a row: its upload may be committing now. */
const IN_FLIGHT_MS = 10 * 60_000;

/**
 * Removes uploads nobody sent within their day, and their bytes once no
 * other message uses the same file. Runs at start and then every hour;
 * each run resolves with how many files it removed from the store.
 */
export function startUploadSweeper(
  deps: Pick<AppDeps, "db" | "clock" | "files">,
  options: { everyMs?: number } = {},
): PeriodicJob {
  return startPeriodicJob(
    "Sweeping expired uploads",
    options.everyMs ?? SWEEP_EVERY_MS,
    async () => {
      const now = deps.clock.now();
      const keys = await sweepExpiredUploads(deps.db, now);
      await removeFiles(deps, keys, now);
      return keys.length;
    },
  );
}

/** Removes stored files no row uses any more, sparing one an upload wrote in the last minutes. */
export async function removeFiles(
  deps: Pick<AppDeps, "files">,
  keys: readonly string[],
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - IN_FLIGHT_MS);
  for (const key of keys) await deps.files.remove(key, since);
}
