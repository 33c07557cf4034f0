import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimDueMail, createRequest, markMailSent } from "../src/index.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

let database: TestDatabase;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.cleanup());

const now = new Date("2026-12-02T09:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

/** Files `count` requests, each with its confirmation email. */
async function fileWithMail(count: number) {
  for (let i = 0; i < count; i++) {
    await createRequest(database.db, {
      input: {
        locale: "en",
        category: "billing",
        service: "mail",
        severity: "C",
        subject: `Invoice question ${i}`,
        description: "The invoice lists more seats than we have.",
        organisation: "contoso.example",
        name: "Li Wei",
        email: `li.wei.${i}@contoso.example`,
        suggestedArticles: [],
        openedArticles: [],
      },
      trackingTokenHash: "h".repeat(64),
      now,
      mail: (row) => ({
        kind: "created",
        recipient: row.contactEmail,
        locale: "en",
        subject: `We received ${row.number}`,
        body: "Thank you.",
      }),
    });
  }
}

describe("claiming the outbox, on either engine", () => {
  it("gives each due mail to one sender at a time, even when several claim at once", async () => {
    await fileWithMail(12);
    const claims = await Promise.all(
      [0, 1, 2].map(() => claimDueMail(database.db, now, { leaseMs: 60_000, limit: 5 })),
    );
    const ids = claims.flat().map((mail) => mail.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(await claimDueMail(database.db, now, { leaseMs: 60_000 })).toEqual([]);
  });

  it("hands a mail to another sender once the claim's lease has run out unsent", async () => {
    await fileWithMail(2);
    const [first, second] = await claimDueMail(database.db, now, { leaseMs: 60_000 });
    await markMailSent(database.db, first?.id ?? 0, later(1_000));
    expect(await claimDueMail(database.db, later(30_000), { leaseMs: 60_000 })).toEqual([]);
    // The first sender died with the second mail: after the lease it is due again, once.
    const retaken = await claimDueMail(database.db, later(61_000), { leaseMs: 60_000 });
    expect(retaken.map((mail) => mail.id)).toEqual([second?.id]);
  });
});
