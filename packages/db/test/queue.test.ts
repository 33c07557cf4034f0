import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultPartnerPolicy, type SupportRequestInput } from "@frontline/core";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteOf } from "../src/connection.ts";
import {
  applySlaPolicy,
  changeStatus,
  countQueueByStatus,
  createRequest,
  ftsMatchExpression,
  getRequestByNumber,
  listQueue,
  markFirstResponse,
  openDatabase,
  seedDatabase,
} from "../src/index.ts";
import { tempDatabase } from "./temp-db.ts";

const input: SupportRequestInput = {
  locale: "en",
  category: "connectivity",
  service: "mail",
  severity: "A",
  subject: "Outlook cannot connect",
  description: "Since this morning Outlook shows a connection error on every desktop.",
  organisation: "contoso.partner.cn",
  name: "Li Wei",
  email: "li.wei@contoso.cn",
  suggestedArticles: [],
  openedArticles: [],
};
const at = (iso: string) => new Date(iso);

let database: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  database = tempDatabase();
});
afterEach(() => database.cleanup());

const file = (iso: string, fields: Partial<SupportRequestInput> = {}) =>
  createRequest(database.db, {
    input: { ...input, ...fields },
    trackingTokenHash: "h".repeat(64),
    now: at(iso),
  });

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

describe("the kept counts per status", () => {
  it("agree with counting the rows, through filing, moves and a bulk seed", async () => {
    const counted = () =>
      Object.fromEntries(
        (
          sqliteOf(database.db)
            .prepare("SELECT status, count(*) AS n FROM requests GROUP BY status")
            .all() as { status: string; n: number }[]
        ).map((r) => [r.status, r.n]),
      );
    const now = at("2026-11-21T09:30:00Z");
    const first = await file("2026-11-21T08:00:00Z");
    await file("2026-11-21T08:10:00Z");
    await changeStatus(database.db, {
      requestId: first.id,
      from: "new",
      to: "open",
      actor: "agent",
      at: now,
    });
    expect(await countQueueByStatus(database.db, {}, now)).toEqual({ new: 1, open: 1 });
    await seedDatabase(database.db, { requests: 500, now, force: true });
    expect(await countQueueByStatus(database.db, { statuses: ["closed"] }, now)).toEqual(counted());
  });
});

describe("the search index", () => {
  it("is rebuilt with one row per request, keyed by its id, from what a database already held", () => {
    // A database as it was before the per-request index: migrations up to 0005.
    const here = fileURLToPath(new URL("../drizzle", import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), "frontline-migrate-"));
    try {
      const old = join(dir, "drizzle");
      cpSync(here, old, { recursive: true });
      const journalPath = join(old, "meta", "_journal.json");
      const journal = JSON.parse(readFileSync(journalPath, "utf8"));
      journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 5);
      writeFileSync(journalPath, JSON.stringify(journal));
      const path = join(dir, "old.db");
      const sqlite = new Database(path);
      migrate(drizzle({ client: sqlite }), { migrationsFolder: old });
      sqlite
        .prepare(
          `INSERT INTO requests (number, locale, category, service, severity, subject, description, organisation,
             contact_name, contact_email, tracking_token_hash, created_at, updated_at)
           VALUES ('SR-2026-000001', 'en', 'billing', 'mail', 'C', 'Invoice question', 'The invoice looks odd.',
             'Org', 'Name', 'n@example.cn', 'h', 1, 1)`,
        )
        .run();
      sqlite
        .prepare(
          "INSERT INTO request_events (request_id, type, actor, visibility, body, created_at) VALUES (1, 'internal-note', 'agent', 'internal', 'Wombat billing code', 2)",
        )
        .run();
      sqlite.close();

      const upgraded = openDatabase(path);
      const rows = sqliteOf(upgraded.db).prepare("SELECT rowid, content FROM request_search").all();
      expect(rows).toEqual([
        { rowid: 1, content: "Invoice question The invoice looks odd.\nWombat billing code" },
      ]);
      upgraded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the SQLite form of a queue search", () => {
  it("makes each term a quoted phrase, a prefix where the term is one, so no input is an FTS5 syntax error", () => {
    expect(
      ftsMatchExpression([
        { word: "outlook", prefix: true },
        { word: "ok", prefix: false },
        { word: 'say"or', prefix: true },
      ]),
    ).toBe('"outlook"* "ok" "sayor"*');
  });
});
