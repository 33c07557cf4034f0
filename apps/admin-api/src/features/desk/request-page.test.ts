import { appendEvent, getRequestByNumber, listEvents } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { expectRedirect } from "../../../test/console.ts";
import { deskPagesTest, formOf } from "../../../test/desk-pages.ts";
import { postedIncident } from "../../../test/incidents.ts";

describe("a request's page", () => {
  it("shows the request, its SLA, the customer flag, the help-center trail and every action form", async () => {
    const test = await deskPagesTest({
      articleTitles: {
        "reset-your-password": { en: "Reset your password", de: "Kennwort zurücksetzen" },
        "check-service-health": { en: "Check the service health" },
      },
    });
    const request = await test.file({
      suggestedArticles: ["reset-your-password", "check-service-health"],
      openedArticles: ["reset-your-password"],
      timeZone: "Asia/Shanghai",
    });
    const response = await test.console.browser.get(`/admin/requests/${request.number}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<title>${request.number}: ${request.subject} · Frontline desk</title>`);
    expect(html).toContain('<dd data-status="new">New</dd>');
    expect(html).toMatch(/<dd data-language="en">English: replies and the resolution go to/);
    expect(html).toContain("Unknown organisation");
    expect(html).toContain('data-clock="First response"');
    expect(html).toContain('data-clock="Resolution"');
    // 09:30 UTC is evening in Suzhou: the agent sees it before calling.
    expect(html).toContain('<dd data-customer-time="Asia/Shanghai">Sat 17:30 (Asia/Shanghai)</dd>');
    // Opened and only suggested apart, by title.
    expect(html).toContain(
      '<h3>Opened</h3><ul data-articles="Opened"><li><a href="/en/articles/reset-your-password/">Reset your password</a></li></ul>',
    );
    expect(html).toContain(
      '<ul data-articles="Suggested, not opened"><li><a href="/en/articles/check-service-health/">Check the service health</a></li></ul>',
    );
    expect(html).toContain("No incident is going on for this service.");
    expect(html).toContain("Request filed by the customer");
    for (const action of [
      "claim",
      "assign",
      "classify",
      "reply",
      "note",
      "status",
      "resolve",
      "merge",
      "incident",
    ]) {
      const form = formOf(html, `action-${action}`);
      expect(form, action).toContain(`action="/admin/requests/${request.number}/${action}"`);
      expect(form, action).toContain(`name="version" value="${request.version}"`);
      expect(form, action).toContain('name="_csrf"');
    }
    expect(html).toContain(`Emailed to ${request.contactEmail}`);
    expect(html).toContain(`href="/admin/requests/${request.number}/escalate"`);
    // Only moves staff may make from "new"; escalating has its own form.
    const status = formOf(html, "action-status");
    expect(status).toContain('value="open"');
    expect(status).not.toContain('value="escalated"');
    // Resolving has its own form, which asks for the text in the customer's language.
    expect(status).not.toContain('value="resolved"');
    expect(formOf(html, "action-resolve")).toContain("Resolution for the customer, in English");
  });

  it("answers an unknown number with the console's not-found page", async () => {
    const test = await deskPagesTest();
    const response = await test.console.browser.get("/admin/requests/SR-2026-999999");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });
});

describe("working a request from its page", () => {
  it("claims, assigns, classifies and links an incident, each time back to the page with a notice", async () => {
    const test = await deskPagesTest();
    const request = await test.file({ service: "mail" });
    const incident = await postedIncident(test, {
      impact: "outage",
      message: { en: "Mail is down." },
    });

    const claimed = await test.actOnPage(request.number, "claim");
    expectRedirect(claimed, `/admin/requests/${request.number}?notice=request-assigned`);
    expect((await getRequestByNumber(test.db, request.number))?.assigneeId).toBe(
      test.console.user.id,
    );
    const page = await (
      await test.console.browser.get(claimed.headers.get("location") ?? "")
    ).text();
    expect(page).toContain("The assignment is saved.");
    expect(page).toContain("It is assigned to you.");

    await test.actOnPage(request.number, "assign", { assigneeId: String(test.otherAgent.user.id) });
    expect((await getRequestByNumber(test.db, request.number))?.assigneeId).toBe(
      test.otherAgent.user.id,
    );

    const classified = await test.actOnPage(request.number, "classify", {
      severity: "A",
      category: "billing",
    });
    expect(classified.headers.get("location")).toContain("notice=request-classified");
    const row = await getRequestByNumber(test.db, request.number);
    expect([row?.severity, row?.category]).toEqual(["A", "billing"]);

    const linked = await test.actOnPage(request.number, "incident", {
      incidentId: String(incident.id),
    });
    expect(linked.headers.get("location")).toContain("notice=incident-linked");
    expect((await getRequestByNumber(test.db, request.number))?.incidentId).toBe(incident.id);
  });

  it("replies publicly and notes internally, and the timeline says which is which", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const replied = await test.actOnPage(request.number, "reply", {
      body: "We are looking into it.",
    });
    expect(replied.headers.get("location")).toContain("notice=reply-sent");
    const noted = await test.actOnPage(request.number, "note", {
      body: "Customer is on the old client.",
    });
    expect(noted.headers.get("location")).toContain("notice=note-added");
    const html = await (await test.console.browser.get(`/admin/requests/${request.number}`)).text();
    expect(html).toMatch(/data-event="reply" data-internal="false"[\s\S]*?Reply to the customer/);
    expect(html).toMatch(
      /data-event="internal-note" data-internal="true"[\s\S]*?Internal note — not shown to the customer[\s\S]*?Customer is on the old client\./,
    );
    const row = await getRequestByNumber(test.db, request.number);
    const publicBodies = (await listEvents(test.db, row?.id ?? 0, { includeInternal: false })).map(
      (e) => e.body,
    );
    expect(publicBodies).toContain("We are looking into it.");
    expect(publicBodies).not.toContain("Customer is on the old client.");
  });

  it("moves the status and merges a duplicate", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const original = await test.file({ subject: "The first report" });
    const moved = await test.actOnPage(request.number, "status", { status: "open" });
    expect(moved.headers.get("location")).toContain("notice=status-changed");
    expect((await getRequestByNumber(test.db, request.number))?.status).toBe("open");
    const merged = await test.actOnPage(request.number, "merge", { into: original.number });
    expect(merged.headers.get("location")).toContain("notice=request-merged");
    expect((await getRequestByNumber(test.db, request.number))?.status).toBe("closed");
  });

  it("shows a refused field next to it with the input kept", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const empty = await test.actOnPage(request.number, "reply", { body: "   " });
    expect(empty.status).toBe(422);
    const html = await empty.text();
    expect(html).toContain('<span class="field-error" id="reply-body-error">');
    expect(html).toContain('href="#reply-body"');

    const unknown = await test.actOnPage(request.number, "merge", { into: "SR-2026-999999" });
    expect(unknown.status).toBe(422);
    const merge = formOf(await unknown.text(), "action-merge");
    expect(merge).toContain('<span class="field-error" id="merge-into-error">');
    expect(merge).toContain('value="SR-2026-999999"');
  });

  it("refuses a stale form with the message next to it, keeping what was typed", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const stale = await test.versionOf(request.number);
    await test.actOnPage(request.number, "note", { body: "Someone else got here first." });
    const response = await test.actOnPage(request.number, "reply", {
      version: stale,
      body: "My carefully written answer",
    });
    expect(response.status).toBe(409);
    const html = await response.text();
    const form = formOf(html, "action-reply");
    expect(form).toContain("Reload to see the latest version");
    expect(form).toContain("My carefully written answer</textarea>");
    // The page is re-rendered with the current version, so sending again works.
    expect(form).toContain(`name="version" value="${await test.versionOf(request.number)}"`);
  });

  it("offers the operator's resolution to word for the customer, and resolves with it", async () => {
    const test = await deskPagesTest();
    const request = await test.file({ locale: "de" });
    await test.move(request, "escalated");
    await test.move(request, "open");
    await appendEvent(test.db, {
      requestId: request.id,
      type: "operator-update",
      actor: "operator",
      at: new Date(),
      visibility: "internal",
      body: "Expired certificate on the gateway, renewed.",
      data: { escalationId: 1, status: "resolved", operatorReference: "OP-1" },
    });
    const html = await (await test.console.browser.get(`/admin/requests/${request.number}`)).text();
    expect(html).toContain("Resolved by the operator, awaiting your reply.");
    const form = formOf(html, "action-resolve");
    expect(form).toContain("Resolution for the customer, in Deutsch");
    expect(form).toContain(">Expired certificate on the gateway, renewed.</textarea>");

    const resolved = await test.actOnPage(request.number, "resolve", {
      body: "Das Zertifikat ist erneuert; E-Mails kommen wieder an.",
    });
    expect(resolved.headers.get("location")).toContain("notice=request-resolved");
    expect((await getRequestByNumber(test.db, request.number))?.status).toBe("resolved");
    const after = await (
      await test.console.browser.get(resolved.headers.get("location") ?? "")
    ).text();
    expect(after).not.toContain("Resolved by the operator, awaiting your reply.");
    expect(after).toContain("the customer reads your resolution");
  });

  it("keeps an empty resolution on the page with the reason, and resolves nothing", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const response = await test.actOnPage(request.number, "resolve", { body: " " });
    expect(response.status).toBe(422);
    expect(formOf(await response.text(), "action-resolve")).toContain('id="resolve-body-error"');
    expect((await getRequestByNumber(test.db, request.number))?.status).toBe("new");
  });

  it("refuses a move the lifecycle does not allow, with the reason", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    await test.move(request, "resolved");
    const response = await test.actOnPage(request.number, "status", {
      status: "waiting-on-customer",
    });
    expect(response.status).toBe(409);
    expect(formOf(await response.text(), "action-status")).toContain(
      "A request that is resolved cannot be moved to waiting for your reply.",
    );
    const escalated = await test.actOnPage(request.number, "status", { status: "escalated" });
    expect(escalated.status).toBe(409);
    expect(await escalated.text()).toContain("Escalate with the form behind");
    expect((await getRequestByNumber(test.db, request.number))?.status).toBe("resolved");
  });
});
