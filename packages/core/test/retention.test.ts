import { describe, expect, it } from "vitest";
import { keepEverything, retentionCutoff, retentionPolicySchema } from "../src/index.ts";

describe("the retention policy", () => {
  it("keeps every request until an admin sets a number of days", () => {
    expect(retentionCutoff(keepEverything, new Date("2026-12-02T10:00:00Z"))).toBeNull();
  });

  it("deletes what was closed and untouched for longer than the days it sets", () => {
    expect(
      retentionCutoff({ closedRequestDays: 365 }, new Date("2026-12-02T10:00:00Z"))?.toISOString(),
    ).toBe("2025-12-02T10:00:00.000Z");
  });

  it("refuses less than a month, more than ten years and parts of a day, saying why", () => {
    const messages = [29, 3651, 90.5].map(
      (days) =>
        retentionPolicySchema.safeParse({ closedRequestDays: days }).error?.issues[0]?.message,
    );
    expect(messages).toEqual([
      "must be at least 30 days",
      "must be at most 3650 days (ten years)",
      "must be a whole number of days",
    ]);
  });
});
