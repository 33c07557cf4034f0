import { afterEach, describe, expect, it } from "vitest";
import {
  CopyRefusedError,
  copyDatabase,
  countQueueByStatus,
  createRequest,
  listQueue,
  seedDatabase,
  tableRowCounts,
} from "../src/index.ts";
import { type TestDatabase, tempDatabase, tempSqliteDatabase } from "./temp-db.ts";

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.cleanup();
});
const open = async (made: Promise<TestDatabase>) => {
  const database = await made;
  opened.push(database);
  return database;
};

const now = new Date("2026-12-02T09:00:00Z");
const firstPage = async (db: TestDatabase["db"]) =>
  (await listQueue(db, {}, { sort: "created", order: "desc", limit: 20, now })).items.map(
    (item) => item.number,
  );

describe("copying a SQLite installation into PostgreSQL", () => {
  it("copies every row of every table, batch after batch, and the queue reads the same on both", async () => {
    const sqlite = await open(tempSqliteDatabase());
    await seedDatabase(sqlite.db, { requests: 400, now });
    const postgres = await open(tempDatabase());
    // Batches of 37 rows: every table of more than 37 rows is read in several.
    const copied = await copyDatabase(sqlite.db, postgres.db, { readBatch: 37 });

    const before = await tableRowCounts(sqlite.db);
    for (const { table, rows } of copied) expect(rows, table).toBe(before[table]);
    const after = await tableRowCounts(postgres.db);
    for (const { table, rows } of copied) expect(after[table], table).toBe(rows);
    expect(copied.find((t) => t.table === "requests")?.rows).toBe(400);

    expect(await firstPage(postgres.db)).toEqual(await firstPage(sqlite.db));
    expect(await countQueueByStatus(postgres.db, {}, now)).toEqual(
      await countQueueByStatus(sqlite.db, {}, now),
    );
  });

  it("goes on numbering, identifying and counting from where the copy ended", async () => {
    const sqlite = await open(tempSqliteDatabase());
    await seedDatabase(sqlite.db, { requests: 30, now });
    const postgres = await open(tempDatabase());
    await copyDatabase(sqlite.db, postgres.db);
    const counted = await countQueueByStatus(postgres.db, {}, now);
    const highest = Math.max(
      ...(
        await listQueue(postgres.db, {}, { sort: "created", order: "desc", limit: 100, now })
      ).items.map((i) => i.id),
    );
    const filed = await createRequest(postgres.db, {
      input: {
        locale: "en",
        category: "billing",
        service: "mail",
        severity: "C",
        subject: "After the move",
        description: "Filed on PostgreSQL.",
        organisation: "contoso.example",
        name: "Li Wei",
        email: "li.wei@contoso.example",
        suggestedArticles: [],
        openedArticles: [],
      },
      trackingTokenHash: "h".repeat(64),
      now: new Date(),
    });
    expect(filed.id).toBeGreaterThan(highest);
    // The per-status counts, recounted at the end of the copy, are kept again from then on.
    expect(await countQueueByStatus(postgres.db, {}, now)).toEqual({
      ...counted,
      new: (counted.new ?? 0) + 1,
    });
  });

  it("refuses a target that already has data, and leaves it as it was", async () => {
    const sqlite = await open(tempSqliteDatabase());
    await seedDatabase(sqlite.db, { requests: 10, now });
    const postgres = await open(tempDatabase());
    await copyDatabase(sqlite.db, postgres.db);
    const counts = await tableRowCounts(postgres.db);
    await expect(copyDatabase(sqlite.db, postgres.db)).rejects.toThrow(CopyRefusedError);
    expect(await tableRowCounts(postgres.db)).toEqual(counts);
  });
});
