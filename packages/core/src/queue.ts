import { doneStatuses, pausedStatuses, type Status } from "./lifecycle.ts";
import { pausesFromHistory, type RequestSlaInput } from "./request-sla.ts";
import {
  defaultPartnerPolicy,
  defaultSlaSettings,
  readClock,
  type SlaPolicy,
  type SlaSettings,
} from "./sla.ts";

/** How the partner's queue can be ordered; SLA due first is what a desk works by. */
export const queueSorts = ["sla", "created", "updated"] as const;
export type QueueSort = (typeof queueSorts)[number];

export const sortOrders = ["asc", "desc"] as const;
export type SortOrder = (typeof sortOrders)[number];

export const slaFilters = ["breached", "at-risk"] as const;
export type SlaFilter = (typeof slaFilters)[number];

/**
 * When a request's running SLA clock falls due, and when it turns "at
 * risk". Stored on the request so the queue can sort and filter 100,000
 * requests with an index instead of replaying every history.
 */
export interface SlaSchedule {
  /** Null while the clock stands still (waiting on the customer) or the request is done. */
  readonly dueAt: Date | null;
  readonly riskAt: Date | null;
}

export interface SlaScheduleInput extends RequestSlaInput {
  readonly status: Status;
}

const MINUTE = 60_000;
const none: SlaSchedule = { dueAt: null, riskAt: null };

/**
 * The schedule of the clock that matters now: first response until the
 * customer got an answer, then resolution. It is the same instant whenever
 * it is computed, so it only changes when the request does (status,
 * severity, first response): a running clock's due instant is its start
 * plus target plus every closed pause. A paused clock has no due instant,
 * unless it was already breached when it stopped: a breach stays a breach.
 */
export function slaSchedule(
  input: SlaScheduleInput,
  policy: SlaPolicy = defaultPartnerPolicy,
  settings: SlaSettings = defaultSlaSettings,
): SlaSchedule {
  if (doneStatuses.includes(input.status)) return none;
  const targets = policy[input.severity];
  const targetMinutes =
    input.firstResponseAt === null ? targets.firstResponseMinutes : targets.resolutionMinutes;
  const pauses = pausesFromHistory(input.statusHistory);
  const lastChange = Math.max(
    input.createdAt.getTime(),
    ...input.statusHistory.map((c) => c.at.getTime()),
    input.firstResponseAt?.getTime() ?? 0,
  );
  const paused = pausedStatuses.includes(input.status);
  // A paused clock is read where it stopped; a running one anywhere after its last change.
  const readAt = paused
    ? (pauses.find((p) => p.to === null)?.from ?? new Date(lastChange))
    : new Date(lastChange);
  const reading = readClock(
    {
      startedAt: input.createdAt,
      targetMinutes,
      pauses: pauses.filter((p) => p.from.getTime() < readAt.getTime()),
      stoppedAt: null,
    },
    readAt,
    settings,
  );
  if (paused && !reading.breached) return none;
  return {
    dueAt: reading.dueAt,
    riskAt: new Date(reading.dueAt.getTime() - targetMinutes * MINUTE * settings.atRiskFraction),
  };
}

export interface SlaFlags {
  /** The running clock reached its due instant (exactly at due counts as late). */
  readonly breached: boolean;
  /** Less than the at-risk share of the target is left, and not yet breached. */
  readonly atRisk: boolean;
}

/** Reads a stored schedule at `now`, with the same boundaries as `readClock`. */
export function slaFlags(schedule: SlaSchedule, now: Date): SlaFlags {
  const t = now.getTime();
  const breached = schedule.dueAt !== null && schedule.dueAt.getTime() <= t;
  const atRisk = !breached && schedule.riskAt !== null && schedule.riskAt.getTime() < t;
  return { breached, atRisk };
}

export type QueueSlaState = "running" | "at-risk" | "breached" | "paused" | "done";

/** One word for the queue's SLA column. */
export function queueSlaState(status: Status, schedule: SlaSchedule, now: Date): QueueSlaState {
  const flags = slaFlags(schedule, now);
  if (flags.breached) return "breached";
  if (doneStatuses.includes(status)) return "done";
  if (schedule.dueAt === null) return "paused";
  return flags.atRisk ? "at-risk" : "running";
}

/** Search words beyond this many are ignored: they narrow little and cost much. */
const MAX_SEARCH_WORDS = 8;
/** Shorter words match whole tokens only; a one-letter prefix would match nearly everything. */
const MIN_PREFIX_LENGTH = 3;

/** One word of a queue search: matched as the start of a word once it is long enough. */
export interface SearchTerm {
  readonly word: string;
  readonly prefix: boolean;
}

/**
 * What a queue search means, whatever database answers it: the words typed
 * (letters and digits of any script; operators, quotes and brackets are
 * just separators), each a prefix once it is long enough, all of which must
 * match. Empty when nothing searchable is left.
 */
export function searchTerms(text: string): SearchTerm[] {
  const words =
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)]
    .slice(0, MAX_SEARCH_WORDS)
    .map((word) => ({ word, prefix: word.length >= MIN_PREFIX_LENGTH }));
}
