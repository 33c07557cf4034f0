import { afterEach, describe, expect, it } from "vitest";
import { sqliteOf } from "../src/sqlite/connection.ts";
import { type TestDatabase, tempSqliteDatabase } from "./temp-db.ts";

const opened: (TestDatabase & { dir: string })[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.cleanup();
});

describe("the database file", () => {
  it("syncs every commit to disk (synchronous=FULL in WAL mode), so an acknowledged write survives a power cut", async () => {
    const database = await tempSqliteDatabase();
    opened.push(database);
    const client = sqliteOf(database.db);
    expect(client.pragma("journal_mode", { simple: true })).toBe("wal");
    // 2 is FULL; NORMAL (1) may lose the last commits when the machine loses power.
    expect(client.pragma("synchronous", { simple: true })).toBe(2);
    expect(client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("zeroes what is deleted or overwritten (secure_delete), so purged secrets do not linger in free space", async () => {
    const database = await tempSqliteDatabase();
    opened.push(database);
    expect(sqliteOf(database.db).pragma("secure_delete", { simple: true })).toBe(1);
  });
});
