import {
  addSubscription,
  createCustomer,
  createIncident,
  createStaffUser,
  openDatabase,
  type StaffRole,
} from "@frontline/db";
import type { BrowserContext, Page } from "playwright-core";
import { hashPassword } from "../../apps/admin-api/src/platform/passwords.ts";

/** The password every staff account made by these fixtures signs in with. */
export const STAFF_PASSWORD = "a long passphrase for the desk";

type Database = ReturnType<typeof openDatabase>;

/** Opens the running server's SQLite file for one piece of work, as a second process would. */
export async function withDatabase<T>(
  databasePath: string,
  work: (db: Database["db"]) => Promise<T>,
): Promise<T> {
  const database = openDatabase(databasePath);
  try {
    return await work(database.db);
  } finally {
    database.close();
  }
}

/** Staff accounts made straight in the database, as an admin would through the console. */
export async function addStaff(
  databasePath: string,
  accounts: readonly { email: string; role: StaffRole }[],
): Promise<void> {
  const passwordHash = await hashPassword(STAFF_PASSWORD);
  await withDatabase(databasePath, async (db) => {
    for (const { email, role } of accounts) {
      await createStaffUser(
        db,
        { email, name: `Console ${role}`, role, passwordHash, mustChangePassword: false },
        new Date(),
      );
    }
  });
}

/** A customer with a subscription, and an incident on another service. Returns the customer's id. */
export async function addCustomerAndIncident(databasePath: string): Promise<number> {
  return withDatabase(databasePath, async (db) => {
    const now = new Date();
    const customer = await createCustomer(
      db,
      {
        organisation: "Contoso Ltd",
        tenantDomain: "contoso.example",
        contacts: [{ name: "Li Wei", email: "li.wei@contoso.example", phone: "+86 10 1234" }],
      },
      now,
    );
    await addSubscription(
      db,
      customer.id,
      { service: "mail", seats: 40, status: "active", renewalDate: new Date("2027-01-31") },
      now,
    );
    await createIncident(
      db,
      {
        service: "files",
        impact: "degraded",
        status: "investigating",
        startedAt: now,
        message: { en: "Team sites open slowly." },
      },
      now,
    );
    return customer.id;
  });
}

/** Signs in on the console's own form and waits to land on the role's start page. */
export async function signIn(context: BrowserContext, origin: string, email: string) {
  const page = await context.newPage();
  await page.goto(`${origin}/admin/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/admin/sign-in"));
  return page;
}

export interface Filed {
  readonly number: string;
  readonly token: string;
}

/** Files a request through the public API, as the help center's form does. */
export async function fileByApi(origin: string, subject: string): Promise<Filed> {
  const response = await fetch(`${origin}/api/v1/requests`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      locale: "en",
      category: "connectivity",
      service: "mail",
      severity: "A",
      subject,
      description: "Since this morning Outlook on three desktops asks for the password again.",
      organisation: "contoso.example",
      name: "Li Wei",
      email: "li.wei@contoso.example",
    }),
  });
  if (response.status !== 201) {
    throw new Error(`Filing answered ${response.status}: ${await response.text()}`);
  }
  const filed = (await response.json()) as { number: string; trackingToken: string };
  return { number: filed.number, token: filed.trackingToken };
}

/** Escalates a filed request with a complete packet, from a signed-in console page. */
export async function escalateByApi(page: Page, origin: string, number: string): Promise<number> {
  await page.goto(`${origin}/admin`);
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const draft = (await (
    await page.request.get(`${origin}/api/v1/desk/requests/${number}/escalation-draft`)
  ).json()) as { version: number; packet: Record<string, unknown> };
  const response = await page.request.post(`${origin}/api/v1/desk/requests/${number}/escalations`, {
    headers: { "X-CSRF-Token": csrf },
    data: {
      version: draft.version,
      packet: {
        ...draft.packet,
        stepsTried: ["Reset the password and cleared stored credentials"],
        selfHelpOffered: true,
      },
    },
  });
  if (response.status() !== 201) {
    throw new Error(`Escalating answered ${response.status()}: ${await response.text()}`);
  }
  return ((await response.json()) as { id: number }).id;
}
