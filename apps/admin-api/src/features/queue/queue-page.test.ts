import { describe, expect, it } from "vitest";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { expectPage } from "../../../test/console.ts";
import { deskPagesTest } from "../../../test/desk-pages.ts";

describe("the queue page", () => {
  it("lists requests with counts per status, the unknown organisation flag and a link to each", async () => {
    const test = await deskPagesTest();
    const request = await test.file({ subject: "Mail stopped syncing" });
    const response = await test.console.browser.get("/admin/queue");
    const html = await expectPage(
      response,
      200,
      "<title>Queue · Frontline desk</title>",
      `<a href="/admin/requests/${request.number}">${request.number}</a>`,
      "Mail stopped syncing",
      "Unknown organisation",
      "Email and calendar",
      "B – High",
    );
    expect(html).toMatch(/<li data-count="new">New: <strong>1<\/strong>/);
    expect(html).toContain('<a href="/admin/queue" aria-current="page">Queue</a>');
  });

  it("is the start page for agents and admins", async () => {
    const test = await deskPagesTest();
    const start = await test.console.browser.get("/admin");
    expect(start.status).toBe(302);
    expect(start.headers.get("location")).toBe("/admin/queue");
  });

  it("filters by severity and search, and keeps the filters in the form", async () => {
    const test = await deskPagesTest();
    const critical = await test.file({ severity: "A", subject: "Nobody can send mail" });
    const normal = await test.file({ severity: "C", subject: "How do I share a calendar" });
    const html = await (
      await test.console.browser.get("/admin/queue?severity=A&q=mail&status=&assignee=")
    ).text();
    expect(html).toContain(critical.number);
    expect(html).not.toContain(normal.number);
    expect(html).toContain('<option value="A" selected="">A – Critical</option>');
    expect(html).toMatch(/name="q" type="search" value="mail"/);

    const flagged = await (
      await test.console.browser.get("/admin/queue?status=new&status=open&customer=unknown")
    ).text();
    expect(flagged).toMatch(/value="new" checked=""/);
    expect(flagged).toMatch(/value="open" checked=""/);
    expect(flagged).toMatch(/name="customer" value="unknown" checked=""/);
  });

  it("shows breached and at-risk SLAs in words, not by colour alone", async () => {
    const test = await deskPagesTest();
    await test.file({ severity: "A" }, { at: "2026-11-21T06:00:00Z" });
    const html = await (await test.console.browser.get("/admin/queue?sla=breached")).text();
    expect(html).toContain('data-sla="breached">Breached</span>');
  });

  it("pages with a Next page link that carries the filters and the cursor", async () => {
    const test = await deskPagesTest();
    for (let i = 0; i < 27; i++) await test.file({ subject: `Request number ${i}` });
    const html = await (
      await test.console.browser.get("/admin/queue?severity=B&sort=created")
    ).text();
    const next = /<a href="([^"]+)" rel="next" data-next-page="true">Next page<\/a>/.exec(
      html,
    )?.[1];
    expect(next).toBeDefined();
    const href = (next ?? "").replaceAll("&amp;", "&");
    expect(href).toMatch(/^\/admin\/queue\?severity=B&sort=created&cursor=/);
    const second = await (await test.console.browser.get(href)).text();
    expect((second.match(/<tr data-request=/g) ?? []).length).toBe(2);
    expect(second).not.toContain("data-next-page");
    expect(second).toContain("Back to the first page");
  });

  it("says what is wrong with a filter next to it", async () => {
    const test = await deskPagesTest();
    const response = await test.console.browser.get("/admin/queue?incident=abc&service=nope");
    await expectPage(
      response,
      422,
      '<span class="field-error" id="field-incident-error">',
      'href="#field-incident"',
      'name="incident" type="text" value="abc"',
    );
  });
});

describe("who may open the desk's pages", () => {
  it("sends anonymous visitors to sign in and refuses operators with a 403 page", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const operator = await signedInBrowser(test.app, test.db, "operator", {
      email: "console.operator@partner.example",
    });
    const admin = await signedInBrowser(test.app, test.db, "admin", {
      email: "console.admin@partner.example",
    });
    for (const path of [
      "/admin/queue",
      `/admin/requests/${request.number}`,
      `/admin/requests/${request.number}/escalate`,
    ]) {
      const anonymous = await new TestBrowser(test.app).get(path);
      expect(anonymous.status, path).toBe(302);
      expect(anonymous.headers.get("location")).toBe(
        `/admin/sign-in?next=${encodeURIComponent(path)}`,
      );
      const refused = await operator.browser.get(path);
      expect(refused.status, path).toBe(403);
      expect(await refused.text()).toContain("You cannot open this page");
      expect((await admin.browser.get(path)).status, path).toBe(200);
      expect((await test.console.browser.get(path)).status, path).toBe(200);
    }
  });

  it("refuses the operator's forms too, even with a valid CSRF token", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const operator = await signedInBrowser(test.app, test.db, "operator", {
      email: "console.operator@partner.example",
    });
    const response = await operator.browser.post(`/admin/requests/${request.number}/note`, {
      _csrf: operator.csrf,
      version: await test.versionOf(request.number),
      body: "Not mine to write",
    });
    expect(response.status).toBe(403);
    expect(await test.versionOf(request.number)).toBe(String(request.version));
  });
});
