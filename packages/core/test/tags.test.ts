import { describe, expect, it } from "vitest";
import { applyTagChange, splitTags, tagChangeSchema, tagSchema } from "../src/index.ts";

describe("tags", () => {
  it("are one word in any script, compared in lower case", () => {
    expect(["VIP", "迁移", "mfa_reset", "Über-Kunde"].map((t) => tagSchema.parse(t))).toEqual([
      "vip",
      "迁移",
      "mfa_reset",
      "über-kunde",
    ]);
    expect(tagSchema.safeParse("two words").error?.issues[0]?.message).toBe(
      "A tag is one word of letters, digits, - or _, at most 40 characters.",
    );
  });

  it("are split as typed in one box, by commas, spaces or Chinese commas", () => {
    expect(splitTags("vip, migration  迁移，账单")).toEqual(["vip", "migration", "迁移", "账单"]);
  });

  it("are added and removed in one change, refused past twenty on a request", () => {
    expect(applyTagChange(["vip"], tagChangeSchema.parse({ add: ["a"], remove: ["vip"] }))).toEqual(
      ["a"],
    );
    const many = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(applyTagChange(many, { add: ["one-more"], remove: [] })).toBeNull();
  });
});
