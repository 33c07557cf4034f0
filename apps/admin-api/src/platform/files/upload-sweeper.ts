import { sweepExpiredUploads } from "@frontline/db";
import type { AppDeps } from "../deps.ts";

/** How often unclaimed uploads are looked for; they wait a day, so an hour late is no harm. */
const SWEEP_EVERY_MS = 60 * 60_000;
/** A file written this recently is kept even without a row: its upload may be committing now. */
const IN_FLIGHT_MS = 10 * 60_000;

export interface UploadSweeper {
  /** Sweeps once now; resolves with how many files were removed from the store. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Removes uploads nobody sent within their day, and their bytes once no
 * other message uses the same file. Runs at start and then every hour.
 */
export function startUploadSweeper(
  deps: Pick<AppDeps, "db" | "clock" | "files">,
  options: { everyMs?: number } = {},
): UploadSweeper {
  let running: Promise<number> | null = null;
  const runOnce = () => {
    running ??= (async () => {
      const now = deps.clock.now();
      const keys = await sweepExpiredUploads(deps.db, now);
      const since = new Date(now.getTime() - IN_FLIGHT_MS);
      for (const key of keys) await deps.files.remove(key, since);
      return keys.length;
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const sweep = () => {
    runOnce().catch((error) => console.error("Sweeping expired uploads failed:", error));
  };
  const timer = setInterval(sweep, options.everyMs ?? SWEEP_EVERY_MS);
  timer.unref();
  sweep();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
