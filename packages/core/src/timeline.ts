/**
 * What can happen on a request's timeline. The timeline is append-only:
 * corrections are new events, never edits, so the history stays trustworthy.
 */
export const requestEventTypes = [
  "created",
  "customer-message",
  "reply",
  "internal-note",
  "status-change",
  "assignment",
  "escalation",
  "operator-update",
] as const;
export type RequestEventType = (typeof requestEventTypes)[number];

export const eventVisibilities = ["public", "internal"] as const;
export type EventVisibility = (typeof eventVisibilities)[number];

/** Internal notes and escalation chatter never reach the customer. */
export function defaultVisibility(type: RequestEventType): EventVisibility {
  return type === "internal-note" || type === "assignment" || type === "operator-update"
    ? "internal"
    : "public";
}
