import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomerAndIncident, addStaff, STAFF_PASSWORD } from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";

const ADMIN = "portal.admin@partner.example";
const AGENT = "portal.agent@partner.example";
const PORTAL = "https://portal.operator.example";

let harness: Harness;
let customerId: number;
beforeAll(async () => {
  harness = await startHarness();
  await addStaff(harness.databasePath, [
    { email: ADMIN, role: "admin" },
    { email: AGENT, role: "agent" },
  ]);
  customerId = await addCustomerAndIncident(harness.databasePath);
});
afterAll(async () => {
  await harness?.stop();
});

async function signIn(page: Page, email: string) {
  await page.goto(`${harness.server.url}/admin/sign-in`);
  await page.fill("#field-email", email);
  await page.fill("#field-password", STAFF_PASSWORD);
  await page.click("main form button[type=submit]");
  await page.waitForURL((url) => url.pathname !== "/admin/sign-in");
}

describe("acting on the customer's behalf", () => {
  it("an admin sets the mail portal, an agent follows it for Contoso, and the audit log shows who did", async () => {
    const admin = await harness.browser.newPage();
    await signIn(admin, ADMIN);
    await admin.goto(`${harness.server.url}/admin/portals`);
    await admin.fill("#urlTemplate-mail", `${PORTAL}/partner/customers/{tenant}/mail`);
    await admin.click('form[action="/admin/portals/mail"] button[type=submit]');
    await admin.waitForURL(/notice=portal-saved/);

    const agent = await harness.browser.newPage();
    // The operator's portal is outside this machine (and a route cannot answer for a
    // redirect's target), so the test records where the browser was sent.
    await signIn(agent, AGENT);
    await agent.goto(`${harness.server.url}/admin/customers/${customerId}`);
    expect(await agent.locator("[data-delegated-access=none]").textContent()).toContain(
      "Contoso Ltd has not granted delegated admin access",
    );
    const sentTo: { url: string; from: string | undefined }[] = [];
    agent.context().on("request", (request) => {
      sentTo.push({ url: request.url(), from: request.redirectedFrom()?.url() });
    });
    await agent.click("text=Open the Email and calendar admin portal for Contoso Ltd");
    await expect
      .poll(() => sentTo.find((r) => r.url.startsWith(PORTAL)), { timeout: 20_000 })
      .toEqual({
        url: `${PORTAL}/partner/customers/contoso.example/mail`,
        from: `${harness.server.url}/admin/customers/${customerId}/portals/mail`,
      });

    await admin.goto(`${harness.server.url}/admin/audit?action=portal.open`);
    const row = admin.locator("tbody tr").first();
    expect(await row.textContent()).toContain(AGENT);
    expect(await row.textContent()).toContain(`customer:${customerId}`);
  });
});
