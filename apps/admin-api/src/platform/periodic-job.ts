/** A job the server runs at start and then on a timer, one run at a time. */
export interface PeriodicJob {
  /** Runs once now (or joins the run under way); resolves with what the run reports. */
  runOnce(): Promise<number>;
  /** Stops the timer and waits for a run under way. */
  stop(): Promise<void>;
}

/**
 * Starts `run` now and every `everyMs`. A run still going when the timer
 * fires is joined, not doubled; a failing run is logged under `name` and
 * the next one tries again. The timer never keeps the process alive.
 */
export function startPeriodicJob(
  name: string,
  everyMs: number,
  run: () => Promise<number>,
): PeriodicJob {
  let running: Promise<number> | null = null;
  const runOnce = () => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    runOnce().catch((error) => console.error(`${name} failed:`, error));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
