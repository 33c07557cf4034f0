import type { Service, SlaPolicy } from "@frontline/core";
import type { Db } from "@frontline/db";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Settings the running app needs; parsed from the environment by config.ts. */
export interface AppConfig {
  /** Folder with the built help center, or null to serve only the API. */
  readonly helpCenterDist: string | null;
  readonly services: readonly Service[];
  readonly partnerPolicy: SlaPolicy;
}

/** Everything createApp needs from outside, injected so tests control it. */
export interface AppDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: AppConfig;
}
