import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getRequestByNumber, tableRowCounts, writeMark } from "../src/index.ts";
import { fileAt } from "./fixtures.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

describe("the write mark tests use to prove nothing was written", () => {
  it("stays while the database is only read, and moves when a request is filed", async () => {
    const { db } = database;
    const empty = await writeMark(db);
    await tableRowCounts(db);
    await getRequestByNumber(db, "SR-2026-000001");
    expect(await writeMark(db)).toBe(empty);
    const filed = await fileAt(db, "2026-11-21T10:00:00Z");
    const afterFiling = await writeMark(db);
    expect(afterFiling).not.toBe(empty);
    await getRequestByNumber(db, filed.number);
    expect(await writeMark(db)).toBe(afterFiling);
  });
});
