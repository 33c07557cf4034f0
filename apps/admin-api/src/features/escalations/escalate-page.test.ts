import { escalationsOfRequest, getRequestByNumber } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { expectRedirect } from "../../../test/console.ts";
import { deskPagesTest, formOf } from "../../../test/desk-pages.ts";

/** What the escalation form holds, as the browser would send it back. */
function fieldsOf(html: string): Record<string, string> {
  const form = formOf(html, "escalation-form");
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[m[1] ?? ""] = m[2] ?? "";
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    fields[m[1] ?? ""] = m[2] ?? "";
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<\/select>/g)) {
    fields[m[1] ?? ""] = /<option value="([^"]*)" selected=""/.exec(m[0])?.[1] ?? "";
  }
  fields.partnerContact = /name="partnerContact" type="text" value="([^"]*)"/.exec(form)?.[1] ?? "";
  return fields;
}

/**
 * A filed request's escalation form, opened as the agent; `send` posts it
 * back as it was opened, with `typed` changed in it.
 */
async function openedForm() {
  const test = await deskPagesTest();
  const request = await test.file();
  const path = `/admin/requests/${request.number}/escalate`;
  const page = await (await test.console.browser.get(path)).text();
  const send = (typed: Record<string, string>) =>
    test.console.browser.post(path, { ...fieldsOf(page), _csrf: test.console.csrf, ...typed });
  return { test, request, send };
}

describe("the escalation form", () => {
  it("is prefilled from the draft, with the readiness as a checklist", async () => {
    const test = await deskPagesTest();
    const request = await test.file();
    const response = await test.console.browser.get(`/admin/requests/${request.number}/escalate`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const fields = fieldsOf(html);
    expect(fields).toMatchObject({
      service: "mail",
      severity: "B",
      description: request.description,
      healthStatus: "operational",
      healthCheckedAt: "2026-11-21T09:30:00.000Z",
      partnerContact: "console.agent@partner.example",
      version: String(request.version),
    });
    expect(html).toContain('<li data-ready="true"><strong>Done:</strong> The service health');
    expect(html).toContain(
      '<li data-ready="false"><strong>Missing:</strong> At least one troubleshooting step',
    );
    expect(html).toContain("Checked <time");
  });

  it("refuses an incomplete packet listing every missing item, in the summary and next to the fields, input kept", async () => {
    const { test, request, send } = await openedForm();
    const response = await send({
      description: "Too short",
      stepsTried: "",
      partnerContact: "",
      intent: "escalate",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    for (const [field, message] of [
      ["description", "Describe the problem in at least 30 characters"],
      ["stepsTried", "List at least one troubleshooting step you tried"],
      ["selfHelpOffered", "Point the customer to self-troubleshooting first"],
      ["partnerContact", "Give a contact the operator&#39;s engineer can reach"],
    ]) {
      expect(html, field).toContain(`href="#field-${field}"`);
      expect(html, field).toContain(`id="field-${field}-error"`);
      expect(html, field).toContain(message);
    }
    expect(html).toContain("Too short</textarea>");
    expect((await getRequestByNumber(test.db, request.number))?.status).toBe("new");
  });

  it("checks the service health again without losing what was typed", async () => {
    const { test, send } = await openedForm();
    test.clock.set("2026-11-21T11:00:00Z");
    const response = await send({
      stepsTried: "Restarted Outlook on all three desktops",
      intent: "check-health",
    });
    expect(response.status).toBe(200);
    const fields = fieldsOf(await response.text());
    expect(fields.healthCheckedAt).toBe("2026-11-21T11:00:00.000Z");
    expect(fields.stepsTried).toBe("Restarted Outlook on all three desktops");
  });

  it("escalates a complete packet and goes back to the request with a notice", async () => {
    const { test, request, send } = await openedForm();
    const response = await send({
      stepsTried: "Restarted Outlook on all three desktops\nRemoved the cached credentials",
      selfHelpOffered: "yes",
      intent: "escalate",
    });
    expectRedirect(response, `/admin/requests/${request.number}?notice=request-escalated`);
    const row = await getRequestByNumber(test.db, request.number);
    expect(row?.status).toBe("escalated");
    const [escalation] = await escalationsOfRequest(test.db, row?.id ?? 0);
    expect(escalation?.packet.stepsTried).toEqual([
      "Restarted Outlook on all three desktops",
      "Removed the cached credentials",
    ]);
    const detail = await (
      await test.console.browser.get(response.headers.get("location") ?? "")
    ).text();
    expect(detail).toContain("The request is escalated to the operator.");
    expect(detail).toContain("The operator&#39;s SLA");
    expect(detail).toContain("Escalation to the operator — internal, not shown to the customer");
  });

  it("offers internal notes unticked, and sends the operator only the ones ticked", async () => {
    const test = await deskPagesTest();
    const request = await test.file({
      suggestedArticles: ["reset-your-password", "outlook-keeps-asking"],
      openedArticles: ["reset-your-password"],
    });
    await test.actOnPage(request.number, "note", { body: "Cleared the cached credentials." });
    await test.actOnPage(request.number, "note", { body: "Customer's admin is on holiday." });
    const path = `/admin/requests/${request.number}/escalate`;
    const html = await (await test.console.browser.get(path)).text();
    const offered = formOf(html, "escalation-form");
    expect(offered).toContain("Cleared the cached credentials.");
    expect(offered).not.toMatch(/name="note-\d+" value="yes" checked/);
    expect(fieldsOf(html).stepsTried).toBe("");
    // Only opened articles count as seen; the self-troubleshooting box starts unticked.
    expect(fieldsOf(html).articlesSeen).toBe("reset-your-password");
    expect(offered).not.toMatch(/name="selfHelpOffered" value="yes" checked/);

    const ticked = /name="(note-\d+)"[^>]*>\s*<span class="message-body">Cleared/.exec(
      offered,
    )?.[1];
    const response = await test.console.browser.post(path, {
      ...fieldsOf(html),
      _csrf: test.console.csrf,
      [ticked ?? "note-?"]: "yes",
      stepsTried: "Restarted Outlook on all three desktops",
      selfHelpOffered: "yes",
      intent: "escalate",
    });
    expectRedirect(response, `/admin/requests/${request.number}?notice=request-escalated`);
    const row = await getRequestByNumber(test.db, request.number);
    const [escalation] = await escalationsOfRequest(test.db, row?.id ?? 0);
    expect(escalation?.packet.stepsTried).toEqual([
      "Cleared the cached credentials.",
      "Restarted Outlook on all three desktops",
    ]);
  });

  it("refuses a stale packet and shows the form again for the current version", async () => {
    const { test, request, send } = await openedForm();
    await test.actOnPage(request.number, "note", { body: "Meanwhile, a note." });
    const response = await send({
      stepsTried: "Restarted Outlook on all three desktops",
      selfHelpOffered: "yes",
      intent: "escalate",
    });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("Reload to see the latest version");
    expect(fieldsOf(html).version).toBe(await test.versionOf(request.number));
  });
});
