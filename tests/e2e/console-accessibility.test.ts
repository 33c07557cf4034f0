import {
  addSubscription,
  createCustomer,
  createIncident,
  createStaffUser,
  openDatabase,
} from "@frontline/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../apps/admin-api/src/platform/passwords.ts";
import { seriousViolations } from "./axe.ts";
import { type Harness, startHarness } from "./harness.ts";

const PASSWORD = "console pages for every keyboard";
const ADMIN = "admin.console@partner.example";
const OPERATOR = "operator.console@partner.example";

let harness: Harness;
let customerId = 0;
let escalationId = 0;

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${harness.server.url}/admin/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Each role lands on its own start page; what matters is leaving the sign-in page.
  await page.waitForURL((url) => !url.pathname.startsWith("/admin/sign-in"));
  return page;
}

/** A request filed on the help center's API and escalated by the admin with a complete packet. */
async function escalate(page: Page): Promise<number> {
  const filed = await fetch(`${harness.server.url}/api/v1/requests`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      locale: "en",
      category: "connectivity",
      service: "mail",
      severity: "A",
      subject: "Outlook keeps asking for the password",
      description: "Since this morning Outlook on three desktops asks for the password again.",
      organisation: "contoso.example",
      name: "Li Wei",
      email: "li.wei@contoso.example",
    }),
  });
  const { number } = (await filed.json()) as { number: string };
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const draft = (await (
    await page.request.get(`${harness.server.url}/api/v1/desk/requests/${number}/escalation-draft`)
  ).json()) as { version: number; packet: Record<string, unknown> };
  const response = await page.request.post(
    `${harness.server.url}/api/v1/desk/requests/${number}/escalations`,
    {
      headers: { "X-CSRF-Token": csrf },
      data: {
        version: draft.version,
        packet: {
          ...draft.packet,
          stepsTried: ["Reset the password and cleared stored credentials"],
          selfHelpOffered: true,
        },
      },
    },
  );
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

beforeAll(async () => {
  harness = await startHarness();
  const database = openDatabase(harness.databasePath);
  try {
    const now = new Date();
    const passwordHash = await hashPassword(PASSWORD);
    for (const [email, role] of [
      [ADMIN, "admin"],
      [OPERATOR, "operator"],
    ] as const) {
      await createStaffUser(
        database.db,
        { email, name: `Console ${role}`, role, passwordHash, mustChangePassword: false },
        now,
      );
    }
    const customer = await createCustomer(
      database.db,
      {
        organisation: "Contoso Ltd",
        tenantDomain: "contoso.example",
        contacts: [{ name: "Li Wei", email: "li.wei@contoso.example", phone: "+86 10 1234" }],
      },
      now,
    );
    customerId = customer.id;
    await addSubscription(
      database.db,
      customer.id,
      { service: "mail", seats: 40, status: "active", renewalDate: new Date("2027-01-31") },
      now,
    );
    await createIncident(
      database.db,
      {
        service: "files",
        impact: "degraded",
        status: "investigating",
        startedAt: now,
        message: { en: "Team sites open slowly." },
      },
      now,
    );
  } finally {
    database.close();
  }
  const context = await harness.browser.newContext();
  escalationId = await escalate(await signIn(context, ADMIN));
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
];

describe("the console's escalation, incident and customer pages", () => {
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
