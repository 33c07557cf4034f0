import { describe, expect, it } from "vitest";
import { cannedReplySchema, fillCannedReply, unknownPlaceholders } from "../src/index.ts";

const context = {
  customerName: "Jürgen Weiß",
  requestNumber: "SR-2026-000042",
  requestSubject: "Outlook fragt nach dem Kennwort",
  articleUrl: (slug: string) => `https://help.example/de/articles/${slug}/`,
};

describe("canned replies", () => {
  it("fill the customer's name, the request and article links for the request at hand", () => {
    expect(
      fillCannedReply(
        "Guten Tag {customer.name},\nzu {request.number} ({request.subject}): {article:reset-your-password}",
        context,
      ),
    ).toBe(
      "Guten Tag Jürgen Weiß,\nzu SR-2026-000042 (Outlook fragt nach dem Kennwort): https://help.example/de/articles/reset-your-password/",
    );
  });

  it("name every unknown placeholder once, so a typo is refused before any customer reads it", () => {
    expect(unknownPlaceholders("Hi {custmer.name}, {custmer.name} {article:Bad Slug} {}")).toEqual([
      "{custmer.name}",
      "{article:Bad Slug}",
      "{}",
    ]);
    const parsed = cannedReplySchema.safeParse({
      title: "Greeting",
      locale: "en",
      body: "Hi {custmer.name}",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("{custmer.name}");
  });

  it("keep the status unchanged and the text personal unless told otherwise", () => {
    expect(cannedReplySchema.parse({ title: "T", locale: "it", body: "Grazie." })).toEqual({
      title: "T",
      locale: "it",
      body: "Grazie.",
      status: null,
      shared: false,
    });
  });
});
