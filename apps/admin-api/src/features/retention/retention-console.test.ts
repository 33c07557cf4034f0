import { getRequestByNumber } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser } from "../../../test/browser.ts";
import { expectRedirect } from "../../../test/console.ts";
import { deskTest } from "../../../test/desk.ts";

/** A desk with an admin in the console and one request closed a year ago. */
async function retentionPages() {
  const desk = await deskTest();
  const { browser } = await signedInBrowser(desk.app, desk.db, "admin", {
    email: "console.admin@partner.example",
  });
  desk.clock.set("2025-11-01T09:00:00Z");
  const old = await desk.file();
  await desk.move(old, "closed");
  desk.clock.set("2026-11-21T09:30:00Z");
  return { desk, browser, old };
}

describe("the retention page", () => {
  it("asks once more before a policy that deletes requests at once, then saves it", async () => {
    const { desk, browser, old } = await retentionPages();
    const page = await (await browser.get("/admin/retention")).text();
    expect(page).toContain("Every request is kept: no retention policy is set.");

    const asked = await browser.submit("/admin/retention", { closedRequestDays: "90" });
    expect(asked.status).toBe(200);
    const html = await asked.text();
    expect(html).toContain("With 90 days, 1 closed requests are deleted within the hour");
    expect((await desk.get("/api/v1/retention-policy", desk.admin.headers)).closedRequestDays).toBe(
      null,
    );

    expectRedirect(
      await browser.submit("/admin/retention", { closedRequestDays: "90", confirmed: "1" }),
      "/admin/retention?notice=retention-saved",
    );
    const saved = await (await browser.get("/admin/retention?notice=retention-saved")).text();
    expect(saved).toContain("The retention policy is saved. It runs every hour.");
    expect(saved).toContain("<strong>90 days</strong>");
    expect(saved).toContain("Due now: 1");
    // Saving deletes nothing by itself: the hourly run does.
    expect(await getRequestByNumber(desk.db, old.number)).not.toBeNull();
  });

  it("saves a policy that deletes nothing yet without asking, and turns it off when emptied", async () => {
    const { desk, browser } = await retentionPages();
    expectRedirect(
      await browser.submit("/admin/retention", { closedRequestDays: "730" }),
      "/admin/retention?notice=retention-saved",
    );
    expect((await desk.get("/api/v1/retention-policy", desk.admin.headers)).closedRequestDays).toBe(
      730,
    );
    expectRedirect(
      await browser.submit("/admin/retention", { closedRequestDays: "" }),
      "/admin/retention?notice=retention-saved",
    );
    expect((await desk.get("/api/v1/retention-policy", desk.admin.headers)).closedRequestDays).toBe(
      null,
    );
  });

  it("refuses days out of range or not a number next to the field, keeping what was typed", async () => {
    const { browser } = await retentionPages();
    for (const [typed, message] of [
      ["12", "must be at least 30 days"],
      ["ninety", "Give a number here."],
    ] as const) {
      const response = await browser.submit("/admin/retention", { closedRequestDays: typed });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain(`value="${typed}"`);
    }
  });

  it("is not there for agents", async () => {
    const { desk } = await retentionPages();
    const { browser } = await signedInBrowser(desk.app, desk.db, "agent");
    expect((await browser.get("/admin/retention")).status).toBe(403);
  });
});
