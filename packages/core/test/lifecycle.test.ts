import { describe, expect, it } from "vitest";
import {
  type Actor,
  actors,
  availableTransitions,
  checkTransition,
  type Status,
  statuses,
} from "../src/index.ts";

/**
 * The lifecycle as a reader would state it, independent of the table in
 * src/lifecycle.ts: every combination not listed here must be refused.
 */
const allowed: Record<string, Actor[]> = {
  "new → open": ["agent", "admin", "system"],
  "new → waiting-on-customer": ["agent", "admin"],
  "new → escalated": ["agent", "admin"],
  "new → resolved": ["agent", "admin", "customer"],
  "new → closed": ["agent", "admin"],
  "open → waiting-on-customer": ["agent", "admin"],
  "open → escalated": ["agent", "admin"],
  "open → resolved": ["agent", "admin", "customer"],
  "open → closed": ["agent", "admin"],
  "waiting-on-customer → open": ["customer", "agent", "admin"],
  "waiting-on-customer → resolved": ["agent", "admin", "customer"],
  "waiting-on-customer → closed": ["agent", "admin", "system"],
  "escalated → open": ["operator", "agent", "admin"],
  "escalated → resolved": ["operator", "agent", "admin"],
  "resolved → open": ["customer", "agent", "admin"],
  "resolved → closed": ["customer", "agent", "admin", "system"],
};

const now = new Date("2026-03-10T12:00:00Z");
const resolvedAt = new Date("2026-03-09T12:00:00Z");

const combinations = statuses.flatMap((from) =>
  statuses.flatMap((to) => actors.map((actor) => ({ from, to, actor }))),
);

describe("request lifecycle", () => {
  const permitted = combinations.filter((c) => allowed[`${c.from} → ${c.to}`]?.includes(c.actor));
  const refused = combinations.filter((c) => !allowed[`${c.from} → ${c.to}`]?.includes(c.actor));

  it.each(permitted)("lets $actor move a request from $from to $to", ({ from, to, actor }) => {
    expect(checkTransition(from, to, actor, { now, resolvedAt }).ok).toBe(true);
  });

  it.each(refused)("refuses $actor moving a request from $from to $to", ({ from, to, actor }) => {
    expect(checkTransition(from, to, actor, { now, resolvedAt }).ok).toBe(false);
  });

  it("covers all 216 combinations between the two lists", () => {
    expect(permitted.length + refused.length).toBe(statuses.length ** 2 * actors.length);
    expect(permitted.length).toBe(Object.values(allowed).flat().length);
  });

  it("explains that a transition does not exist and where the target can be reached from", () => {
    expect(checkTransition("closed", "open", "admin", { now })).toEqual({
      ok: false,
      reason: "not-allowed",
      allowedFrom: ["new", "waiting-on-customer", "escalated", "resolved"],
    });
  });

  it("names the actors who may make a move the caller may not", () => {
    expect(checkTransition("new", "escalated", "customer", { now })).toEqual({
      ok: false,
      reason: "actor-not-allowed",
      allowedActors: ["agent", "admin"],
    });
  });

  it("refuses staying in the same status", () => {
    expect(checkTransition("open", "open", "agent", { now })).toEqual({
      ok: false,
      reason: "same-status",
    });
  });

  it("names each move by its intent", () => {
    const result = checkTransition("open", "escalated", "agent", { now });
    expect(result.ok && result.transition.action).toBe("escalate");
  });

  it("offers an operator only the moves out of an escalation", () => {
    const fromEscalated = availableTransitions("escalated", "operator").map((t) => t.to);
    expect(fromEscalated).toEqual(["open", "resolved"]);
    const elsewhere = statuses
      .filter((s: Status) => s !== "escalated")
      .flatMap((s) => availableTransitions(s, "operator"));
    expect(elsewhere).toEqual([]);
  });
});

describe("the customer's reopen window", () => {
  const resolved = new Date("2026-01-31T18:00:00Z");

  it("lets the customer reopen up to exactly seven days after resolution", () => {
    const deadline = new Date("2026-02-07T18:00:00Z");
    expect(
      checkTransition("resolved", "open", "customer", { now: deadline, resolvedAt: resolved }).ok,
    ).toBe(true);
  });

  it("refuses the customer one millisecond after the seven days, giving the deadline", () => {
    const late = new Date("2026-02-07T18:00:00.001Z");
    expect(
      checkTransition("resolved", "open", "customer", { now: late, resolvedAt: resolved }),
    ).toEqual({
      ok: false,
      reason: "reopen-window-passed",
      deadline: new Date("2026-02-07T18:00:00Z"),
    });
  });

  it("still lets an agent reopen a request resolved long ago", () => {
    const late = new Date("2026-06-01T00:00:00Z");
    expect(
      checkTransition("resolved", "open", "agent", { now: late, resolvedAt: resolved }).ok,
    ).toBe(true);
  });
});
