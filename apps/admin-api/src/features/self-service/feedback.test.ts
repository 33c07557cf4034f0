import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { postJson, readJson, testApp } from "../../../test/test-app.ts";

const vote = {
  submissionId: "6f1c2b1e-8a2d-4c55-9d0e-3b7a9c1e2f40",
  locale: "it",
  article: "check-service-health",
  helpful: true,
};

function siteWithArticle(slug: string) {
  const dist = mkdtempSync(join(tmpdir(), "frontline-dist-"));
  mkdirSync(join(dist, "en", "articles", slug), { recursive: true });
  writeFileSync(join(dist, "en", "articles", slug, "index.html"), "<h1>Article</h1>");
  return dist;
}

describe("article feedback", () => {
  it("records a vote and then its comment as one answer", async () => {
    const { app, db } = await testApp({ helpCenterDist: siteWithArticle("check-service-health") });
    expect((await postJson(app, "/api/v1/feedback", vote)).status).toBe(201);
    const response = await postJson(app, "/api/v1/feedback", {
      ...vote,
      comment: "Chiaro e utile.",
    });
    expect(await readJson(response)).toEqual({ recorded: true });
    const rows = await db.select().from(tablesOf(db).articleFeedback);
    expect(rows.map((r) => [r.article, r.locale, r.helpful, r.comment])).toEqual([
      ["check-service-health", "it", true, "Chiaro e utile."],
    ]);
  });

  it("refuses feedback about an article the help center does not have", async () => {
    const { app, db } = await testApp({ helpCenterDist: siteWithArticle("check-service-health") });
    const response = await postJson(app, "/api/v1/feedback", {
      ...vote,
      article: "no-such-article",
    });
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors).toEqual([
      expect.objectContaining({ field: "article", code: "unknown_article" }),
    ]);
    expect(await db.$count(tablesOf(db).articleFeedback)).toBe(0);
  });

  it("names every bad field and stores nothing", async () => {
    const { app, db } = await testApp();
    const response = await postJson(app, "/api/v1/feedback", {
      submissionId: "nope",
      locale: "fr",
      article: "Bad Slug",
      helpful: "yes",
      comment: "x".repeat(1001),
    });
    expect(response.status).toBe(422);
    const fields = (await readJson(response)).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["article", "comment", "helpful", "locale", "submissionId"]);
    expect(await db.$count(tablesOf(db).articleFeedback)).toBe(0);
  });
});
