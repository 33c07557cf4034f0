import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  changeStatus,
  createRequest,
  createRequestOnce,
  dueMail,
  getRequestByNumber,
  IdempotencyConflictError,
  listEvents,
  listOutbox,
  markMailFailed,
  markMailSent,
  StaleRequestError,
} from "../src/index.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const now = new Date("2026-11-21T10:00:00Z");
const input = {
  locale: "de" as const,
  category: "connectivity" as const,
  service: "mail",
  severity: "B" as const,
  subject: "Outlook fragt ständig nach dem Kennwort",
  description:
    "Seit heute Morgen fragt Outlook auf drei Rechnern alle paar Minuten nach dem Kennwort.",
  organisation: "contoso.example",
  name: "Anna Berger",
  email: "anna@contoso.example",
  suggestedArticles: ["repeated-password-prompts"],
  openedArticles: ["repeated-password-prompts"],
};
const mail = {
  kind: "created",
  recipient: "anna@contoso.example",
  locale: "de" as const,
  subject: "S",
  body: "B",
};

describe("filing with an Idempotency-Key", () => {
  const once = (key: string, bodyHash: string, tokenHash = "h") =>
    createRequestOnce(
      database.db,
      { input, trackingTokenHash: tokenHash, now, mail: () => mail },
      { key, bodyHash, response: (row) => ({ number: row.number }), replayTokenHash: tokenHash },
    );

  it("creates one request and one email for a double submit, answering both alike", async () => {
    const first = await once("key-1", "body-a");
    const second = await once("key-1", "body-a");
    expect(first).toMatchObject({ replayed: false, response: { number: "SR-2026-000001" } });
    expect(second).toEqual({ replayed: true, response: { number: "SR-2026-000001" } });
    expect(await getRequestByNumber(database.db, "SR-2026-000002")).toBeNull();
    expect(await listOutbox(database.db)).toHaveLength(1);
  });

  it("hands a replay the request with a new token hash, the old one no longer working", async () => {
    await once("key-1", "body-a", "first-hash");
    await once("key-1", "body-a", "second-hash");
    const stored = await getRequestByNumber(database.db, "SR-2026-000001");
    expect(stored?.trackingTokenHash).toBe("second-hash");
  });

  it("refuses the same key with a different body and writes nothing", async () => {
    await once("key-1", "body-a");
    await expect(once("key-1", "body-b")).rejects.toThrow(IdempotencyConflictError);
    expect(await getRequestByNumber(database.db, "SR-2026-000002")).toBeNull();
  });

  it("stores what the form suggested and what the customer opened", async () => {
    await once("key-1", "body-a");
    expect(await getRequestByNumber(database.db, "SR-2026-000001")).toMatchObject({
      suggestedArticles: ["repeated-password-prompts"],
      openedArticles: ["repeated-password-prompts"],
    });
  });
});

describe("changing status", () => {
  it("records the customer's message and the move on the timeline, with an email", async () => {
    const row = await createRequest(database.db, { input, trackingTokenHash: "h", now });
    const later = new Date("2026-11-21T11:00:00Z");
    const updated = await changeStatus(
      database.db,
      {
        requestId: row.id,
        from: "new",
        to: "resolved",
        actor: "customer",
        at: later,
        message: { type: "customer-message", body: "Geht wieder." },
      },
      { ...mail, kind: "status-changed" },
    );
    expect(updated).toMatchObject({ status: "resolved", resolvedAt: later, version: 2 });
    const events = await listEvents(database.db, row.id);
    expect(events.map((e) => [e.type, e.body, e.data])).toEqual([
      ["created", input.description, null],
      ["customer-message", "Geht wieder.", null],
      ["status-change", null, { from: "new", to: "resolved" }],
    ]);
    expect((await listOutbox(database.db)).map((m) => m.kind)).toEqual(["status-changed"]);
  });

  it("refuses a move from a status the request is no longer in, changing nothing", async () => {
    const row = await createRequest(database.db, { input, trackingTokenHash: "h", now });
    await expect(
      changeStatus(
        database.db,
        { requestId: row.id, from: "open", to: "resolved", actor: "customer", at: now },
        mail,
      ),
    ).rejects.toThrow(StaleRequestError);
    expect(await listEvents(database.db, row.id)).toHaveLength(1);
    expect(await listOutbox(database.db)).toHaveLength(0);
  });
});

describe("the mail outbox", () => {
  it("hands out due mail, retries failures later, and forgets the body once sent", async () => {
    await createRequest(database.db, { input, trackingTokenHash: "h", now, mail: () => mail });
    const [due] = await dueMail(database.db, now);
    expect(due).toMatchObject({ status: "pending", attempts: 0, body: "B" });
    await markMailFailed(
      database.db,
      due?.id ?? 0,
      "connection refused",
      new Date("2026-11-21T10:00:10Z"),
    );
    expect(await dueMail(database.db, new Date("2026-11-21T10:00:09Z"))).toEqual([]);
    const [retry] = await dueMail(database.db, new Date("2026-11-21T10:00:10Z"));
    expect(retry).toMatchObject({ attempts: 1, lastError: "connection refused" });
    await markMailSent(database.db, retry?.id ?? 0, new Date("2026-11-21T10:00:11Z"));
    expect(await listOutbox(database.db)).toEqual([
      expect.objectContaining({ status: "sent", body: null, attempts: 1 }),
    ]);
    expect(await dueMail(database.db, new Date("2026-11-22T00:00:00Z"))).toEqual([]);
  });
});

describe("idempotency keys", () => {
  it("are forgotten after a day, so an old key files a new request", async () => {
    const once = (at: Date) =>
      createRequestOnce(
        database.db,
        { input, trackingTokenHash: "h", now: at },
        {
          key: "key-old",
          bodyHash: "body-a",
          response: (row) => ({ number: row.number }),
          replayTokenHash: "h",
        },
      );
    await once(now);
    expect(await once(new Date("2026-11-22T09:59:59Z"))).toMatchObject({ replayed: true });
    expect(await once(new Date("2026-11-22T10:00:00.001Z"))).toMatchObject({
      replayed: false,
      response: { number: "SR-2026-000002" },
    });
  });
});
