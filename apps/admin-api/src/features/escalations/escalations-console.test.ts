import { getEscalation, getRequestByNumber } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { consoleTest, expectPage, expectRedirect } from "../../../test/console.ts";
import { escalatedRequest } from "../../../test/escalations.ts";
import { type TestApp, testApp } from "../../../test/test-app.ts";

type Test = TestApp;

async function operatorOn(test: Test) {
  return signedInBrowser(test.app, test.db, "operator");
}

/** A request escalated to the operator, who is signed in; `update` posts the escalation's form. */
async function operatorWithEscalation() {
  const test = await testApp();
  const { id, number } = await escalatedRequest(test);
  const { browser } = await operatorOn(test);
  const update = (form: Record<string, string>) => browser.submit(`/admin/escalations/${id}`, form);
  return { test, id, number, browser, update };
}

const updateForm = (html: string) =>
  /<form id="escalation-update"[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";
const optionsOf = (form: string) =>
  [
    ...(/<select[^>]*name="status"[\s\S]*?<\/select>/.exec(form)?.[0] ?? "").matchAll(
      /<option value="([^"]*)"/g,
    ),
  ].map((m) => m[1]);

describe("the escalations list", () => {
  it("shows every role the escalations with the operator's clocks in words", async () => {
    const test = await testApp();
    const { id, number } = await escalatedRequest(test);
    test.clock.set("2026-11-21T10:50:00Z");
    for (const role of ["operator", "agent", "admin"] as const) {
      const { browser } = await signedInBrowser(test.app, test.db, role);
      const response = await browser.get("/admin/escalations");
      expect(response.status, role).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<a href="/admin/escalations/${id}">${number}`);
      expect(html).toContain('<th scope="col">First response</th>');
      expect(html).toContain("Submitted</td>");
      expect(html).toContain("Email and calendar");
      expect(html).toContain("A – Critical");
      // Severity A: the operator's first response was due at 10:30.
      expect(html).toContain('<strong class="badge badge-breached">Breached</strong>');
    }
  });

  it("filters by status, and says so when the status is unknown", async () => {
    const { id, browser } = await operatorWithEscalation();
    const resolved = await (await browser.get("/admin/escalations?status=resolved")).text();
    expect(resolved).toContain("No escalations match.");
    const submitted = await (await browser.get("/admin/escalations?status=submitted")).text();
    expect(submitted).toContain(`/admin/escalations/${id}`);
    const unknown = await browser.get("/admin/escalations?status=lost");
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("Choose a status from the list.");
  });

  it("sends anonymous visitors to sign in", async () => {
    const test = await testApp();
    const response = await new TestBrowser(test.app).get("/admin/escalations");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/sign-in?next=%2Fadmin%2Fescalations");
  });
});

describe("an escalation's page", () => {
  it("shows the packet, the operator SLA and the request headline", async () => {
    const { id, number, browser } = await operatorWithEscalation();
    const response = await browser.get(`/admin/escalations/${id}`);
    const html = await expectPage(
      response,
      200,
      `Escalation of ${number}: Outlook keeps asking for my password`,
      "<dt>Service health at the time</dt>",
      "Operational, checked",
      '<li class="message-body">Reset the password and cleared stored credentials on two desktops</li>',
      "<dt>Self-help offered</dt><dd>Yes</dd>",
      "agent.",
      "<h2>Operator SLA</h2>",
    );
    // The operator may not open request details, so the number is not a link for them.
    expect(html).not.toContain(`href="/admin/requests/`);
  });

  it("offers the operator only the moves possible from the current status", async () => {
    const { id, browser } = await operatorWithEscalation();
    const form = updateForm(await (await browser.get(`/admin/escalations/${id}`)).text());
    expect(form).toContain(`action="/admin/escalations/${id}"`);
    expect(form).toContain('name="version" value="1"');
    expect(form).toContain('name="operatorReference"');
    expect(form).toContain('name="message"');
    expect(form).toContain("Update escalation</button>");
    expect(optionsOf(form)).toEqual(["", "acknowledged", "returned-to-partner"]);
  });

  it("shows agents the escalation without the update form", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const { id, number } = await escalatedRequest(test);
    const html = await (await browser.get(`/admin/escalations/${id}`)).text();
    expect(html).not.toContain('id="escalation-update"');
    expect(html).toContain(`<a href="/admin/requests/${number}">${number}</a>`);
  });

  it("answers an unknown escalation with the console's not-found page", async () => {
    const test = await testApp();
    const { browser } = await operatorOn(test);
    for (const path of ["/admin/escalations/999", "/admin/escalations/abc"]) {
      const response = await browser.get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("<h1>Page not found</h1>");
    }
  });
});

describe("updating an escalation", () => {
  it("acknowledges with a reference and a message, then redirects with a notice", async () => {
    const { test, id, browser, update } = await operatorWithEscalation();
    const response = await update({
      version: "1",
      status: "acknowledged",
      operatorReference: "OP-4471",
      message: "Looking at the mailbox now.",
    });
    expectRedirect(response, `/admin/escalations/${id}?notice=escalation-updated`);
    const stored = await getEscalation(test.db, id);
    expect(stored?.escalation).toMatchObject({
      status: "acknowledged",
      operatorReference: "OP-4471",
    });
    const html = await (await browser.get(response.headers.get("location") ?? "")).text();
    expect(html).toContain("The escalation is updated.");
    expect(optionsOf(updateForm(html))).toEqual([
      "",
      "engineer-assigned",
      "resolved",
      "returned-to-partner",
    ]);
  });

  it("resolving it hands the request back to the partner to word, and then the form is gone", async () => {
    const { browser, ...test } = await consoleTest("admin");
    const { id, number } = await escalatedRequest(test);
    await browser.submit(`/admin/escalations/${id}`, {
      version: "1",
      status: "acknowledged",
    });
    const response = await browser.submit(`/admin/escalations/${id}`, {
      version: "2",
      status: "resolved",
      message: "Fixed on our side.",
    });
    expect(response.status).toBe(303);
    expect((await getRequestByNumber(test.db, number))?.status).toBe("open");
    const html = await (await browser.get(`/admin/escalations/${id}`)).text();
    expect(html).not.toContain('id="escalation-update"');
    expect(html).toContain("This escalation is finished");
  });

  it("refuses a stale edit, showing the latest state with the input kept", async () => {
    const { test, id, update } = await operatorWithEscalation();
    await update({ version: "1", status: "acknowledged" });
    const response = await update({
      version: "1",
      status: "returned-to-partner",
      operatorReference: "OP-9",
      message: "Not ours",
    });
    const html = await expectPage(
      response,
      409,
      "Reload to see the latest version, then try again.",
    );
    const form = updateForm(html);
    expect(form).toContain('name="version" value="2"');
    expect(form).toContain('value="OP-9"');
    expect(form).toContain(">Not ours</textarea>");
    expect(form).toContain('<option value="returned-to-partner" selected="">');
    expect((await getEscalation(test.db, id))?.escalation.status).toBe("acknowledged");
  });

  it("refuses a move the current status does not allow", async () => {
    const { test, id, update } = await operatorWithEscalation();
    const response = await update({ version: "1", status: "resolved" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(
      "An escalation that is submitted cannot become resolved.",
    );
    expect((await getEscalation(test.db, id))?.escalation.status).toBe("submitted");
  });

  it("asks for something to change, and checks the reference's length, next to the fields", async () => {
    const { test, id, update } = await operatorWithEscalation();
    const empty = await update({ version: "1" });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Choose a new status, or enter a reference or a message.");
    const long = await update({
      version: "1",
      operatorReference: "x".repeat(101),
      message: "kept text",
    });
    await expectPage(
      long,
      422,
      '<a href="#field-operatorReference">Operator reference: Use at most 100 characters.</a>',
      'id="field-operatorReference-error"',
      ">kept text</textarea>",
    );
    expect((await getEscalation(test.db, id))?.escalation.version).toBe(1);
  });

  it("is refused to agents, and the escalation stays as it was", async () => {
    const { browser, ...test } = await consoleTest("agent");
    const { id } = await escalatedRequest(test);
    const response = await browser.submit(`/admin/escalations/${id}`, {
      version: "1",
      status: "acknowledged",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("You cannot open this page");
    expect((await getEscalation(test.db, id))?.escalation.status).toBe("submitted");
  });
});

describe("what operators can reach", () => {
  it("shows operators only escalations and incidents, and refuses the rest", async () => {
    const test = await testApp();
    const { browser } = await operatorOn(test);
    const html = await (await browser.get("/admin/escalations")).text();
    const nav = /<nav aria-label="Sections">(.*?)<\/nav>/.exec(html)?.[1] ?? "";
    expect([...nav.matchAll(/>([^<>]+)<\/a>/g)].map((m) => m[1])).toEqual([
      "Escalations",
      "Incidents",
    ]);
    for (const path of ["/admin/customers", "/admin/users", "/admin/audit"]) {
      expect((await browser.get(path)).status, path).toBe(403);
    }
  });
});
