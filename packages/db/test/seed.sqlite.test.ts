import { categoryIds, defaultServices, severityIds, slaSchedule, statuses } from "@frontline/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appendEvent,
  createRequest,
  DatabaseNotEmptyError,
  getRequestByNumber,
  listQueue,
  refreshAllSla,
  seedDatabase,
} from "../src/index.ts";
import { sqliteOf } from "../src/sqlite/connection.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

const now = new Date("2026-11-21T09:30:00Z");
let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const all = <T>(sql: string, ...args: unknown[]) =>
  sqliteOf(database.db)
    .prepare(sql)
    .all(...args) as T[];
const one = <T>(sql: string, ...args: unknown[]) =>
  sqliteOf(database.db)
    .prepare(sql)
    .get(...args) as T;

describe("seeding a database", () => {
  it("spreads requests over 90 days with every status, severity, category and service", async () => {
    const summary = await seedDatabase(database.db, { requests: 2_000, now });
    expect(summary).toMatchObject({ requests: 2_000, customers: 20, staff: 9, incidents: 8 });
    const distinct = (column: string) =>
      all<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM requests ORDER BY 1`).map((r) => r.v);
    expect(distinct("status")).toEqual([...statuses].sort());
    expect(distinct("severity")).toEqual([...severityIds].sort());
    expect(distinct("category")).toEqual([...categoryIds].sort());
    expect(distinct("service")).toEqual(defaultServices.map((s) => s.id).sort());
    const span = one<{ first: number; last: number }>(
      "SELECT min(created_at) AS first, max(created_at) AS last FROM requests",
    );
    expect(now.getTime() - span.first).toBeLessThanOrEqual(90 * 86_400_000);
    expect(now.getTime() - span.first).toBeGreaterThan(85 * 86_400_000);
    expect(span.last).toBeLessThanOrEqual(now.getTime());
  });

  it("gives each request one to six timeline entries, none in the future", async () => {
    await seedDatabase(database.db, { requests: 1_000, now });
    const sizes = all<{ n: number }>(
      "SELECT count(*) AS n FROM request_events GROUP BY request_id",
    ).map((r) => r.n);
    expect(sizes).toHaveLength(1_000);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(6);
    expect(
      one<{ n: number }>(
        "SELECT count(*) AS n FROM request_events WHERE created_at > ?",
        now.getTime(),
      ).n,
    ).toBe(0);
    const types = all<{ type: string }>("SELECT DISTINCT type FROM request_events").map(
      (r) => r.type,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        "created",
        "reply",
        "customer-message",
        "internal-note",
        "assignment",
        "status-change",
        "escalation",
      ]),
    );
  });

  it("matches customers with subscriptions, leaves some organisations unknown, assigns some", async () => {
    await seedDatabase(database.db, { requests: 1_000, now, customers: 50 });
    const counts = one<{
      customers: number;
      subscribed: number;
      unknown: number;
      assigned: number;
    }>(
      `SELECT (SELECT count(*) FROM customers) AS customers,
              (SELECT count(DISTINCT customer_id) FROM subscriptions) AS subscribed,
              (SELECT count(*) FROM requests WHERE customer_id IS NULL) AS unknown,
              (SELECT count(*) FROM requests WHERE assignee_id IS NOT NULL) AS assigned`,
    );
    expect(counts.customers).toBe(50);
    expect(counts.subscribed).toBe(50);
    expect(counts.unknown).toBeGreaterThan(10);
    expect(counts.unknown).toBeLessThan(150);
    expect(counts.assigned).toBeGreaterThan(300);
  });

  it("fills the search index and the SLA columns, with some requests breached", async () => {
    await seedDatabase(database.db, { requests: 1_000, now });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM request_search").n).toBe(1_000);
    const stored = all<{ id: number; due: number | null }>(
      "SELECT id, sla_due_at AS due FROM requests ORDER BY id",
    );
    refreshAllSla(sqliteOf(database.db));
    const recomputed = all<{ id: number; due: number | null }>(
      "SELECT id, sla_due_at AS due FROM requests ORDER BY id",
    );
    expect(recomputed).toEqual(stored);
    const breached = await listQueue(
      database.db,
      { sla: "breached" },
      { sort: "sla", order: "asc", limit: 5, now },
    );
    expect(breached.items.length).toBe(5);
    // A running clock is due at filing plus the first-response target when nobody answered yet.
    const fresh = one<{ created: number; severity: "A" | "B" | "C"; due: number }>(
      "SELECT created_at AS created, severity, sla_due_at AS due FROM requests WHERE status = 'new' AND first_response_at IS NULL LIMIT 1",
    );
    const expected = slaSchedule({
      severity: fresh.severity,
      status: "new",
      createdAt: new Date(fresh.created),
      statusHistory: [],
      firstResponseAt: null,
    });
    expect(fresh.due).toBe(expected.dueAt?.getTime());
  });

  it("is the same for the same seed number", async () => {
    await seedDatabase(database.db, { requests: 300, now, seed: 7 });
    const first = all("SELECT number, subject, status, severity FROM requests ORDER BY id");
    const other = await tempDatabase();
    try {
      await seedDatabase(other.db, { requests: 300, now, seed: 7 });
      expect(
        sqliteOf(other.db)
          .prepare("SELECT number, subject, status, severity FROM requests ORDER BY id")
          .all(),
      ).toEqual(first);
    } finally {
      await other.cleanup();
    }
  });

  it("refuses a database that already has requests, unless forced, and then adds to them", async () => {
    await seedDatabase(database.db, { requests: 200, now });
    await expect(seedDatabase(database.db, { requests: 10, now })).rejects.toBeInstanceOf(
      DatabaseNotEmptyError,
    );
    await seedDatabase(database.db, { requests: 200, now, force: true });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM requests").n).toBe(400);
    expect(one<{ n: number }>("SELECT count(DISTINCT tenant_domain) AS n FROM customers").n).toBe(
      10,
    );
  });

  it("leaves the numbering so the next real request gets a fresh number", async () => {
    await seedDatabase(database.db, { requests: 200, now });
    const last = one<{ number: string }>(
      "SELECT number FROM requests ORDER BY created_at DESC, id DESC LIMIT 1",
    );
    const filed = await createRequest(database.db, {
      input: {
        locale: "en",
        category: "billing",
        service: "mail",
        severity: "C",
        subject: "A real request after the seed",
        description: "Filed after the seed ran, so it must not reuse a number.",
        organisation: "Real Org",
        name: "Real Person",
        email: "real@example.cn",
        suggestedArticles: [],
        openedArticles: [],
      },
      trackingTokenHash: "x".repeat(64),
      now,
    });
    expect(filed.number > last.number).toBe(true);
    expect(await getRequestByNumber(database.db, filed.number)).not.toBeNull();
    // The search triggers the seed set aside are back at work.
    await appendEvent(database.db, {
      requestId: filed.id,
      type: "internal-note",
      actor: "agent",
      at: now,
      body: "Zanzibarian licence key",
    });
    const found = all<{ rowid: number }>(
      "SELECT rowid FROM request_search WHERE request_search MATCH 'zanzibarian'",
    );
    expect(found).toEqual([{ rowid: filed.id }]);
  });
});
