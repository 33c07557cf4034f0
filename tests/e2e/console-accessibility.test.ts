import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.ts";
import {
  addCustomerAndIncident,
  addStaff,
  escalateByApi,
  fileByApi,
  signIn as signInAt,
} from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";

const ADMIN = "admin.console@partner.example";
const OPERATOR = "operator.console@partner.example";

let harness: Harness;
let customerId = 0;
let escalationId = 0;

const signIn = (context: BrowserContext, email: string) =>
  signInAt(context, harness.server.url, email);

beforeAll(async () => {
  harness = await startHarness();
  await addStaff(harness.databasePath, [
    { email: ADMIN, role: "admin" },
    { email: OPERATOR, role: "operator" },
  ]);
  customerId = await addCustomerAndIncident(harness.databasePath);
  const filed = await fileByApi(harness.server.url, "Outlook keeps asking for the password");
  const context = await harness.browser.newContext();
  escalationId = await escalateByApi(
    await signIn(context, ADMIN),
    harness.server.url,
    filed.number,
  );
  await context.close();
});
afterAll(async () => {
  await harness?.stop();
});

const pages = () => [
  ["escalations", "/admin/escalations"],
  ["escalation", `/admin/escalations/${escalationId}`],
  ["incidents", "/admin/incidents"],
  ["customers", "/admin/customers"],
  ["customer", `/admin/customers/${customerId}`],
  ["admin portals", "/admin/portals"],
  ["retention", "/admin/retention"],
];

describe("the console's escalation, incident, customer and settings pages", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`have no serious or critical axe violation in ${scheme} mode, forms with errors included`, async () => {
      const context = await harness.browser.newContext({ colorScheme: scheme });
      const page = await signIn(context, ADMIN);
      for (const [name, path] of pages()) {
        await page.goto(`${harness.server.url}${path}`);
        expect(await seriousViolations(page), name).toEqual([]);
      }
      // A refused form: the error summary and the errors next to the fields.
      await page.goto(`${harness.server.url}/admin/customers`);
      await page.locator("#customer-create").getByRole("button", { name: "Add customer" }).click();
      await page.getByRole("alert").waitFor();
      expect(await seriousViolations(page), "customer form with errors").toEqual([]);
      await context.close();
    });
  }

  it("need no sideways scrolling at 360 px", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await signIn(context, ADMIN);
    for (const [name, path] of pages()) {
      await page.goto(`${harness.server.url}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it("show an operator, landing on the escalation list, every column at 1,280 px without scrolling", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await signIn(context, OPERATOR);
    await page.goto(`${harness.server.url}/admin`);
    await page.waitForURL(/\/admin\/escalations$/);
    const fit = await page.evaluate(() => {
      const wrap = document.querySelector("#escalations")?.closest(".table-wrap");
      const table = document.querySelector("#escalations");
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        table: (table?.scrollWidth ?? 0) - (wrap?.clientWidth ?? 0),
        headers: [...document.querySelectorAll("#escalations th")].filter(
          (th) => th.getBoundingClientRect().width > 0,
        ).length,
      };
    });
    expect(fit).toEqual({ page: 0, table: expect.any(Number), headers: 10 });
    expect(fit.table).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("let an operator acknowledge an escalation with the keyboard alone", async () => {
    const context = await harness.browser.newContext();
    const page = await signIn(context, OPERATOR);
    await page.goto(`${harness.server.url}/admin/escalations`);
    const nav = page.getByRole("navigation", { name: "Sections" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Escalations", "Incidents"]);
    await page
      .getByRole("link", { name: /escalation$/ })
      .first()
      .focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/escalations\/\d+$/);
    await page.getByLabel("New status").focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.type("OP-4471");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Looking at the mailbox now.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/notice=escalation-updated/);
    await expect.poll(() => page.locator("#escalation-status").textContent()).toBe("Acknowledged");
    await context.close();
  });
});
