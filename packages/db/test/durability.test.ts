import { afterEach, describe, expect, it } from "vitest";
import { sqliteOf } from "../src/connection.ts";
import { tempDatabase } from "./temp-db.ts";

const opened: ReturnType<typeof tempDatabase>[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.cleanup();
});

describe("the database file", () => {
  it("syncs every commit to disk (synchronous=FULL in WAL mode), so an acknowledged write survives a power cut", () => {
    const database = tempDatabase();
    opened.push(database);
    const client = sqliteOf(database.db);
    expect(client.pragma("journal_mode", { simple: true })).toBe("wal");
    // 2 is FULL; NORMAL (1) may lose the last commits when the machine loses power.
    expect(client.pragma("synchronous", { simple: true })).toBe(2);
    expect(client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("zeroes what is deleted or overwritten (secure_delete), so purged secrets do not linger in free space", () => {
    const database = tempDatabase();
    opened.push(database);
    expect(sqliteOf(database.db).pragma("secure_delete", { simple: true })).toBe(1);
  });
});
