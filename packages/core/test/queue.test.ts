import { describe, expect, it } from "vitest";
import {
  defaultPartnerPolicy,
  queueSlaState,
  requestSla,
  type SlaScheduleInput,
  searchTerms,
  slaFlags,
  slaSchedule,
} from "../src/index.ts";

const at = (iso: string) => new Date(iso);
const minute = 60_000;
const hour = 60 * minute;

// Severity B: first response within 4 h, resolution within 24 h.
const filed: SlaScheduleInput = {
  severity: "B",
  status: "new",
  createdAt: at("2026-05-04T09:00:00Z"),
  statusHistory: [],
  firstResponseAt: null,
};

describe("the stored SLA schedule", () => {
  it("falls due one first-response target after filing while nobody answered", () => {
    expect(slaSchedule(filed)).toEqual({
      dueAt: at("2026-05-04T13:00:00Z"),
      riskAt: at("2026-05-04T12:00:00Z"),
    });
  });

  it("follows the resolution clock once the customer got an answer", () => {
    const answered = {
      ...filed,
      status: "open" as const,
      firstResponseAt: at("2026-05-04T10:00:00Z"),
    };
    expect(slaSchedule(answered).dueAt).toEqual(at("2026-05-05T09:00:00Z"));
  });

  it("has no due instant while waiting on the customer, and moves later by the pause", () => {
    const waiting = {
      ...filed,
      status: "waiting-on-customer" as const,
      statusHistory: [{ status: "waiting-on-customer" as const, at: at("2026-05-04T10:00:00Z") }],
    };
    expect(slaSchedule(waiting)).toEqual({ dueAt: null, riskAt: null });
    const resumed = {
      ...waiting,
      status: "open" as const,
      statusHistory: [
        ...waiting.statusHistory,
        { status: "open" as const, at: at("2026-05-04T15:00:00Z") },
      ],
    };
    expect(slaSchedule(resumed).dueAt).toEqual(at("2026-05-04T18:00:00Z"));
  });

  it("keeps a breach that happened before the request started waiting on the customer", () => {
    const late = {
      ...filed,
      status: "waiting-on-customer" as const,
      statusHistory: [{ status: "waiting-on-customer" as const, at: at("2026-05-04T14:00:00Z") }],
    };
    expect(slaSchedule(late).dueAt).toEqual(at("2026-05-04T13:00:00Z"));
    expect(slaFlags(slaSchedule(late), at("2026-05-09T00:00:00Z")).breached).toBe(true);
  });

  it("has nothing due once the request is resolved or closed", () => {
    for (const status of ["resolved", "closed"] as const) {
      const done = {
        ...filed,
        status,
        statusHistory: [{ status, at: at("2026-05-04T10:00:00Z") }],
      };
      expect(slaSchedule(done)).toEqual({ dueAt: null, riskAt: null });
    }
  });

  it("follows the configured policy", () => {
    const policy = {
      ...defaultPartnerPolicy,
      B: { firstResponseMinutes: 30, resolutionMinutes: 60 },
    };
    expect(slaSchedule(filed, policy).dueAt).toEqual(at("2026-05-04T09:30:00Z"));
  });

  it("agrees with the full clock reading at every moment of a request's life", () => {
    const lives: SlaScheduleInput[] = [
      filed,
      {
        ...filed,
        severity: "A",
        status: "open",
        statusHistory: [{ status: "open", at: at("2026-05-04T09:10:00Z") }],
      },
      {
        ...filed,
        status: "open",
        firstResponseAt: at("2026-05-04T09:30:00Z"),
        statusHistory: [
          { status: "waiting-on-customer", at: at("2026-05-04T09:30:00Z") },
          { status: "open", at: at("2026-05-04T20:00:00Z") },
        ],
      },
      {
        ...filed,
        status: "escalated",
        firstResponseAt: at("2026-05-04T11:00:00Z"),
        statusHistory: [{ status: "escalated", at: at("2026-05-04T11:00:00Z") }],
      },
    ];
    for (const life of lives) {
      const schedule = slaSchedule(life);
      for (let t = 0; t <= 60 * hour; t += 7 * minute) {
        const now = new Date(at("2026-05-05T00:00:00Z").getTime() + t - 15 * hour);
        const sla = requestSla(life, now);
        const clock = life.firstResponseAt ? sla.resolution : sla.firstResponse;
        expect(slaFlags(schedule, now)).toEqual({ breached: clock.breached, atRisk: clock.atRisk });
      }
    }
  });
});

describe("the SLA flags", () => {
  const schedule = slaSchedule(filed);

  it("say breached exactly at the due instant, not a millisecond before", () => {
    expect(slaFlags(schedule, at("2026-05-04T12:59:59.999Z")).breached).toBe(false);
    expect(slaFlags(schedule, at("2026-05-04T13:00:00Z")).breached).toBe(true);
  });

  it("say at risk once less than a quarter of the target is left", () => {
    expect(slaFlags(schedule, at("2026-05-04T12:00:00Z")).atRisk).toBe(false);
    expect(slaFlags(schedule, at("2026-05-04T12:00:00.001Z")).atRisk).toBe(true);
    expect(slaFlags(schedule, at("2026-05-04T13:00:00Z")).atRisk).toBe(false);
  });

  it("name the queue's SLA state in one word", () => {
    const now = at("2026-05-04T12:30:00Z");
    expect(queueSlaState("new", schedule, now)).toBe("at-risk");
    expect(queueSlaState("new", schedule, at("2026-05-04T10:00:00Z"))).toBe("running");
    expect(queueSlaState("new", schedule, at("2026-05-04T14:00:00Z"))).toBe("breached");
    expect(queueSlaState("waiting-on-customer", { dueAt: null, riskAt: null }, now)).toBe("paused");
    expect(queueSlaState("closed", { dueAt: null, riskAt: null }, now)).toBe("done");
  });
});

describe("what a queue search means", () => {
  const words = (text: string) => searchTerms(text).map((t) => (t.prefix ? `${t.word}*` : t.word));

  it("is the words typed, each the start of a word, all of which must match", () => {
    expect(words("Outlook password")).toEqual(["outlook*", "password*"]);
  });

  it("treats operators, quotes and brackets as separators", () => {
    expect(words('"unbalanced (quote OR NOT* ^col:x')).toEqual([
      "unbalanced*",
      "quote*",
      "or",
      "not*",
      "col*",
      "x",
    ]);
  });

  it("matches short words whole, drops repeats and keeps letters of every script", () => {
    expect(words("vpn VPN ok Größe 邮件")).toEqual(["vpn*", "ok", "größe*", "邮件"]);
  });

  it("is empty when nothing searchable was typed", () => {
    expect(searchTerms("  -- ** ")).toEqual([]);
  });
});
