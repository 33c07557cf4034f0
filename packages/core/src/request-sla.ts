import type { SeverityId } from "./catalog.ts";
import { doneStatuses, pausedStatuses, type Status } from "./lifecycle.ts";
import {
  type ClockReading,
  defaultPartnerPolicy,
  defaultSlaSettings,
  type Pause,
  readClock,
  type SlaPolicy,
  type SlaSettings,
} from "./sla.ts";

export interface StatusChange {
  readonly status: Status;
  readonly at: Date;
}

export interface RequestSlaInput {
  readonly severity: SeverityId;
  readonly createdAt: Date;
  /** Every status the request entered after "new", oldest first. */
  readonly statusHistory: readonly StatusChange[];
  /** When staff first answered the customer publicly. */
  readonly firstResponseAt: Date | null;
}

export interface RequestSla {
  readonly firstResponse: ClockReading;
  readonly resolution: ClockReading;
}

/** Turns status history into the spans spent waiting on the customer. */
export function pausesFromHistory(history: readonly StatusChange[]): Pause[] {
  const pauses: Pause[] = [];
  let openPause: Date | null = null;
  for (const change of history) {
    const pausing = pausedStatuses.includes(change.status);
    if (pausing && openPause === null) openPause = change.at;
    if (!pausing && openPause !== null) {
      pauses.push({ from: openPause, to: change.at });
      openPause = null;
    }
  }
  if (openPause !== null) pauses.push({ from: openPause, to: null });
  return pauses;
}

/** The last moment the request became resolved or closed and stayed so. */
function finishedAt(history: readonly StatusChange[]): Date | null {
  const last = history.at(-1);
  if (!last || !doneStatuses.includes(last.status)) return null;
  let finished = last.at;
  for (let i = history.length - 1; i >= 0; i--) {
    const change = history[i];
    if (!change || !doneStatuses.includes(change.status)) break;
    finished = change.at;
  }
  return finished;
}

/** The partner's two clocks for one request, read at `now`. */
export function requestSla(
  input: RequestSlaInput,
  now: Date,
  policy: SlaPolicy = defaultPartnerPolicy,
  settings: SlaSettings = defaultSlaSettings,
): RequestSla {
  const targets = policy[input.severity];
  const pauses = pausesFromHistory(input.statusHistory);
  const finished = finishedAt(input.statusHistory);
  return {
    firstResponse: readClock(
      {
        startedAt: input.createdAt,
        targetMinutes: targets.firstResponseMinutes,
        pauses,
        // A request solved without a reply still got its answer.
        stoppedAt: input.firstResponseAt ?? finished,
      },
      now,
      settings,
    ),
    resolution: readClock(
      {
        startedAt: input.createdAt,
        targetMinutes: targets.resolutionMinutes,
        pauses,
        stoppedAt: finished,
      },
      now,
      settings,
    ),
  };
}

export interface OperatorSlaInput {
  readonly severity: SeverityId;
  readonly escalatedAt: Date;
  readonly acknowledgedAt: Date | null;
  /** Resolved by the operator or returned to the partner. */
  readonly finishedAt: Date | null;
}

/**
 * The operator's clock runs from escalation and is kept apart from the
 * partner's, so each side is measured only on what it controls.
 */
export function operatorSla(
  input: OperatorSlaInput,
  now: Date,
  policy: SlaPolicy,
  settings: SlaSettings = defaultSlaSettings,
): RequestSla {
  const targets = policy[input.severity];
  return {
    firstResponse: readClock(
      {
        startedAt: input.escalatedAt,
        targetMinutes: targets.firstResponseMinutes,
        pauses: [],
        stoppedAt: input.acknowledgedAt ?? input.finishedAt,
      },
      now,
      settings,
    ),
    resolution: readClock(
      {
        startedAt: input.escalatedAt,
        targetMinutes: targets.resolutionMinutes,
        pauses: [],
        stoppedAt: input.finishedAt,
      },
      now,
      settings,
    ),
  };
}
