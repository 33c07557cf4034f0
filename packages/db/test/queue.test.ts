import { defaultPartnerPolicy, type SupportRequestInput } from "@frontline/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  applySlaPolicy,
  changeStatus,
  countQueueByStatus,
  getRequestByNumber,
  listQueue,
  markFirstResponse,
} from "../src/index.ts";
import { fileAt } from "./fixtures.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

const at = (iso: string) => new Date(iso);

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const file = (iso: string, fields: Partial<SupportRequestInput> = {}) =>
  fileAt(database.db, iso, fields);

describe("the stored SLA schedule", () => {
  it("is written when a request is filed, answered and moved, in the same transaction", async () => {
    const row = await file("2026-11-21T08:00:00Z");
    expect(row.slaDueAt).toEqual(at("2026-11-21T09:00:00Z"));
    await markFirstResponse(database.db, row.id, at("2026-11-21T08:10:00Z"));
    expect((await getRequestByNumber(database.db, row.number))?.slaDueAt).toEqual(
      at("2026-11-21T16:00:00Z"),
    );
    const waiting = await changeStatus(database.db, {
      requestId: row.id,
      from: "new",
      to: "waiting-on-customer",
      actor: "agent",
      at: at("2026-11-21T09:00:00Z"),
    });
    expect(waiting.slaDueAt).toBeNull();
    const resumed = await changeStatus(database.db, {
      requestId: row.id,
      from: "waiting-on-customer",
      to: "open",
      actor: "customer",
      at: at("2026-11-21T11:00:00Z"),
    });
    expect(resumed.slaDueAt).toEqual(at("2026-11-21T18:00:00Z"));
    expect(resumed.slaRiskAt).toEqual(at("2026-11-21T16:00:00Z"));
  });

  it("is recomputed for every request when the policy changes, and only then", async () => {
    const row = await file("2026-11-21T08:00:00Z");
    const slower = {
      ...defaultPartnerPolicy,
      A: { firstResponseMinutes: 120, resolutionMinutes: 600 },
    };
    expect(await applySlaPolicy(database.db, slower, at("2026-11-21T08:30:00Z"))).toBe(true);
    expect((await getRequestByNumber(database.db, row.number))?.slaDueAt).toEqual(
      at("2026-11-21T10:00:00Z"),
    );
    expect(await applySlaPolicy(database.db, slower, at("2026-11-21T08:31:00Z"))).toBe(false);
    // New requests follow the stored policy too.
    expect((await file("2026-11-21T09:00:00Z")).slaDueAt).toEqual(at("2026-11-21T11:00:00Z"));
  });

  it("refuses a status move made against an old version", async () => {
    const row = await file("2026-11-21T08:00:00Z");
    await expect(
      changeStatus(database.db, {
        requestId: row.id,
        from: "new",
        to: "open",
        actor: "agent",
        at: at("2026-11-21T08:05:00Z"),
        expectedVersion: row.version + 1,
      }),
    ).rejects.toThrow(/changed meanwhile/);
  });
});

describe("the queue repository", () => {
  it("counts per status and lists with the status filter ignored only for counting", async () => {
    const first = await file("2026-11-21T08:00:00Z");
    await file("2026-11-21T08:10:00Z", { severity: "C" });
    await changeStatus(database.db, {
      requestId: first.id,
      from: "new",
      to: "open",
      actor: "agent",
      at: at("2026-11-21T08:20:00Z"),
    });
    const now = at("2026-11-21T09:30:00Z");
    expect(await countQueueByStatus(database.db, { statuses: ["open"] }, now)).toEqual({
      new: 1,
      open: 1,
    });
    const page = await listQueue(
      database.db,
      { statuses: ["open"] },
      { sort: "sla", order: "asc", limit: 10, now },
    );
    expect(page.items.map((i) => i.number)).toEqual([first.number]);
    expect(page.next).toBeNull();
  });
});
