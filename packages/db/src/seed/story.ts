import {
  defaultPartnerPolicy,
  type RequestEventType,
  type SeverityId,
  type SlaPolicy,
  type Status,
} from "@frontline/core";
import type { Random } from "./random.ts";
import { customerText, noteText, replyText } from "./text.ts";

export interface SeedStaff {
  readonly id: number;
  readonly name: string;
  readonly role: "agent" | "admin";
}

export interface StoryEvent {
  readonly type: RequestEventType;
  readonly actor: "customer" | "agent" | "admin";
  readonly visibility: "public" | "internal";
  readonly body: string | null;
  readonly data: Record<string, unknown> | null;
  readonly at: number;
}

export interface Story {
  readonly events: StoryEvent[];
  readonly assignee: SeedStaff | null;
  readonly firstResponseAt: number | null;
  readonly resolvedAt: number | null;
  readonly escalated: boolean;
}

const MINUTE = 60_000;

/** A status for a request of this age: old requests are mostly finished, new ones mostly not. */
export function statusForAge(random: Random, ageMs: number): Status {
  const hours = ageMs / (60 * MINUTE);
  const table: [Status, number][] =
    hours < 4
      ? [
          ["new", 55],
          ["open", 30],
          ["waiting-on-customer", 8],
          ["escalated", 2],
          ["resolved", 5],
        ]
      : hours < 48
        ? [
            ["new", 3],
            ["open", 35],
            ["waiting-on-customer", 20],
            ["escalated", 8],
            ["resolved", 24],
            ["closed", 5],
          ]
        : hours < 240
          ? [
              ["new", 0.3],
              ["open", 10],
              ["waiting-on-customer", 10],
              ["escalated", 5],
              ["resolved", 32],
              ["closed", 40],
            ]
          : [
              ["new", 0.05],
              ["open", 0.6],
              ["waiting-on-customer", 0.8],
              ["escalated", 0.4],
              ["resolved", 2],
              ["closed", 96.15],
            ];
  return random.weighted(table);
}

type Step =
  | { kind: "assign" }
  | { kind: "reply" }
  | { kind: "customer" }
  | { kind: "note" }
  | { kind: "escalation" }
  | { kind: "status"; to: Status };

function plan(random: Random, status: Status): Step[] {
  const maybe = (p: number, step: Step): Step[] => (random.chance(p) ? [step] : []);
  switch (status) {
    case "new":
      return [...maybe(0.15, { kind: "assign" }), ...maybe(0.2, { kind: "customer" })];
    case "open":
      return [
        ...maybe(0.8, { kind: "assign" }),
        { kind: "reply" },
        { kind: "status", to: "open" },
        ...maybe(0.4, { kind: "customer" }),
        ...maybe(0.4, { kind: "note" }),
      ];
    case "waiting-on-customer":
      return [
        ...maybe(0.8, { kind: "assign" }),
        ...maybe(0.3, { kind: "note" }),
        { kind: "reply" },
        { kind: "status", to: "waiting-on-customer" },
      ];
    case "escalated":
      return [
        { kind: "assign" },
        ...maybe(0.7, { kind: "reply" }),
        { kind: "note" },
        { kind: "status", to: "escalated" },
        { kind: "escalation" },
      ];
    case "resolved":
      return [
        ...maybe(0.7, { kind: "assign" }),
        { kind: "reply" },
        ...maybe(0.3, { kind: "customer" }),
        { kind: "status", to: "resolved" },
      ];
    case "closed":
      return [
        ...maybe(0.5, { kind: "assign" }),
        { kind: "reply" },
        { kind: "status", to: "resolved" },
        { kind: "status", to: "closed" },
      ];
  }
}

/**
 * When each step happens: the first reply mostly within the first-response
 * target (some late), later steps minutes to a day and a half apart, all
 * squeezed into the request's age so nothing happens in the future.
 */
function stepTimes(
  random: Random,
  steps: readonly Step[],
  request: { severity: SeverityId; createdAt: number },
  now: number,
  policy: SlaPolicy,
): number[] {
  const target = policy[request.severity].firstResponseMinutes * MINUTE;
  const gaps = steps.map((_, i) => {
    if (i > 0) return random.int(5, 36 * 60) * MINUTE;
    const share = random.weighted<[number, number]>([
      [[0.05, 0.7], 75],
      [[0.75, 0.99], 12],
      [[1.05, 3], 13],
    ]);
    return Math.round(target * (share[0] + random.next() * (share[1] - share[0])));
  });
  const total = gaps.reduce((a, b) => a + b, 0);
  const room = Math.max(0, now - request.createdAt - MINUTE);
  const scale = total > room ? room / Math.max(total, 1) : 1;
  let at = request.createdAt;
  return gaps.map((gap) => {
    at += Math.round(gap * scale);
    return at;
  });
}

/** The timeline entries of the steps, told by the one staff member who works the request. */
function tell(
  random: Random,
  steps: readonly Step[],
  times: readonly number[],
  assignee: SeedStaff,
  service: string,
): Omit<Story, "escalated"> {
  const ctx = { service };
  const events: StoryEvent[] = [];
  let status: Status = "new";
  let firstResponseAt: number | null = null;
  let resolvedAt: number | null = null;
  let assigned: SeedStaff | null = null;
  steps.forEach((step, i) => {
    const at = times[i] ?? 0;
    const actor = assignee.role;
    const staffEvent = (
      type: RequestEventType,
      visibility: "public" | "internal",
      body: string | null,
      data: Record<string, unknown> | null = null,
    ) => events.push({ type, actor, visibility, body, data, at });
    switch (step.kind) {
      case "assign":
        assigned = assignee;
        staffEvent("assignment", "internal", null, {
          from: null,
          to: assignee.id,
          toName: assignee.name,
          byId: assignee.id,
          byName: assignee.name,
        });
        break;
      case "reply":
        staffEvent("reply", "public", replyText(random, ctx));
        firstResponseAt ??= at;
        break;
      case "customer":
        events.push({
          type: "customer-message",
          actor: "customer",
          visibility: "public",
          body: customerText(random),
          data: null,
          at,
        });
        break;
      case "note":
        staffEvent("internal-note", "internal", noteText(random, ctx), {
          byId: assignee.id,
          byName: assignee.name,
        });
        break;
      case "escalation":
        staffEvent(
          "escalation",
          "internal",
          "Escalated to the operator after the partner's checks.",
          null,
        );
        break;
      case "status":
        staffEvent("status-change", "public", null, { from: status, to: step.to });
        status = step.to;
        if (step.to === "resolved") resolvedAt = at;
        break;
    }
  });
  return { events, assignee: assigned, firstResponseAt, resolvedAt };
}

/**
 * A plausible history for a request that ended up in `status`: who was
 * assigned, the first reply (mostly within the first-response target, some
 * late), messages and notes, and the legal status moves that led there.
 * At most five entries follow "created"; all of them lie before `now`.
 */
export function requestStory(
  random: Random,
  request: { status: Status; severity: SeverityId; createdAt: number; service: string },
  staff: readonly SeedStaff[],
  now: number,
  policy: SlaPolicy = defaultPartnerPolicy,
): Story {
  const steps = plan(random, request.status).slice(0, 5);
  const times = stepTimes(random, steps, request, now, policy);
  const assignee = random.pick(staff);
  return {
    ...tell(random, steps, times, assignee, request.service),
    escalated: steps.some((s) => s.kind === "escalation"),
  };
}
