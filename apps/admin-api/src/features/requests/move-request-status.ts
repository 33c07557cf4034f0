import {
  availableTransitions,
  checkTransition,
  type Actor as LifecycleActor,
  label,
  type Status,
  statusLabels,
  type TransitionResult,
} from "@frontline/core";
import {
  changeStatus,
  type NewMail,
  type RequestRow,
  StaleRequestError,
  type StatusChange,
} from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import type { Problem } from "../../platform/problem.ts";
import { problems } from "../../platform/problems.ts";
import { statusMail } from "./request-mail.ts";

// Moving a request's status, the one way: the customer, the desk, an
// incident's resolution and an escalation all take the lifecycle check, the
// refusal in words, the timeline entry and the customer's email from here.

const statusWord = (status: Status) => label(statusLabels[status], "en").toLowerCase();

function check(deps: AppDeps, row: RequestRow, to: Status, by: LifecycleActor): TransitionResult {
  return checkTransition(row.status, to, by, { now: deps.clock.now(), resolvedAt: row.resolvedAt });
}

/** May `by` move the request to `to` now? For offering or skipping a move. */
export function mayMoveStatus(deps: AppDeps, row: RequestRow, to: Status, by: LifecycleActor) {
  return check(deps, row, to, by).ok;
}

/** Why a move is refused, in words the one who asked understands. */
function refusal(row: RequestRow, to: Status, by: LifecycleActor, result: TransitionResult) {
  if (result.ok) return problems.transitionNotAllowed("The request changed meanwhile; reload it.");
  const reasons: Record<string, string> = {
    "reopen-window-passed":
      "This request was resolved more than 7 days ago. Please file a new request and mention its number.",
    "same-status": `The request is already ${statusWord(to)}.`,
    ...(by === "customer"
      ? {}
      : {
          "actor-not-allowed": `Staff cannot move a request from ${statusWord(row.status)} to ${statusWord(to)}.`,
        }),
  };
  return problems.transitionNotAllowed(
    reasons[result.reason] ??
      `A request that is ${statusWord(row.status)} cannot be moved to ${statusWord(to)}.`,
  );
}

/** The statuses `by` may move the request to now (reopen window included), for offering buttons. */
export function allowedMoves(deps: AppDeps, row: RequestRow, by: LifecycleActor): Status[] {
  return availableTransitions(row.status, by)
    .filter((t) => mayMoveStatus(deps, row, t.to, by))
    .map((t) => t.to);
}

/** Throws the refusal (409 transition-not-allowed) unless the lifecycle allows the move now. */
export function ensureMayMoveStatus(
  deps: AppDeps,
  row: RequestRow,
  to: Status,
  by: LifecycleActor,
): void {
  const result = check(deps, row, to, by);
  if (!result.ok) throw refusal(row, to, by, result);
}

type MoveExtras = Pick<StatusChange, "message" | "expectedVersion" | "audit">;

/**
 * The change and email of a move the lifecycle allows, or the refusal
 * (409 transition-not-allowed). For moves that are part of a larger
 * write, such as an incident's resolution.
 */
export function planStatusMove(
  deps: AppDeps,
  row: RequestRow,
  to: Status,
  by: LifecycleActor,
  extras: MoveExtras = {},
): { change: StatusChange; mail: NewMail } {
  ensureMayMoveStatus(deps, row, to, by);
  const change: StatusChange = {
    requestId: row.id,
    from: row.status,
    to,
    actor: by,
    at: deps.clock.now(),
    ...extras,
  };
  // A public reply that comes with the move goes into the email: a customer
  // must never read a bare "Resolved".
  const said = extras.message?.type === "reply" ? extras.message.body : undefined;
  return { change, mail: statusMail(deps, row, to, said) };
}

/**
 * Moves a request's status as the lifecycle allows, with its timeline entry
 * and email in one transaction. A request that moved meanwhile answers
 * `whenStale` (the desk shows "reload"; a customer gets the refusal).
 */
export async function moveRequestStatus(
  deps: AppDeps,
  row: RequestRow,
  to: Status,
  by: LifecycleActor,
  extras: MoveExtras = {},
  whenStale: () => Problem = () => refusal(row, to, by, check(deps, row, to, by)),
): Promise<RequestRow> {
  const { change, mail } = planStatusMove(deps, row, to, by, extras);
  try {
    return await changeStatus(deps.db, change, mail);
  } catch (error) {
    if (error instanceof StaleRequestError) throw whenStale();
    throw error;
  }
}
