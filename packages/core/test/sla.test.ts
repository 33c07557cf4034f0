import { describe, expect, it } from "vitest";
import { operatorSla, pausesFromHistory, readClock, requestSla } from "../src/index.ts";

const at = (iso: string) => new Date(iso);
const hour = 3_600_000;

describe("an SLA clock", () => {
  const started = at("2026-05-04T09:00:00Z");
  const oneHour = { startedAt: started, targetMinutes: 60, pauses: [], stoppedAt: null };

  it("is due exactly one target after it started when nothing paused it", () => {
    const reading = readClock(oneHour, at("2026-05-04T09:10:00Z"));
    expect(reading.dueAt).toEqual(at("2026-05-04T10:00:00Z"));
    expect(reading.state).toBe("running");
    expect(reading.remainingMs).toBe(50 * 60_000);
  });

  it("is not breached one millisecond before the due instant", () => {
    const reading = readClock(oneHour, at("2026-05-04T09:59:59.999Z"));
    expect(reading.breached).toBe(false);
    expect(reading.remainingMs).toBe(1);
  });

  it("is breached exactly at the due instant", () => {
    const reading = readClock(oneHour, at("2026-05-04T10:00:00Z"));
    expect(reading.breached).toBe(true);
    expect(reading.state).toBe("breached");
  });

  it("counts a reply sent exactly at the due instant as late", () => {
    const reading = readClock(
      { ...oneHour, stoppedAt: at("2026-05-04T10:00:00Z") },
      at("2026-05-05T00:00:00Z"),
    );
    expect(reading.state).toBe("breached");
  });

  it("counts a reply sent a millisecond before the due instant as met, forever after", () => {
    const reading = readClock(
      { ...oneHour, stoppedAt: at("2026-05-04T09:59:59.999Z") },
      at("2026-06-01T00:00:00Z"),
    );
    expect(reading.state).toBe("met");
    expect(reading.breached).toBe(false);
  });

  it("is at risk once less than a quarter of the target is left", () => {
    expect(readClock(oneHour, at("2026-05-04T09:45:00Z")).atRisk).toBe(false);
    expect(readClock(oneHour, at("2026-05-04T09:45:00.001Z")).atRisk).toBe(true);
  });

  it("is no longer at risk once breached", () => {
    expect(readClock(oneHour, at("2026-05-04T10:30:00Z")).atRisk).toBe(false);
  });

  it("stands still while paused and moves the due instant by the pause", () => {
    const pauses = [{ from: at("2026-05-04T09:20:00Z"), to: null }];
    const during = readClock({ ...oneHour, pauses }, at("2026-05-04T15:00:00Z"));
    expect(during.state).toBe("paused");
    expect(during.elapsedMs).toBe(20 * 60_000);
    expect(during.breached).toBe(false);
    expect(during.dueAt).toEqual(at("2026-05-04T15:40:00Z"));
  });

  it("resumes after a pause with the time that was left", () => {
    const pauses = [{ from: at("2026-05-04T09:20:00Z"), to: at("2026-05-04T11:20:00Z") }];
    const reading = readClock({ ...oneHour, pauses }, at("2026-05-04T11:30:00Z"));
    expect(reading.state).toBe("running");
    expect(reading.elapsedMs).toBe(30 * 60_000);
    expect(reading.dueAt).toEqual(at("2026-05-04T12:00:00Z"));
  });

  it("breaches exactly at the due instant moved by a pause", () => {
    const pauses = [{ from: at("2026-05-04T09:20:00Z"), to: at("2026-05-04T11:20:00Z") }];
    expect(readClock({ ...oneHour, pauses }, at("2026-05-04T11:59:59.999Z")).breached).toBe(false);
    expect(readClock({ ...oneHour, pauses }, at("2026-05-04T12:00:00Z")).breached).toBe(true);
  });

  it("handles a pause spanning midnight and the end of a month in 24×7 time", () => {
    const clock = {
      startedAt: at("2026-01-31T23:00:00Z"),
      targetMinutes: 120,
      pauses: [{ from: at("2026-01-31T23:30:00Z"), to: at("2026-02-01T00:45:00Z") }],
      stoppedAt: null,
    };
    const reading = readClock(clock, at("2026-02-01T01:00:00Z"));
    expect(reading.elapsedMs).toBe(45 * 60_000);
    expect(reading.dueAt).toEqual(at("2026-02-01T02:15:00Z"));
  });

  it("handles a pause across the end of a leap-year February", () => {
    const clock = {
      startedAt: at("2028-02-28T22:00:00Z"),
      targetMinutes: 8 * 60,
      pauses: [{ from: at("2028-02-28T23:00:00Z"), to: at("2028-03-01T01:00:00Z") }],
      stoppedAt: null,
    };
    // 26 hours paused: 28 Feb 23:00 → 29 Feb → 1 Mar 01:00.
    expect(readClock(clock, at("2028-03-01T02:00:00Z")).dueAt).toEqual(at("2028-03-01T08:00:00Z"));
  });

  it("does not count overlapping pauses twice", () => {
    const pauses = [
      { from: at("2026-05-04T09:10:00Z"), to: at("2026-05-04T09:30:00Z") },
      { from: at("2026-05-04T09:20:00Z"), to: at("2026-05-04T09:40:00Z") },
    ];
    expect(readClock({ ...oneHour, pauses }, at("2026-05-04T10:00:00Z")).elapsedMs).toBe(
      30 * 60_000,
    );
  });

  it("ignores pauses after the target was met", () => {
    const clock = {
      ...oneHour,
      stoppedAt: at("2026-05-04T09:30:00Z"),
      pauses: [{ from: at("2026-05-04T09:40:00Z"), to: null }],
    };
    const reading = readClock(clock, at("2026-05-04T12:00:00Z"));
    expect(reading.state).toBe("met");
    expect(reading.elapsedMs).toBe(30 * 60_000);
  });
});

describe("a request's SLA", () => {
  const createdAt = at("2026-07-01T08:00:00Z");

  it("uses the severity's first-response and resolution targets", () => {
    const sla = requestSla(
      { severity: "A", createdAt, statusHistory: [], firstResponseAt: null },
      createdAt,
    );
    expect(sla.firstResponse.dueAt).toEqual(at("2026-07-01T09:00:00Z"));
    expect(sla.resolution.dueAt).toEqual(at("2026-07-01T16:00:00Z"));
  });

  it("pauses the resolution clock while waiting on the customer and resumes on their reply", () => {
    const statusHistory = [
      { status: "open" as const, at: at("2026-07-01T08:10:00Z") },
      { status: "waiting-on-customer" as const, at: at("2026-07-01T09:00:00Z") },
      { status: "open" as const, at: at("2026-07-02T09:00:00Z") },
    ];
    const sla = requestSla(
      { severity: "B", createdAt, statusHistory, firstResponseAt: at("2026-07-01T08:10:00Z") },
      at("2026-07-02T10:00:00Z"),
    );
    expect(sla.firstResponse.state).toBe("met");
    expect(sla.resolution.elapsedMs).toBe(2 * hour);
    expect(sla.resolution.dueAt).toEqual(at("2026-07-03T08:00:00Z"));
  });

  it("stops both clocks when resolved, even without a written reply", () => {
    const statusHistory = [{ status: "resolved" as const, at: at("2026-07-01T08:30:00Z") }];
    const sla = requestSla(
      { severity: "A", createdAt, statusHistory, firstResponseAt: null },
      at("2026-07-09T00:00:00Z"),
    );
    expect(sla.firstResponse.state).toBe("met");
    expect(sla.resolution.state).toBe("met");
  });

  it("resumes the resolution clock on reopening without counting the time it sat resolved", () => {
    const input = {
      severity: "A" as const,
      createdAt,
      firstResponseAt: null,
      statusHistory: [
        { status: "resolved" as const, at: at("2026-07-01T09:00:00Z") },
        { status: "open" as const, at: at("2026-07-01T10:00:00Z") },
      ],
    };
    expect(requestSla(input, at("2026-07-01T16:59:59.999Z")).resolution.breached).toBe(false);
    expect(requestSla(input, at("2026-07-01T17:00:00Z")).resolution.dueAt).toEqual(
      at("2026-07-01T17:00:00Z"),
    );
    expect(requestSla(input, at("2026-07-01T17:00:00Z")).resolution.breached).toBe(true);
  });

  it("turns waiting spans into pauses, leaving the last one open", () => {
    const pauses = pausesFromHistory([
      { status: "waiting-on-customer", at: at("2026-07-01T09:00:00Z") },
      { status: "open", at: at("2026-07-01T10:00:00Z") },
      { status: "waiting-on-customer", at: at("2026-07-01T11:00:00Z") },
    ]);
    expect(pauses).toEqual([
      { from: at("2026-07-01T09:00:00Z"), to: at("2026-07-01T10:00:00Z") },
      { from: at("2026-07-01T11:00:00Z"), to: null },
    ]);
  });
});

describe("the operator's SLA", () => {
  const policy = {
    A: { firstResponseMinutes: 30, resolutionMinutes: 240 },
    B: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    C: { firstResponseMinutes: 120, resolutionMinutes: 960 },
  };
  const escalatedAt = at("2026-07-01T12:00:00Z");

  it("runs from the escalation, not from the customer's request", () => {
    const sla = operatorSla(
      { severity: "A", escalatedAt, acknowledgedAt: null, finishedAt: null },
      escalatedAt,
      policy,
    );
    expect(sla.firstResponse.dueAt).toEqual(at("2026-07-01T12:30:00Z"));
    expect(sla.resolution.dueAt).toEqual(at("2026-07-01T16:00:00Z"));
  });

  it("is met on acknowledgement and breached when resolution is late", () => {
    const sla = operatorSla(
      { severity: "A", escalatedAt, acknowledgedAt: at("2026-07-01T12:10:00Z"), finishedAt: null },
      at("2026-07-01T16:00:00Z"),
      policy,
    );
    expect(sla.firstResponse.state).toBe("met");
    expect(sla.resolution.state).toBe("breached");
  });
});
