import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SupportRequestInput } from "@frontline/core";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  changeStatus,
  countQueueByStatus,
  ftsMatchExpression,
  openDatabase,
  seedDatabase,
} from "../src/index.ts";
import { sqliteOf } from "../src/sqlite/connection.ts";
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
      // The text, then each message, then (migration 0017) who filed it, findable by number and name.
      expect(rows).toEqual([
        {
          rowid: 1,
          content:
            "Invoice question The invoice looks odd.\nWombat billing code\nSR-2026-000001 Org Name n@example.cn",
        },
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
