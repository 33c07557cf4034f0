import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createIncident, listActiveIncidents, recordFeedback, schema } from "../src/index.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const now = new Date("2026-11-21T10:00:00Z");
const vote = {
  submissionId: "0b6f3f7e-2f0c-4f7e-9a53-5d8c1c7c2d11",
  locale: "de" as const,
  article: "check-service-health",
  helpful: false,
};

describe("article feedback", () => {
  it("keeps one answer per submission: the vote, then the comment", async () => {
    await recordFeedback(database.db, vote, now);
    await recordFeedback(
      database.db,
      { ...vote, comment: "Der Link fehlt." },
      new Date("2026-11-21T10:01:00Z"),
    );
    const rows = await database.db.select().from(schema.articleFeedback);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ helpful: false, comment: "Der Link fehlt.", createdAt: now });
  });

  it("keeps the comment when the vote alone is sent again", async () => {
    await recordFeedback(database.db, { ...vote, comment: "Zu lang." }, now);
    await recordFeedback(database.db, { ...vote, helpful: true }, now);
    const [row] = await database.db.select().from(schema.articleFeedback);
    expect(row).toMatchObject({ helpful: true, comment: "Zu lang." });
  });
});

describe("service incidents", () => {
  it("lists only active incidents, newest first", async () => {
    const base = {
      service: "mail",
      impact: "degraded" as const,
      status: "investigating",
      message: { en: "Delays" },
    };
    await createIncident(
      database.db,
      { ...base, startedAt: new Date("2026-11-20T08:00:00Z") },
      now,
    );
    await createIncident(
      database.db,
      { ...base, service: "files", startedAt: new Date("2026-11-21T08:00:00Z") },
      now,
    );
    expect((await listActiveIncidents(database.db)).map((i) => i.service)).toEqual([
      "files",
      "mail",
    ]);
  });
});
