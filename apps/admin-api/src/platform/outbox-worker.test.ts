import { enqueueMail, getRequestByNumber, listOutbox, openDatabase } from "@frontline/db";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ReceivedMail,
  smtpTransport,
  startSmtpServer,
  type TestSmtpServer,
} from "../../test/smtp.ts";
import { fixedClock, postJson, readJson, testApp, validRequest } from "../../test/test-app.ts";
import { replyAsPartner } from "../features/requests/reply-as-partner.ts";
import { outboxMessageId, retryDelay, startOutboxWorker } from "./outbox-worker.ts";

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function smtp(port?: number, received?: ReceivedMail[], options?: { dieAfter?: number }) {
  const server = await startSmtpServer(port, received, options);
  servers.push(server);
  return server;
}

type WorkerOptions = Parameters<typeof startOutboxWorker>[0];
/** A worker sending to the test SMTP server on `port`, as the server starts it; `extra` for retry timing. */
const workerTo = (
  port: number,
  db: WorkerOptions["db"],
  clock: WorkerOptions["clock"],
  extra: Partial<WorkerOptions> = {},
) =>
  startOutboxWorker({
    db,
    transport: smtpTransport(port),
    from: "support@partner.example",
    clock,
    ...extra,
  });

describe("notification emails", () => {
  it("confirm a new request over SMTP, in the request's language, with the private tracking link", async () => {
    const server = await smtp();
    const { app, db, clock } = await testApp();
    const filed = await readJson(
      await postJson(app, "/api/v1/requests", { ...validRequest, locale: "de" }),
    );
    const worker = workerTo(server.port, db, clock);
    expect(await worker.runOnce()).toBe(1);
    await worker.stop();
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.to).toEqual([validRequest.email]);
    expect(mail?.subject).toBe(
      `[${filed.number}] Ihre Anfrage ist eingegangen: ${validRequest.subject}`,
    );
    expect(mail?.text).toContain(`Guten Tag ${validRequest.name},`);
    expect(mail?.text).toContain(
      `https://help.example/de/track/#${filed.number}:${filed.trackingToken}`,
    );
    // Once delivered, the database no longer holds the link with the token.
    expect((await listOutbox(db))[0]).toMatchObject({ status: "sent", body: null });
  });

  it("reach an internationalised address (jürgen@beispiel.de) over SMTP", async () => {
    const server = await smtp();
    const { app, db, clock } = await testApp();
    const response = await postJson(app, "/api/v1/requests", {
      ...validRequest,
      email: "jürgen@beispiel.de",
    });
    expect(response.status).toBe(201);
    const worker = workerTo(server.port, db, clock);
    expect(await worker.runOnce()).toBe(1);
    await worker.stop();
    expect(server.received.map((mail) => mail.to)).toEqual([["jürgen@beispiel.de"]]);
    expect((await listOutbox(db))[0]?.status).toBe("sent");
  });

  it("stay in the outbox when no mail server answers, and a request still succeeds", async () => {
    const { app, db, clock } = await testApp();
    const response = await postJson(app, "/api/v1/requests", validRequest);
    expect(response.status).toBe(201);
    const worker = workerTo(1, db, clock, { retryBaseMs: 5_000 });
    expect(await worker.runOnce()).toBe(0);
    await worker.stop();
    const [mail] = await listOutbox(db);
    expect(mail).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: new Date(clock.now().getTime() + 5_000),
    });
    expect(mail?.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("all arrive exactly once when the mail server dies in the middle of a burst and comes back", async () => {
    const received: ReceivedMail[] = [];
    // The server accepts four confirmations, then shuts down while the worker is still sending.
    const dying = await smtp(0, received, { dieAfter: 4 });
    const clock = fixedClock("2026-11-21T09:30:00Z");
    const { app, db } = await testApp({}, clock);
    const numbers: string[] = [];
    for (let i = 0; i < 10; i++) {
      const filed = await readJson(
        await postJson(app, "/api/v1/requests", {
          ...validRequest,
          subject: `Burst request number ${i}`,
        }),
      );
      numbers.push(filed.number);
    }
    const worker = workerTo(dying.port, db, clock, { retryBaseMs: 1_000, pollMs: 60_000 });
    expect(await worker.runOnce()).toBe(4);
    await dying.close();
    const waiting = (await listOutbox(db)).filter((m) => m.status === "pending");
    expect(waiting).toHaveLength(6);
    expect(waiting.every((m) => m.attempts >= 1)).toBe(true);

    await smtp(dying.port, received);
    // Not yet: each retry waits for its back-off.
    expect(await worker.runOnce()).toBe(0);
    clock.set("2026-11-21T09:30:01Z");
    expect(await worker.runOnce()).toBe(6);
    clock.set("2026-11-21T10:30:00Z");
    expect(await worker.runOnce()).toBe(0);
    await worker.stop();

    const subjects = received.map((m) => m.subject.slice(1, 15)).sort();
    expect(subjects).toEqual([...numbers].sort());
    expect((await listOutbox(db)).every((m) => m.status === "sent")).toBe(true);
  });

  it("gives each mail one Message-ID, the same on every attempt, so a resend is recognisably the same mail", () => {
    const mail = { id: 42, createdAt: new Date("2026-11-21T09:30:00Z") };
    const id = outboxMessageId(mail, "Frontline Support <support@partner.example>");
    expect(id).toBe(`<outbox-42.${mail.createdAt.getTime()}@partner.example>`);
    expect(outboxMessageId(mail, "Frontline Support <support@partner.example>")).toBe(id);
    expect(outboxMessageId({ ...mail, id: 43 }, "support@partner.example")).not.toBe(id);
  });
});

describe("extra mail headers", () => {
  it("carry one-click unsubscribe over SMTP, and never a header the worker does not allow", async () => {
    const server = await smtp();
    const { db, clock } = await testApp();
    await enqueueMail(
      db,
      null,
      {
        kind: "incident-updated",
        recipient: "ana@contoso.example",
        locale: "de",
        subject: "Neue Meldung",
        body: "Stand: Behoben",
        headers: {
          "List-Unsubscribe": "<https://help.example/status-mail/unsubscribe?token=u1.1.x>",
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          Bcc: "eve@attacker.example",
        },
      },
      clock.now(),
    );
    const worker = workerTo(server.port, db, clock);
    expect(await worker.runOnce()).toBe(1);
    await worker.stop();
    const [mail] = server.received;
    expect(mail?.listUnsubscribe).toBe(
      "<https://help.example/status-mail/unsubscribe?token=u1.1.x>",
    );
    expect(mail?.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
    expect(mail?.to).toEqual(["ana@contoso.example"]);
  });
});

describe("notifications across a crash and a partner's reply", () => {
  it("sends a confirmation written before the server stopped, from a freshly opened database", async () => {
    const server = await smtp();
    const { app, url, clock } = await testApp();
    const filed = await readJson(await postJson(app, "/api/v1/requests", validRequest));
    // The process dies before its worker ran; a new process opens the same file.
    const reopened = openDatabase(url);
    const worker = workerTo(server.port, reopened.db, clock);
    expect(await worker.runOnce()).toBe(1);
    await worker.stop();
    await reopened.close();
    expect(server.received.map((m) => m.subject)).toEqual([
      `[${filed.number}] We received your request: ${validRequest.subject}`,
    ]);
  });

  it("mails the partner's public reply word for word and stops the first-response clock", async () => {
    const server = await smtp();
    const test = await testApp();
    const filed = await readJson(
      await postJson(test.app, "/api/v1/requests", { ...validRequest, locale: "it" }),
    );
    const row = await getRequestByNumber(test.db, filed.number);
    if (!row) throw new Error("not stored");
    await replyAsPartner(
      { db: test.db, clock: test.clock, config: test.config, files: test.files },
      row,
      { body: "Provi a disconnettere e riconnettere l'account.", actor: "agent" },
    );
    const worker = workerTo(server.port, test.db, test.clock);
    expect(await worker.runOnce()).toBe(2);
    await worker.stop();
    const reply = server.received.find((m) => m.subject.includes("Nuova risposta"));
    expect(reply?.text).toContain("Provi a disconnettere e riconnettere l'account.");
    expect((await getRequestByNumber(test.db, filed.number))?.firstResponseAt).toEqual(
      test.clock.now(),
    );
  });
});

describe("retry back-off", () => {
  it("doubles from the base delay and stops growing at the cap", () => {
    expect([0, 1, 2, 3, 10].map((n) => retryDelay(n, 5_000, 60_000))).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000,
    ]);
  });
});
