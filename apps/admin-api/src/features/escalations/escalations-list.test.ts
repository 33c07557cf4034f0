import { describe, expect, it } from "vitest";
import { signedInBrowser } from "../../../test/browser.ts";
import { deskTest } from "../../../test/desk.ts";
import { escalatedRequest } from "../../../test/escalations.ts";
import { callJson, readJson } from "../../../test/test-app.ts";

describe("the escalation list", () => {
  it("puts the operator's clock due soonest first, acknowledged ones by their resolution, finished last", async () => {
    const desk = await deskTest();
    const normal = await escalatedRequest(desk, { severity: "C", subject: "Calendar sharing odd" });
    desk.clock.set("2026-11-21T09:40:00Z");
    const critical = await escalatedRequest(desk, {
      severity: "A",
      subject: "Nobody can send mail",
    });
    const high = await escalatedRequest(desk, { severity: "B", subject: "Teams calls drop" });
    // The operator answers the critical one: its resolution (24 h) is due after the others' replies.
    const acknowledge = await callJson(
      desk.app,
      "PATCH",
      `/api/v1/escalations/${critical.id}`,
      desk.operator.headers,
      { version: critical.version, status: "acknowledged" },
    );
    expect(acknowledge.status).toBe(200);
    const bySla = await desk.get("/api/v1/escalations", desk.operator.headers);
    expect(bySla.items.map((e: { id: number }) => e.id)).toEqual([high.id, normal.id, critical.id]);
    expect(bySla).toMatchObject({ page: 1, pages: 1, total: 3 });
    const newest = await desk.get("/api/v1/escalations?sort=submitted", desk.operator.headers);
    expect(newest.items.map((e: { id: number }) => e.id)).toEqual([
      high.id,
      critical.id,
      normal.id,
    ]);
  });

  it("comes 25 to a page, with links to the pages before and after", async () => {
    const desk = await deskTest();
    for (let i = 0; i < 26; i++) await escalatedRequest(desk, { subject: `Outage report ${i}` });
    const second = await callJson(
      desk.app,
      "GET",
      "/api/v1/escalations?page=2",
      desk.operator.headers,
    );
    expect(await readJson(second)).toMatchObject({ page: 2, pages: 2, total: 26 });

    const { browser } = await signedInBrowser(desk.app, desk.db, "operator", {
      email: "console.operator@operator.example",
    });
    const start = await browser.get("/admin");
    expect(start.headers.get("location")).toBe("/admin/escalations");
    const html = await (await browser.get("/admin/escalations")).text();
    expect(html).toContain("Escalations, operator SLA due soonest first");
    expect(html).toContain('<a href="/admin/escalations?page=2" rel="next">Next page</a>');
    expect(html).toContain("Page 1 of 2");
    const last = await (await browser.get("/admin/escalations?page=2")).text();
    expect(last).toContain('<a href="/admin/escalations" rel="prev">Previous page</a>');
  });
});
