import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  countRateLimitHit,
  forgetEndedRateLimits,
  resetRateLimit,
  tableRowCounts,
  uncountRateLimitHit,
} from "../src/index.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const now = new Date("2026-12-02T09:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const hit = (key: string, at = now) => countRateLimitHit(database.db, key, 60_000, at);

describe("shared rate-limit counts, on either engine", () => {
  it("count hits per key within a window, and start again when it has ended", async () => {
    expect(await hit("submit:203.0.113.7")).toEqual({ hits: 1, resetAt: later(60_000) });
    expect((await hit("submit:203.0.113.7", later(10_000))).hits).toBe(2);
    expect((await hit("submit:198.51.100.4", later(10_000))).hits).toBe(1);
    expect(await hit("submit:203.0.113.7", later(60_000))).toEqual({
      hits: 1,
      resetAt: later(120_000),
    });
  });

  it("lose no hit when many arrive at once, as from several servers", async () => {
    const counts = await Promise.all(Array.from({ length: 40 }, () => hit("public:everyone")));
    expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it("take a hit back, never below zero, and forget windows that have ended", async () => {
    await hit("lookup:203.0.113.7");
    await uncountRateLimitHit(database.db, "lookup:203.0.113.7");
    await uncountRateLimitHit(database.db, "lookup:203.0.113.7");
    expect((await hit("lookup:203.0.113.7", later(1_000))).hits).toBe(1);
    await forgetEndedRateLimits(database.db, later(120_000));
    expect((await tableRowCounts(database.db)).rate_limit_hits).toBe(0);
  });

  it("start a key again from nothing when reset, and sweep only one limit's ended windows when asked", async () => {
    for (let i = 0; i < 3; i++) await hit("submit:203.0.113.7");
    await resetRateLimit(database.db, "submit:203.0.113.7");
    expect((await hit("submit:203.0.113.7")).hits).toBe(1);
    await hit("lookup:203.0.113.7");
    await forgetEndedRateLimits(database.db, later(120_000), "lookup:");
    expect((await tableRowCounts(database.db)).rate_limit_hits).toBe(1);
  });
});
