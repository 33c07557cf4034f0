/**
 * The life of a support request. Every allowed move is a row in
 * `transitions`; anything not listed is refused. Keeping the table explicit
 * lets the console, the API and the tests all read the same truth.
 */
export const statuses = [
  "new",
  "open",
  "waiting-on-customer",
  "escalated",
  "resolved",
  "closed",
] as const;
export type Status = (typeof statuses)[number];

/** The work still to do: what the desk's queue opens on, without the resolved and closed. */
export const openWork: readonly Status[] = ["new", "open", "waiting-on-customer", "escalated"];

export const actors = ["customer", "agent", "admin", "operator", "system"] as const;
export type Actor = (typeof actors)[number];

/** A customer may reopen a resolved request for this long. */
export const REOPEN_WINDOW_DAYS = 7;

export interface Transition {
  readonly from: Status;
  readonly to: Status;
  /** The intent, as the console and the timeline name it. */
  readonly action: string;
  readonly by: readonly Actor[];
}

const staff = ["agent", "admin"] as const;

export const transitions: readonly Transition[] = [
  { from: "new", to: "open", action: "triage", by: [...staff, "system"] },
  { from: "new", to: "waiting-on-customer", action: "ask-customer", by: staff },
  { from: "new", to: "escalated", action: "escalate", by: staff },
  { from: "new", to: "resolved", action: "resolve", by: [...staff, "customer"] },
  { from: "new", to: "closed", action: "close-as-duplicate", by: staff },
  { from: "open", to: "waiting-on-customer", action: "ask-customer", by: staff },
  { from: "open", to: "escalated", action: "escalate", by: staff },
  { from: "open", to: "resolved", action: "resolve", by: [...staff, "customer"] },
  { from: "open", to: "closed", action: "close-as-duplicate", by: staff },
  {
    from: "waiting-on-customer",
    to: "open",
    action: "customer-replied",
    by: ["customer", ...staff],
  },
  { from: "waiting-on-customer", to: "resolved", action: "resolve", by: [...staff, "customer"] },
  {
    from: "waiting-on-customer",
    to: "closed",
    action: "close-unanswered",
    by: [...staff, "system"],
  },
  { from: "escalated", to: "open", action: "return-to-partner", by: ["operator", ...staff] },
  { from: "escalated", to: "resolved", action: "resolve", by: ["operator", ...staff] },
  { from: "resolved", to: "open", action: "reopen", by: ["customer", ...staff] },
  { from: "resolved", to: "closed", action: "close", by: ["customer", ...staff, "system"] },
];

export interface TransitionContext {
  readonly now: Date;
  /** When the request was last resolved; needed to check the reopen window. */
  readonly resolvedAt?: Date | null;
}

export type TransitionRefusal =
  | { readonly reason: "same-status" }
  | { readonly reason: "not-allowed"; readonly allowedFrom: readonly Status[] }
  | { readonly reason: "actor-not-allowed"; readonly allowedActors: readonly Actor[] }
  | { readonly reason: "reopen-window-passed"; readonly deadline: Date };

export type TransitionResult =
  | { readonly ok: true; readonly transition: Transition }
  | ({ readonly ok: false } & TransitionRefusal);

export function reopenDeadline(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + REOPEN_WINDOW_DAYS * 24 * 60 * 60_000);
}

/** Decides whether `actor` may move a request from `from` to `to`, and says why not. */
export function checkTransition(
  from: Status,
  to: Status,
  actor: Actor,
  context: TransitionContext,
): TransitionResult {
  if (from === to) return { ok: false, reason: "same-status" };
  const transition = transitions.find((t) => t.from === from && t.to === to);
  if (!transition) {
    const allowedFrom = transitions.filter((t) => t.to === to).map((t) => t.from);
    return { ok: false, reason: "not-allowed", allowedFrom };
  }
  if (!transition.by.includes(actor)) {
    return { ok: false, reason: "actor-not-allowed", allowedActors: transition.by };
  }
  // Staff may reopen at any time; customers only within the window.
  if (transition.action === "reopen" && actor === "customer" && context.resolvedAt) {
    const deadline = reopenDeadline(context.resolvedAt);
    if (context.now.getTime() > deadline.getTime()) {
      return { ok: false, reason: "reopen-window-passed", deadline };
    }
  }
  return { ok: true, transition };
}

/** The moves an actor can make from a status, for offering buttons. */
export function availableTransitions(from: Status, actor: Actor): readonly Transition[] {
  return transitions.filter((t) => t.from === from && t.by.includes(actor));
}

/**
 * Statuses in which the partner's clocks stand still: the customer owes an
 * answer, or the request was resolved (a reopened request does not count
 * the days it sat resolved against the partner).
 */
export const pausedStatuses: readonly Status[] = ["waiting-on-customer", "resolved"];
/** Statuses in which the request is finished for SLA purposes. */
export const doneStatuses: readonly Status[] = ["resolved", "closed"];
