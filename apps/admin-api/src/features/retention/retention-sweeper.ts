import type { AppDeps } from "../../platform/deps.ts";
import { type PeriodicJob, startPeriodicJob } from "../../platform/periodic-job.ts";
import { applyRetentionPolicy } from "./retention.use-cases.ts";

/** The policy counts in days; looking every hour deletes a request at most an hour late. */
const EVERY_MS = 60 * 60_000;

/** Applies the retention policy at start and then every hour. */
export function startRetentionSweeper(
  deps: Pick<AppDeps, "db" | "clock" | "files">,
  options: { everyMs?: number } = {},
): PeriodicJob {
  return startPeriodicJob("Applying the retention policy", options.everyMs ?? EVERY_MS, () =>
    applyRetentionPolicy(deps),
  );
}
