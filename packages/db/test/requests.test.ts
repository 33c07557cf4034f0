import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appendEvent,
  createRequest,
  driverError,
  getRequestByNumber,
  listEvents,
  runStatement,
} from "../src/index.ts";
import { italianRequest as input } from "./fixtures.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

const now = new Date("2026-11-21T10:00:00Z");

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

describe("requests", () => {
  it("get a yearly reference number counting up from SR-2026-000001", async () => {
    const first = await createRequest(database.db, { input, trackingTokenHash: "a", now });
    const second = await createRequest(database.db, { input, trackingTokenHash: "b", now });
    expect([first.number, second.number]).toEqual(["SR-2026-000001", "SR-2026-000002"]);
    const nextYear = await createRequest(database.db, {
      input,
      trackingTokenHash: "c",
      now: new Date("2027-01-01T00:00:00Z"),
    });
    expect(nextYear.number).toBe("SR-2027-000001");
  });

  it("are read back by number with every field the customer sent", async () => {
    const created = await createRequest(database.db, { input, trackingTokenHash: "hash", now });
    const read = await getRequestByNumber(database.db, created.number);
    expect(read).toMatchObject({
      status: "new",
      locale: "it",
      subject: input.subject,
      contactEmail: input.email,
      trackingTokenHash: "hash",
      createdAt: now,
    });
  });

  it("answer null for a number that does not exist", async () => {
    expect(await getRequestByNumber(database.db, "SR-2026-999999")).toBeNull();
  });

  it("start their timeline with the customer's description", async () => {
    const created = await createRequest(database.db, { input, trackingTokenHash: "h", now });
    const events = await listEvents(database.db, created.id);
    expect(events.map((e) => [e.type, e.actor, e.body])).toEqual([
      ["created", "customer", input.description],
    ]);
  });
});

describe("the timeline", () => {
  it("keeps internal notes out of the public view", async () => {
    const created = await createRequest(database.db, { input, trackingTokenHash: "h", now });
    const later = new Date("2026-11-21T11:00:00Z");
    await appendEvent(database.db, {
      requestId: created.id,
      type: "internal-note",
      actor: "agent",
      at: later,
      body: "Customer is on the old plan",
    });
    await appendEvent(database.db, {
      requestId: created.id,
      type: "reply",
      actor: "agent",
      at: later,
      body: "We are looking into it.",
    });
    const publicTypes = (await listEvents(database.db, created.id)).map((e) => e.type);
    const allTypes = (await listEvents(database.db, created.id, { includeInternal: true })).map(
      (e) => e.type,
    );
    expect(publicTypes).toEqual(["created", "reply"]);
    expect(allTypes).toEqual(["created", "internal-note", "reply"]);
  });

  it("marks the request as changed and bumps its version", async () => {
    const created = await createRequest(database.db, { input, trackingTokenHash: "h", now });
    const later = new Date("2026-11-21T12:00:00Z");
    await appendEvent(database.db, {
      requestId: created.id,
      type: "customer-message",
      actor: "customer",
      at: later,
      body: "Any news?",
    });
    expect(await getRequestByNumber(database.db, created.number)).toMatchObject({
      updatedAt: later,
      version: 2,
    });
  });

  it("cannot be rewritten or deleted, even with raw SQL", async () => {
    const created = await createRequest(database.db, { input, trackingTokenHash: "h", now });
    const refused = (statement: string) =>
      runStatement(database.db, statement).catch((error) => Promise.reject(driverError(error)));
    await expect(refused("UPDATE request_events SET body = 'forged'")).rejects.toThrow(
      /append-only/,
    );
    await expect(refused("DELETE FROM request_events")).rejects.toThrow(/append-only/);
    expect((await listEvents(database.db, created.id))[0]?.body).toBe(input.description);
  });

  it("refuses an event for a request that does not exist", async () => {
    await expect(
      appendEvent(database.db, {
        requestId: 4242,
        type: "reply",
        actor: "agent",
        at: now,
        body: "?",
      }).catch((error) => Promise.reject(driverError(error))),
    ).rejects.toThrow(/foreign key/i);
  });
});
