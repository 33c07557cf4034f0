import { copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SupportRequestInput } from "@frontline/core";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import {
  backupDatabase,
  createRequest,
  migrationsFolder,
  openDatabase,
  restoreDatabase,
  seedDatabase,
} from "../src/index.ts";
import { type TestDatabase, tempSqliteDatabase } from "./temp-db.ts";

const input: SupportRequestInput = {
  locale: "en",
  category: "billing",
  service: "partner-portal",
  severity: "C",
  subject: "Invoice shows the wrong seat count",
  description: "The November invoice lists 40 seats but we reduced to 25 in October.",
  organisation: "fabrikam.partner.cn",
  name: "Giulia Rossi",
  email: "giulia@fabrikam.cn",
  suggestedArticles: [],
  openedArticles: [],
};
const now = new Date("2026-11-21T10:00:00Z");

const opened: (TestDatabase & { dir: string })[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.cleanup();
});
async function temp() {
  const database = await tempSqliteDatabase();
  opened.push(database);
  return database;
}

/** Reads a closed file without leaving -wal or -shm files beside it. */
function query<T>(path: string, sql: string): T {
  const file = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return file.prepare(sql).get() as T;
  } finally {
    file.close();
  }
}
const count = (path: string, table: string) =>
  query<{ n: number }>(path, `SELECT count(*) AS n FROM ${table}`).n;

describe("backing up the database", () => {
  it("finishes with one consistent snapshot while another connection commits between its steps", async () => {
    const database = await temp();
    await seedDatabase(database.db, { requests: 3000, now });
    // Like the server: its own connection, committing whenever the event loop lets it.
    const server = openDatabase(database.path);
    let filed = 0;
    let writing = true;
    const fileOne = async () => {
      if (!writing) return;
      await createRequest(server.db, { input, trackingTokenHash: `h${filed}`, now });
      filed += 1;
      setImmediate(fileOne);
    };
    await fileOne();
    const filedBefore = filed;
    const target = join(database.dir, "backups", "frontline.db");
    const report = await backupDatabase(database.db, target).finally(() => {
      writing = false;
    });
    server.close();

    expect(filed).toBeGreaterThan(filedBefore);
    expect(report.restarts).toBeGreaterThanOrEqual(1);
    expect(
      query<{ integrity_check: string }>(target, "PRAGMA integrity_check").integrity_check,
    ).toBe("ok");
    const inBackup = count(target, "requests");
    expect(report.requests).toBe(inBackup);
    expect(inBackup).toBeGreaterThanOrEqual(3000 + filedBefore);
    expect(inBackup).toBeLessThanOrEqual(3000 + filed);
    // Whole transactions only: each request with its "created" event and its number handed out.
    expect(
      query<{ n: number }>(
        target,
        "SELECT count(*) AS n FROM request_events WHERE type = 'created'",
      ).n,
    ).toBe(inBackup);
    expect(query<{ n: number }>(target, "SELECT sum(last) AS n FROM request_sequences").n).toBe(
      inBackup,
    );
    // One self-contained file: no -wal or -shm, and no temporary file left.
    expect(readdirSync(join(database.dir, "backups"))).toEqual(["frontline.db"]);
  });
});

describe("restoring a backup", () => {
  it("applies the migrations written since an older version took it", async () => {
    const database = await temp();
    // The migrations as they were one version ago.
    const olderMigrations = join(database.dir, "older-migrations");
    cpSync(migrationsFolder, olderMigrations, { recursive: true });
    const journalPath = join(olderMigrations, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    journal.entries = journal.entries.slice(0, -1);
    writeFileSync(journalPath, JSON.stringify(journal));
    const olderPath = join(database.dir, "older.db");
    const older = new Database(olderPath);
    migrate(drizzle({ client: older }), { migrationsFolder: olderMigrations });
    older.close();

    const target = join(database.dir, "restored", "frontline.db");
    const report = await restoreDatabase(olderPath, target, now);
    expect(report).toMatchObject({
      previous: null,
      migrated: 1,
      migrations: journal.entries.length + 1,
    });
    const restored = new Database(target);
    const columns = (restored.pragma("table_info(api_tokens)") as { name: string }[]).map(
      (column) => column.name,
    );
    restored.close();
    expect(columns).toContain("scope");
  });

  it("refuses a backup that a newer version wrote, and changes nothing", async () => {
    const database = await temp();
    const backup = join(database.dir, "newer.db");
    await backupDatabase(database.db, backup);
    const newer = new Database(backup);
    newer
      .prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('later', ?)")
      .run(Date.now() + 365 * 86_400_000);
    newer.close();
    database.close();
    const before = readFileSync(database.path);
    await expect(restoreDatabase(backup, database.path, now)).rejects.toThrow(
      "was written by a newer version of Frontline",
    );
    expect(readFileSync(database.path).equals(before)).toBe(true);
    expect(readdirSync(join(database.dir, "nested"))).toEqual(["frontline.db"]);
  });

  it("replays none of a crashed server's WAL over the backup, and keeps its last commits in the previous copy", async () => {
    const database = await temp();
    const backup = join(database.dir, "backup.db");
    await backupDatabase(database.db, backup);
    // What kill -9 leaves: commits in the -wal that the database file does not have yet.
    await createRequest(database.db, { input, trackingTokenHash: "late", now });
    const crashed = join(database.dir, "crashed.db");
    copyFileSync(database.path, crashed);
    copyFileSync(`${database.path}-wal`, `${crashed}-wal`);
    copyFileSync(`${database.path}-shm`, `${crashed}-shm`);

    const report = await restoreDatabase(backup, crashed, now);
    expect(report.previous).toBe(`${crashed}.before-restore-2026-11-21T100000Z`);
    expect(readdirSync(database.dir).filter((name) => name.startsWith("crashed"))).toEqual([
      "crashed.db",
      "crashed.db.before-restore-2026-11-21T100000Z",
    ]);
    expect(count(crashed, "requests")).toBe(0);
    expect(count(report.previous ?? "", "requests")).toBe(1);
  });
});
