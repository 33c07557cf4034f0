import { randomBytes } from "node:crypto";
import { startTestPostgres, type TestPostgres, urlOfDatabase } from "@frontline/db/test-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { burstFiling } from "./filings.ts";
import { startServerProcess } from "./server-process.ts";

let postgres: TestPostgres;
/** What an operator sets once for all instances. */
const ACCESS_LINK_SECRET = "postgres-test-access-link-secret-0123456789";
beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(() => postgres.stop());

/** Runs one statement as the test server's administrator. */
async function asAdmin(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** An empty database of its own on the test's PostgreSQL. */
async function emptyDatabase(): Promise<string> {
  const name = `frontline_e2e_${randomBytes(4).toString("hex")}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  return urlOfDatabase(postgres.adminUrl, name);
}

const send = (origin: string, path: string, body?: unknown) =>
  fetch(new URL(path, origin), {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("the server on PostgreSQL", () => {
  it("serves filing and tracking from the database DATABASE_URL names, migrating it first", async () => {
    const url = await emptyDatabase();
    const server = await startServerProcess({ DATABASE_URL: url, ACCESS_LINK_SECRET });
    try {
      const filed = await send(server.url, "/api/v1/requests", burstFiling(1));
      expect(filed.status).toBe(201);
      const { number, trackingToken } = (await filed.json()) as {
        number: string;
        trackingToken: string;
      };
      expect(number).toMatch(/^SR-\d{4}-000001$/);
      const tracked = await fetch(new URL(`/api/v1/requests/${number}`, server.url), {
        headers: { "X-Tracking-Token": trackingToken },
      });
      expect(tracked.status).toBe(200);
      expect((await send(server.url, "/healthz")).status).toBe(200);
      // The log names the database, never its password.
      const { username, password } = new URL(url);
      expect(server.output()).toContain(`database: postgres://${username}:***@`);
      expect(server.output()).not.toContain(`:${password}@`);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("answers 503 problem+json while its database is away, and serves again once it is back, losing no acknowledged filing", async () => {
    const url = await emptyDatabase();
    const name = new URL(url).pathname.slice(1);
    const server = await startServerProcess({ DATABASE_URL: url, ACCESS_LINK_SECRET });
    try {
      const before = await send(server.url, "/api/v1/requests", burstFiling(1));
      expect(before.status).toBe(201);
      const { number, trackingToken } = (await before.json()) as Record<string, string>;

      // The database goes away: no new connections, and the open ones are cut.
      await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await asAdmin(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
      );
      const during = await send(server.url, "/api/v1/requests", burstFiling(2));
      expect(during.status).toBe(503);
      expect(during.headers.get("Content-Type")).toBe("application/problem+json");
      expect(during.headers.get("Retry-After")).toBe("5");
      expect(await during.json()).toMatchObject({
        status: 503,
        title: "The desk cannot reach its database",
      });
      expect((await send(server.url, "/healthz")).status).toBe(503);

      await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await expect.poll(async () => (await send(server.url, "/healthz")).status).toBe(200);
      expect((await send(server.url, "/api/v1/requests", burstFiling(3))).status).toBe(201);
      const tracked = await fetch(new URL(`/api/v1/requests/${number}`, server.url), {
        headers: { "X-Tracking-Token": trackingToken ?? "" },
      });
      expect(tracked.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("stops at start-up with one line naming DATABASE_URL when PostgreSQL cannot be reached", async () => {
    const unreachable = "postgres://frontline:s3cret@127.0.0.1:1/frontline";
    const failure = await startServerProcess({
      DATABASE_URL: unreachable,
      ACCESS_LINK_SECRET,
    }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain(
      "DATABASE_URL: cannot open postgres://frontline:***@127.0.0.1:1/frontline",
    );
    expect(failure).toContain("ECONNREFUSED");
    expect(failure).not.toContain("s3cret");
    // A clear line, not a stack trace.
    expect(failure).not.toMatch(/^\s+at /m);
  });

  it("stops at start-up with one line naming ACCESS_LINK_SECRET when instances could not share it", async () => {
    const failure = await startServerProcess({ DATABASE_URL: postgres.adminUrl }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain("ACCESS_LINK_SECRET: must be set on PostgreSQL");
    expect(failure).not.toMatch(/^\s+at /m);
  });
});
