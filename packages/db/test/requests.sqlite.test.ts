import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRequest, getRequestByNumber, openDatabase } from "../src/index.ts";
import { sqliteOf } from "../src/sqlite/connection.ts";
import { italianRequest as input } from "./fixtures.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

const now = new Date("2026-11-21T10:00:00Z");

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

describe("opening the database", () => {
  it("creates the file and its folder, in WAL mode with foreign keys on", () => {
    expect(existsSync(database.path)).toBe(true);
    const raw = new Database(database.path);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
    const fk = sqliteOf(database.db).pragma("foreign_keys", { simple: true });
    expect(fk).toBe(1);
  });

  it("can be opened again without re-running migrations or losing data", async () => {
    const created = await createRequest(database.db, { input, trackingTokenHash: "h", now });
    database.close();
    const again = openDatabase(database.path);
    expect((await getRequestByNumber(again.db, created.number))?.subject).toBe(input.subject);
    again.close();
  });
});
