import { randomBytes } from "node:crypto";
import { type ReceivedMail, startSmtpServer } from "@frontline/admin-api/test-smtp";
import { createStaffUser, listOutbox, openDatabase } from "@frontline/db";
import { startTestPostgres, type TestPostgres, urlOfDatabase } from "@frontline/db/test-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../apps/admin-api/src/platform/passwords.ts";
import { STAFF_PASSWORD } from "./desk-fixtures.ts";
import { burstFiling } from "./filings.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

/**
 * Two server processes, each started as `npm start` starts one, on one
 * PostgreSQL, sending mail to one SMTP server; clients alternate between
 * them as behind a round-robin load balancer.
 */
const FILINGS = 1_000;

let postgres: TestPostgres;
let databaseUrl = "";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const received: ReceivedMail[] = [];
let servers: ServerProcess[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  const name = `frontline_scale_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databaseUrl = urlOfDatabase(postgres.adminUrl, name);
  smtp = await startSmtpServer(0, received);
  const env = {
    DATABASE_URL: databaseUrl,
    // One secret for both, so an access link mailed by one opens on the other.
    ACCESS_LINK_SECRET: "scale-out-test-access-link-secret-0123456789",
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    // Clients are told apart by X-Forwarded-For, as behind a load balancer.
    TRUST_PROXY: "1",
  };
  // Started together: the second must wait for the first's migrations, not race them.
  servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await smtp?.close();
  await postgres?.stop();
});

const origin = (i: number) => (servers[i % servers.length] as ServerProcess).url;

function file(i: number, body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL("/api/v1/requests", origin(i)), {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** A client address of its own per filing, so the per-client limit does not refuse the burst. */
const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function withDb<T>(work: (db: ReturnType<typeof openDatabase>["db"]) => Promise<T>) {
  const database = openDatabase(databaseUrl, { poolSize: 2 });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** Cookies as a browser keeps them, for one client across both instances. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  keep(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  async send(url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("Cookie", this.header());
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.keep(response);
    return response;
  }
}

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

describe("two instances on one PostgreSQL", () => {
  it(`give ${FILINGS.toLocaleString("en")} concurrent filings, alternating between them, ${FILINGS.toLocaleString("en")} different numbers`, async () => {
    const answers = await Promise.all(
      Array.from({ length: FILINGS }, (_, i) =>
        file(i, burstFiling(i), { "X-Forwarded-For": clientAddress(i) }).then(async (r) => ({
          status: r.status,
          number: ((await r.json()) as { number?: string }).number,
        })),
      ),
    );
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.number)).size).toBe(FILINGS);
  });

  it("replay an Idempotency-Key sent to one instance when it is sent again to the other", async () => {
    const key = randomBytes(16).toString("hex");
    const body = burstFiling(5_000, "idempotent@contoso.example");
    const headers = { "Idempotency-Key": key, "X-Forwarded-For": "192.0.2.10" };
    const first = await file(0, body, headers);
    const again = await file(1, body, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    const [a, b] = [await first.json(), await again.json()] as { number: string }[];
    expect(b?.number).toBe(a?.number);
  });

  it("count one client's filings against one limit, whichever instance answers", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const response = await file(i, burstFiling(6_000 + i), { "X-Forwarded-For": "192.0.2.77" });
      statuses.push(response.status);
    }
    // The limit is 10 filings in 10 minutes per client, for the installation, not per server.
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
  });

  it("send each confirmation mail exactly once between them", async () => {
    const outbox = await withDb((db) => listOutbox(db));
    await expect
      .poll(() => received.length, { timeout: 120_000, interval: 250 })
      .toBeGreaterThanOrEqual(outbox.length);
    // Give a second sending of any of them the chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(received).toHaveLength(outbox.length);
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(outbox.length);
    const after = await withDb((db) => listOutbox(db));
    expect(after.filter((mail) => mail.status !== "sent")).toEqual([]);
  });

  it("take a console session made on one instance as valid on the other, and show an incident posted on one on the other at once", async () => {
    await withDb(async (db) => {
      await createStaffUser(
        db,
        {
          email: "admin@partner.example",
          name: "Scale admin",
          role: "admin",
          passwordHash: await hashPassword(STAFF_PASSWORD),
          mustChangePassword: false,
        },
        new Date(),
      );
    });
    const browser = new CookieJar();
    const form = await browser.send(`${origin(0)}/admin/sign-in`);
    const signedIn = await browser.send(`${origin(0)}/admin/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        _csrf: csrfIn(await form.text()),
        email: "admin@partner.example",
        password: STAFF_PASSWORD,
      }),
    });
    expect(signedIn.status).toBe(303);
    const me = await browser.send(`${origin(1)}/api/v1/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: "admin@partner.example", via: "session" });

    // Posted through the first instance's API, with the session and its CSRF token.
    const page = await browser.send(`${origin(0)}/admin/incidents`);
    const posted = await browser.send(`${origin(0)}/api/v1/incidents`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfIn(await page.text()) },
      body: JSON.stringify({
        service: "mail",
        impact: "outage",
        status: "investigating",
        startedAt: new Date().toISOString(),
        message: { en: "Mail cannot be sent." },
      }),
    });
    expect(posted.status).toBe(201);
    for (const i of [1, 0]) {
      const health = await fetch(`${origin(i)}/api/v1/service-health`);
      expect(await health.json()).toMatchObject({
        incidents: [expect.objectContaining({ service: "mail", impact: "outage" })],
      });
    }
  });
});
