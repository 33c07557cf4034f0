import { defaultPartnerPolicy } from "@frontline/core";
import { appendEvent, applySlaPolicy, getRequestByNumber } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { type DeskTest, deskTest, numbers } from "../../../test/desk.ts";
import { prepareDatabase } from "../../app.ts";

/** A severity A request filed at 08:00: the first response is due at 09:00. */
async function oneRequest(desk: DeskTest) {
  desk.clock.set("2026-11-21T08:00:00Z");
  return desk.file({ severity: "A", subject: "Mail is down for the whole office" });
}

const slaOf = async (desk: DeskTest, number: string) => (await desk.detail(number)).sla;

describe("SLA in the queue and the request", () => {
  it("is due one first-response target after filing, and at risk once a quarter is left", async () => {
    const desk = await deskTest();
    const row = await oneRequest(desk);
    desk.clock.set("2026-11-21T08:45:00Z");
    expect(await slaOf(desk, row.number)).toMatchObject({
      state: "running",
      dueAt: "2026-11-21T09:00:00.000Z",
      atRisk: false,
    });
    expect(numbers(await desk.queue("?sla=at-risk"))).toEqual([]);
    desk.clock.set("2026-11-21T08:45:00.001Z");
    expect(numbers(await desk.queue("?sla=at-risk"))).toEqual([row.number]);
    expect((await slaOf(desk, row.number)).firstResponse).toMatchObject({
      state: "running",
      atRisk: true,
      targetMinutes: 60,
    });
  });

  it("is breached exactly at the due instant, not a millisecond before", async () => {
    const desk = await deskTest();
    const row = await oneRequest(desk);
    desk.clock.set("2026-11-21T08:59:59.999Z");
    expect(numbers(await desk.queue("?sla=breached"))).toEqual([]);
    expect((await slaOf(desk, row.number)).breached).toBe(false);
    desk.clock.set("2026-11-21T09:00:00Z");
    expect(numbers(await desk.queue("?sla=breached"))).toEqual([row.number]);
    expect(numbers(await desk.queue("?sla=at-risk"))).toEqual([]);
    expect(await slaOf(desk, row.number)).toMatchObject({ state: "breached", breached: true });
    expect((await slaOf(desk, row.number)).firstResponse.state).toBe("breached");
  });

  it("stands still while waiting on the customer and resumes later by the time waited", async () => {
    const desk = await deskTest();
    const row = await oneRequest(desk);
    desk.clock.set("2026-11-21T08:30:00Z");
    await desk.act(row.number, "status", { status: "waiting-on-customer" });
    desk.clock.set("2026-11-21T12:00:00Z");
    expect(numbers(await desk.queue("?sla=breached"))).toEqual([]);
    expect((await desk.queue()).items[0].sla).toEqual({
      state: "paused",
      dueAt: null,
      breached: false,
      atRisk: false,
    });
    expect((await slaOf(desk, row.number)).firstResponse.state).toBe("paused");
    // The customer answers at 12:00: 30 minutes were used, 30 are left.
    await desk.act(row.number, "status", { status: "open" });
    expect(await slaOf(desk, row.number)).toMatchObject({
      state: "running",
      dueAt: "2026-11-21T12:30:00.000Z",
    });
  });

  it("switches to the resolution clock once the customer got a first reply", async () => {
    const desk = await deskTest();
    const row = await oneRequest(desk);
    desk.clock.set("2026-11-21T08:20:00Z");
    await desk.act(row.number, "replies", { body: "We are on it and will call you." });
    const sla = await slaOf(desk, row.number);
    expect(sla.firstResponse.state).toBe("met");
    // Severity A: resolution within 8 hours of filing.
    expect(sla).toMatchObject({ state: "running", dueAt: "2026-11-21T16:00:00.000Z" });
  });

  it("follows a changed severity at once", async () => {
    const desk = await deskTest();
    const row = await oneRequest(desk);
    await desk.act(row.number, "classification", { severity: "C" });
    expect((await slaOf(desk, row.number)).dueAt).toBe("2026-11-21T16:00:00.000Z");
  });

  it("has nothing due once resolved, and picks up where it was when reopened", async () => {
    const desk = await deskTest();
    const row = await oneRequest(desk);
    desk.clock.set("2026-11-21T08:10:00Z");
    await desk.act(row.number, "resolution", { body: "Fixed: the connector was restarted." });
    expect(await slaOf(desk, row.number)).toMatchObject({ state: "done", dueAt: null });
    desk.clock.set("2026-11-21T10:10:00Z");
    await desk.act(row.number, "status", { status: "open" });
    // Ten minutes used before resolving; the two resolved hours do not count.
    expect((await slaOf(desk, row.number)).dueAt).toBe("2026-11-21T18:00:00.000Z");
  });

  it("keeps a breach that happened before the request started waiting on the customer", async () => {
    const desk = await deskTest();
    const row = await oneRequest(desk);
    desk.clock.set("2026-11-21T09:30:00Z");
    await desk.act(row.number, "status", { status: "waiting-on-customer" });
    expect(numbers(await desk.queue("?sla=breached"))).toEqual([row.number]);
    expect(await slaOf(desk, row.number)).toMatchObject({ state: "breached", breached: true });
  });

  it("follows the configured policy, and recomputes stored requests when it changes", async () => {
    const policy = {
      ...defaultPartnerPolicy,
      A: { firstResponseMinutes: 15, resolutionMinutes: 120 },
    };
    const desk = await deskTest({ partnerPolicy: policy });
    const row = await oneRequest(desk);
    expect((await slaOf(desk, row.number)).dueAt).toBe("2026-11-21T08:15:00.000Z");
    // The server restarts with the default policy: the stored due instant follows.
    await prepareDatabase({
      db: desk.db,
      clock: desk.clock,
      config: { ...desk.config, partnerPolicy: defaultPartnerPolicy },
    });
    expect((await getRequestByNumber(desk.db, row.number))?.slaDueAt).toEqual(
      new Date("2026-11-21T09:00:00Z"),
    );
    expect(await applySlaPolicy(desk.db, defaultPartnerPolicy, desk.clock.now())).toBe(false);
  });

  it("is not moved by messages that leave the status alone", async () => {
    const desk = await deskTest();
    const row = await oneRequest(desk);
    await appendEvent(desk.db, {
      requestId: row.id,
      type: "customer-message",
      actor: "customer",
      at: new Date("2026-11-21T08:30:00Z"),
      body: "Still down.",
    });
    expect((await slaOf(desk, row.number)).dueAt).toBe("2026-11-21T09:00:00.000Z");
  });
});
