import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import { fillContactForm } from "./contact-form.ts";
import { addStaff, type Filed, fileByApi as fileRequest, STAFF_PASSWORD } from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await addStaff(harness.databasePath, [
    { email: AGENT, role: "agent" },
    { email: OPERATOR, role: "operator" },
  ]);
});
afterAll(async () => {
  await harness?.stop();
});

const AGENT = "agent@partner.example";
const OPERATOR = "operator@operator.example";

const fileByApi = (subject: string) => fileRequest(harness.server.url, subject);

/** Files a request in the browser through the help center's contact form. */
async function fileByForm(browser: Browser, subject: string): Promise<Filed> {
  const page = await browser.newPage();
  await page.goto(`${harness.server.url}/en/contact/`);
  await fillContactForm(page, { service: "files", subject });
  await page.click("#contact-form button[type=submit]");
  // The link is filled in once the server has answered with the number.
  await page.locator("#confirmation [data-reference]").waitFor();
  const link = await page.locator("[data-tracking-link]").getAttribute("href");
  await page.close();
  const [number = "", token = ""] = (link ?? "").split("#")[1]?.split(":") ?? [];
  return { number, token };
}

/** What the customer's tracking API shows: every body in the timeline. */
async function trackedBodies(filed: Filed): Promise<string[]> {
  const response = await fetch(`${harness.server.url}/api/v1/requests/${filed.number}`, {
    headers: { "X-Tracking-Token": filed.token },
  });
  expect(response.status).toBe(200);
  const tracked = (await response.json()) as { timeline: { body: string | null }[] };
  return tracked.timeline.map((entry) => entry.body ?? "");
}

async function signIn(page: Page, email: string) {
  await page.goto(`${harness.server.url}/admin/sign-in`);
  await page.fill("#field-email", email);
  await page.fill("#field-password", STAFF_PASSWORD);
  await page.click("main form button[type=submit]");
  await page.waitForURL((url) => url.pathname !== "/admin/sign-in");
}

async function trackingStatus(page: Page, filed: Filed, expected: string) {
  await page.goto(`${harness.server.url}/en/track/#${filed.number}:${filed.token}`);
  await page.reload();
  await page.locator("[data-status]").filter({ hasText: expected }).waitFor();
}

let journey: Filed;
let other: Filed;

describe("the partner desk", () => {
  it("an agent finds a request, answers, notes, is refused an incomplete escalation, then escalates", async () => {
    journey = await fileByApi("Shared mailbox rejects every message");
    other = await fileByForm(harness.browser, "Team site will not open");
    expect(other.number).toMatch(/^SR-/);

    const page = await harness.browser.newPage();
    await signIn(page, AGENT);
    expect(new URL(page.url()).pathname).toBe("/admin/queue");
    await page.selectOption("#queue-filters #field-severity", "A");
    await page.click("#queue-filters button[type=submit]");
    await page.waitForURL(/severity=A/);
    await page.locator(`tr[data-request="${journey.number}"]`).waitFor();
    expect(await page.locator(`tr[data-request="${other.number}"]`).count()).toBe(0);

    await page.click(`a[href="/admin/requests/${journey.number}"]`);
    await page.waitForURL(new RegExp(`/admin/requests/${journey.number}$`));

    await page.fill("#reply-body", "We are on it: the mailbox quota is being raised.");
    await page.click("#action-reply button[type=submit]");
    await page.locator(".notice").filter({ hasText: "The reply is sent" }).waitFor();
    expect(await trackedBodies(journey)).toContain(
      "We are on it: the mailbox quota is being raised.",
    );

    await page.fill("#note-body", "Quota raised from 50 GB to 100 GB in the tenant admin.");
    await page.click("#action-note button[type=submit]");
    await page.locator(".notice").filter({ hasText: "The internal note is added" }).waitFor();
    await page
      .locator('li[data-internal="true"]')
      .filter({ hasText: "Internal note — not shown to the customer" })
      .waitFor();
    expect(await trackedBodies(journey)).not.toContain(
      "Quota raised from 50 GB to 100 GB in the tenant admin.",
    );

    await page.click("a[data-escalate]");
    await page.waitForURL(/\/escalate$/);
    await page.fill("#field-description", "Mail bounces");
    await page.fill("#field-partnerContact", "");
    await page.click('#escalation-form button[value="escalate"]');
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    const refusal = (await summary.textContent()) ?? "";
    expect(refusal).toContain("Describe the problem in at least 30 characters");
    expect(refusal).toContain("Point the customer to self-troubleshooting first");
    expect(refusal).toContain("Give a contact the operator's engineer can reach");
    expect(await page.locator("#field-description-error").isVisible()).toBe(true);
    expect(await page.inputValue("#field-description")).toBe("Mail bounces");

    await page.fill(
      "#field-description",
      "Every message to the shared mailbox bounces; the quota was raised and it still bounces.",
    );
    await page.fill(
      "#field-stepsTried",
      "Raised the mailbox quota\nSent test messages from outside",
    );
    await page.check("#field-selfHelpOffered");
    await page.fill("#field-partnerContact", "Ada Agent, +41 44 000 00 00");
    await page.click('#escalation-form button[value="escalate"]');
    await page.waitForURL(new RegExp(`/admin/requests/${journey.number}\\?notice=`));
    await page.locator(".notice").filter({ hasText: "escalated to the operator" }).waitFor();
    expect(await page.locator("[data-status]").textContent()).toBe("Escalated to the operator");

    await page.click("header form button[type=submit]");
    await page.waitForURL(/\/admin\/sign-in/);
    await page.close();
  });

  it("the operator acknowledges and resolves it, the agent words the resolution, and the customer reads it", async () => {
    const page = await harness.browser.newPage();
    await signIn(page, OPERATOR);
    await page.goto(`${harness.server.url}/admin/escalations`);
    await page
      .locator('a[href^="/admin/escalations/"]')
      .filter({ hasText: journey.number })
      .click();
    await page.waitForURL(/\/admin\/escalations\/\d+/);
    const detail = page.url();

    await page.selectOption("form#escalation-update select[name=status]", "acknowledged");
    await page.fill("form#escalation-update input[name=operatorReference]", "OPS-4711");
    await page.fill(
      "form#escalation-update textarea[name=message]",
      "Looking at the transport rules.",
    );
    await page.click("form#escalation-update button[type=submit]");
    await page.waitForURL(/notice=/);

    const customer = await harness.browser.newPage();
    await trackingStatus(customer, journey, "Escalated to the operator");

    await page.goto(detail);
    await page.selectOption("form#escalation-update select[name=status]", "resolved");
    await page.fill("form#escalation-update textarea[name=message]", "A transport rule was fixed.");
    await page.click("form#escalation-update button[type=submit]");
    await page.waitForURL(/notice=/);

    // Back with the partner, not yet resolved for the customer.
    await trackingStatus(customer, journey, "In progress");
    expect((await trackedBodies(journey)).join("\n")).not.toContain("transport rule");

    const desk = await harness.browser.newPage();
    await signIn(desk, AGENT);
    await desk.goto(`${harness.server.url}/admin/requests/${journey.number}`);
    await desk
      .locator("[data-operator-resolution]")
      .filter({ hasText: "Resolved by the operator, awaiting your reply" })
      .waitFor();
    expect(await desk.inputValue("#resolve-body")).toBe("A transport rule was fixed.");
    await desk.fill(
      "#resolve-body",
      "A mail rule on the operator's side rejected your mailbox; it is fixed and mail arrives again.",
    );
    await desk.click("#action-resolve button[type=submit]");
    await desk.locator(".notice").filter({ hasText: "The request is resolved" }).waitFor();

    await trackingStatus(customer, journey, "Resolved");
    expect(await trackedBodies(journey)).toContain(
      "A mail rule on the operator's side rejected your mailbox; it is fixed and mail arrives again.",
    );
    await customer.close();
    await desk.close();
    await page.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no serious or critical axe violation on the desk's pages in ${scheme} mode`, async () => {
      const context = await harness.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${harness.server.url}/admin/sign-in`);
      const found: Record<string, string[]> = { "sign-in": await seriousViolations(page) };
      await signIn(page, AGENT);
      for (const [name, path] of [
        ["queue", "/admin/queue"],
        ["request", `/admin/requests/${other.number}`],
        ["escalation form", `/admin/requests/${other.number}/escalate`],
      ] as const) {
        await page.goto(`${harness.server.url}${path}`);
        found[name] = await seriousViolations(page);
      }
      expect(found).toEqual({
        "sign-in": [],
        queue: [],
        request: [],
        "escalation form": [],
      });
      await context.close();
    });
  }

  it("has no horizontal scrolling at 360 px on the queue and a request's page", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, AGENT);
    for (const path of ["/admin/queue", `/admin/requests/${journey.number}`]) {
      await page.goto(`${harness.server.url}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
