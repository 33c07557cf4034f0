import type { SeverityId } from "./catalog.ts";

/**
 * Round-the-clock targets: partners support customers 24 hours a day, 365
 * days a year, so SLA time is wall-clock time with no business calendar.
 */
export interface SlaTargets {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

export type SlaPolicy = Readonly<Record<SeverityId, SlaTargets>>;

export interface SlaSettings {
  /** Share of the target left below which a running clock is "at risk". */
  readonly atRiskFraction: number;
}

/** The partner's promise to its customers. */
export const defaultPartnerPolicy: SlaPolicy = {
  A: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  B: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  C: { firstResponseMinutes: 8 * 60, resolutionMinutes: 72 * 60 },
};

/** The operator's promise to partners once a request is escalated. */
export const defaultOperatorPolicy: SlaPolicy = {
  A: { firstResponseMinutes: 60, resolutionMinutes: 24 * 60 },
  B: { firstResponseMinutes: 2 * 60, resolutionMinutes: 72 * 60 },
  C: { firstResponseMinutes: 8 * 60, resolutionMinutes: 7 * 24 * 60 },
};

export const defaultSlaSettings: SlaSettings = { atRiskFraction: 0.25 };

const MINUTE = 60_000;

/** A span during which the clock stood still; `to` is null while it still does. */
export interface Pause {
  readonly from: Date;
  readonly to: Date | null;
}

export interface ClockInput {
  readonly startedAt: Date;
  readonly targetMinutes: number;
  /** Spans waiting on the customer, in any order, may overlap each other. */
  readonly pauses: readonly Pause[];
  /** When the target was met (first reply sent, request resolved), if it was. */
  readonly stoppedAt: Date | null;
}

export type ClockState = "running" | "paused" | "met" | "breached";

export interface ClockReading {
  readonly state: ClockState;
  /** The instant the target falls due; it moves later while the clock is paused. */
  readonly dueAt: Date;
  /** Active (unpaused) time used so far, in milliseconds. */
  readonly elapsedMs: number;
  /** Active time left; zero or less once breached. */
  readonly remainingMs: number;
  readonly breached: boolean;
  /** Running or paused, not breached, with less than the at-risk share left. */
  readonly atRisk: boolean;
}

/** Merges overlapping pauses and clips them to [start, end]. */
function pausedMsBetween(pauses: readonly Pause[], start: number, end: number): number {
  const spans = pauses
    .map((p) => [Math.max(p.from.getTime(), start), Math.min(p.to?.getTime() ?? end, end)])
    .filter(([from = 0, to = 0]) => to > from)
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  let total = 0;
  let coveredUntil = start;
  for (const [from = 0, to = 0] of spans) {
    const effectiveFrom = Math.max(from, coveredUntil);
    if (to > effectiveFrom) total += to - effectiveFrom;
    coveredUntil = Math.max(coveredUntil, to);
  }
  return total;
}

/**
 * Reads an SLA clock at `now`. The target is breached once active time
 * reaches it: a reply sent exactly at the due instant is already late, the
 * same rule Zendesk and most operators apply.
 */
export function readClock(
  input: ClockInput,
  now: Date,
  settings = defaultSlaSettings,
): ClockReading {
  const start = input.startedAt.getTime();
  const end = Math.max(start, (input.stoppedAt ?? now).getTime());
  const targetMs = input.targetMinutes * MINUTE;
  const elapsedMs = end - start - pausedMsBetween(input.pauses, start, end);
  const remainingMs = targetMs - elapsedMs;
  const pausedNow =
    input.stoppedAt === null &&
    input.pauses.some((p) => p.from.getTime() <= end && (p.to === null || p.to.getTime() > end));
  const breached = remainingMs <= 0;
  const dueAt = new Date(end + remainingMs);
  let state: ClockState;
  if (breached) state = "breached";
  else if (input.stoppedAt) state = "met";
  else state = pausedNow ? "paused" : "running";
  const atRisk =
    (state === "running" || state === "paused") && remainingMs < targetMs * settings.atRiskFraction;
  return { state, dueAt, elapsedMs, remainingMs, breached, atRisk };
}
