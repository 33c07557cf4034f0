import { existsSync, readFileSync } from "node:fs";
import { listOutbox } from "@frontline/db";
import { afterEach, describe, expect, it } from "vitest";
import {
  csrfFrom,
  signedInBrowser,
  submitSignIn,
  TEST_PASSWORD,
  TestBrowser,
} from "../../test/browser.ts";
import { smtpTransport, startSmtpServer, type TestSmtpServer } from "../../test/smtp.ts";
import { readJson, testApp, validRequest } from "../../test/test-app.ts";
import { startOutboxWorker } from "./outbox-worker.ts";

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Every byte SQLite keeps on disk for this database: the file and its write-ahead log. */
function bytesAtRest(databasePath: string): string {
  return [databasePath, `${databasePath}-wal`]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString("latin1"))
    .join("\n");
}

describe("secrets at rest", () => {
  it("are nowhere in the database files after a full journey: no token, password or one-time password", async () => {
    const test = await testApp();
    const secrets = new Map<string, string>([["the staff password", TEST_PASSWORD]]);
    const json = { "Content-Type": "application/json" };

    // A customer files (with a retry of the same submit), follows and answers.
    const file = () =>
      test.app.request("/api/v1/requests", {
        method: "POST",
        headers: { ...json, "Idempotency-Key": "journey-submit-0001" },
        body: JSON.stringify(validRequest),
      });
    const filed = await readJson(await file());
    const replayed = await readJson(await file());
    secrets.set("the first tracking token", filed.trackingToken);
    secrets.set("the replayed tracking token", replayed.trackingToken);
    const customer = { ...json, "X-Tracking-Token": replayed.trackingToken };
    expect(
      (await test.app.request(`/api/v1/requests/${filed.number}`, { headers: customer })).status,
    ).toBe(200);
    const reply = await test.app.request(`/api/v1/requests/${filed.number}/replies`, {
      method: "POST",
      headers: customer,
      body: JSON.stringify({ body: "The error started after the update." }),
    });
    expect(reply.status).toBe(201);

    // An admin adds an agent and resets their password; the agent signs in and picks their own.
    const admin = await signedInBrowser(test.app, test.db, "admin");
    const staffApi = { ...json, "X-CSRF-Token": admin.csrf };
    const created = await readJson(
      await admin.browser.request("/api/v1/users", {
        method: "POST",
        headers: staffApi,
        body: JSON.stringify({ email: "ana@partner.example", name: "Ana Agent", role: "agent" }),
      }),
    );
    secrets.set("the first one-time password", created.oneTimePassword);
    const reset = await readJson(
      await admin.browser.request(`/api/v1/users/${created.user.id}/password-reset`, {
        method: "POST",
        headers: staffApi,
      }),
    );
    secrets.set("the reset one-time password", reset.oneTimePassword);
    const agent = new TestBrowser(test.app);
    expect((await submitSignIn(agent, "ana@partner.example", reset.oneTimePassword)).status).toBe(
      303,
    );
    const chosen = "ana picks a long passphrase of her own";
    secrets.set("the agent's own password", chosen);
    const changed = await agent.post("/admin/password", {
      _csrf: csrfFrom(await (await agent.get("/admin/password")).text()),
      current: reset.oneTimePassword,
      password: chosen,
      confirm: chosen,
      next: "",
    });
    expect(changed.status).toBe(303);
    const csrf = csrfFrom(await (await agent.get("/admin/password")).text());
    const token = await readJson(
      await agent.request("/api/v1/tokens", {
        method: "POST",
        headers: { ...json, "X-CSRF-Token": csrf },
        body: JSON.stringify({ name: "script" }),
      }),
    );
    secrets.set("the API token", token.token);
    for (const [who, cookies] of [
      ["admin", admin.browser.cookies],
      ["agent", agent.cookies],
    ] as const) {
      for (const [name, cookie] of cookies)
        secrets.set(`the ${who}'s ${name} cookie`, cookie.value);
    }

    // The confirmation (with the private tracking link) is sent.
    const smtp = await startSmtpServer();
    servers.push(smtp);
    const worker = startOutboxWorker({
      db: test.db,
      transport: smtpTransport(smtp.port),
      from: "support@partner.example",
      clock: test.clock,
      pollMs: 60_000,
    });
    await worker.runOnce();
    await worker.stop();
    expect(smtp.received.map((mail) => mail.text).join()).toContain(filed.trackingToken);
    expect((await listOutbox(test.db)).every((mail) => mail.status === "sent")).toBe(true);

    const disk = bytesAtRest(test.url);
    const found = [...secrets]
      .filter(([, value]) => value && disk.includes(value))
      .map(([name]) => name);
    expect(found).toEqual([]);
    expect(secrets.size).toBeGreaterThanOrEqual(9);
  });
});
