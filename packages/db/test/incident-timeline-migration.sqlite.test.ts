import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { migrationsFolder } from "../src/index.ts";
import { type TestDatabase, tempSqliteDatabase } from "./temp-db.ts";

let database: TestDatabase & { dir: string };
afterEach(() => database.cleanup());

describe("upgrading to incident timelines", () => {
  it("gives every existing incident one update from its current stage and message", async () => {
    database = await tempSqliteDatabase();
    // The migrations as they were before timelines.
    const older = join(database.dir, "older-migrations");
    cpSync(migrationsFolder, older, { recursive: true });
    const journalPath = join(older, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    const before = journal.entries.findIndex((e: { tag: string }) =>
      e.tag.endsWith("_incident_timeline"),
    );
    journal.entries = journal.entries.slice(0, before);
    writeFileSync(journalPath, JSON.stringify(journal));
    const sqlite = new Database(join(database.dir, "upgrade.db"));
    migrate(drizzle({ client: sqlite }), { migrationsFolder: older });
    sqlite
      .prepare(
        "INSERT INTO service_incidents (service, impact, status, message, started_at, updated_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        "mail",
        "outage",
        "monitoring",
        JSON.stringify({ en: "A fix is rolling out." }),
        1000,
        2000,
        null,
      );

    migrate(drizzle({ client: sqlite }), { migrationsFolder });
    const updates = sqlite
      .prepare("SELECT incident_id, stage, message, created_at FROM incident_updates")
      .all();
    sqlite.close();
    expect(updates).toEqual([
      {
        incident_id: 1,
        stage: "monitoring",
        message: '{"en":"A fix is rolling out."}',
        created_at: 2000,
      },
    ]);
  });
});
