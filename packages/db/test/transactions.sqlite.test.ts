import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordDeflection, schema, withTransaction } from "../src/index.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const now = new Date("2026-12-02T09:00:00Z");
const deflection = (query: string) => ({
  locale: "en" as const,
  query,
  article: "reset-password",
  suggestedArticles: [],
});
const queries = async () =>
  (await database.db.select().from(schema.deflections)).map((row) => row.query).sort();

/** A transaction that writes, then waits (as a use case awaiting its next statement would). */
async function slowTransaction(query: string, outcome: "commit" | "fail", pause = 50) {
  return withTransaction(database.db, async (tx) => {
    await tx.insert(schema.deflections).values({ ...deflection(query), createdAt: now });
    await sleep(pause);
    if (outcome === "fail") throw new Error("the change was refused");
  });
}

describe("transactions on the shared connection", () => {
  it("keep another request's write out of a transaction that then rolls back", async () => {
    const failing = slowTransaction("inside", "fail");
    await sleep(10);
    // Issued while the transaction is open and waiting between its statements.
    await recordDeflection(database.db, deflection("outside"), now);
    await expect(failing).rejects.toThrow("the change was refused");
    expect(await queries()).toEqual(["outside"]);
  });

  it("make a read issued during a transaction wait for its commit, never seeing half of it", async () => {
    const committing = withTransaction(database.db, async (tx) => {
      await tx.insert(schema.deflections).values({ ...deflection("first"), createdAt: now });
      await sleep(50);
      await tx.insert(schema.deflections).values({ ...deflection("second"), createdAt: now });
    });
    await sleep(10);
    const seenMeanwhile = await queries();
    await committing;
    expect(seenMeanwhile).toEqual(["first", "second"]);
  });

  it("run one after another when several begin at once, each committing its own rows", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => slowTransaction(`t${i}`, i % 2 ? "fail" : "commit", 5)),
    ).catch(() => {});
    // Let the failing ones settle too.
    await sleep(100);
    expect(await queries()).toEqual(["t0", "t2", "t4", "t6"]);
  });

  it("join the open transaction when a use case inside it starts another", async () => {
    await expect(
      withTransaction(database.db, async (outer) => {
        await outer.insert(schema.deflections).values({ ...deflection("outer"), createdAt: now });
        await withTransaction(outer, async (inner) => {
          await inner.insert(schema.deflections).values({ ...deflection("inner"), createdAt: now });
        });
        throw new Error("the outer change failed");
      }),
    ).rejects.toThrow("the outer change failed");
    // Both belonged to the one transaction, so both are gone.
    expect(await queries()).toEqual([]);
  });
});
