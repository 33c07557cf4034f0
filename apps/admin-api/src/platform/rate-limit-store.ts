import {
  countRateLimitHit,
  type Db,
  dialectOf,
  forgetEndedRateLimits,
  resetRateLimit,
  uncountRateLimitHit,
} from "@frontline/db";
import type { Store } from "hono-rate-limiter";
import type { Clock } from "./deps.ts";

/** How often an instance sweeps windows that ended; each sweep is one DELETE. */
const SWEEP_MS = 10 * 60_000;

/**
 * hono-rate-limiter's counts kept in the database, so every instance on a
 * shared PostgreSQL counts into the same window: a client cannot multiply
 * its allowance by the number of servers behind the load balancer.
 */
export class DatabaseRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  #windowMs = 60_000;
  readonly #sweep: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    prefix: string,
  ) {
    this.prefix = `${prefix}:`;
    this.#sweep = setInterval(() => {
      // Each limit sweeps its own keys, so the limits do not repeat one another's DELETE.
      forgetEndedRateLimits(this.db, this.clock.now(), this.prefix).catch(() => {});
    }, SWEEP_MS);
    this.#sweep.unref();
  }

  init(options: { windowMs: number }): void {
    this.#windowMs = options.windowMs;
  }

  async increment(key: string) {
    const { hits, resetAt } = await countRateLimitHit(
      this.db,
      this.prefix + key,
      this.#windowMs,
      this.clock.now(),
    );
    return { totalHits: hits, resetTime: resetAt };
  }

  async decrement(key: string): Promise<void> {
    await uncountRateLimitHit(this.db, this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await resetRateLimit(this.db, this.prefix + key);
  }

  shutdown(): void {
    clearInterval(this.#sweep);
  }
}

/**
 * Where a limit counts: in the database when it is PostgreSQL (there may be
 * several instances), else in this process's memory (one SQLite server,
 * and no write per request).
 */
export function rateLimitStore(db: Db, clock: Clock, name: string): Store | undefined {
  return dialectOf(db) === "postgres" ? new DatabaseRateLimitStore(db, clock, name) : undefined;
}
