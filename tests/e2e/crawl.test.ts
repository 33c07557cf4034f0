import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CrawlResult, crawl } from "./crawl.ts";
import {
  addCustomerAndIncident,
  addStaff,
  escalateByApi,
  fileByApi,
  STAFF_PASSWORD,
  signIn,
} from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";
import { htmlErrors } from "./html-conformance.ts";

const ADMIN = "admin.crawl@partner.example";
const AGENT = "agent.crawl@partner.example";
const OPERATOR = "operator.crawl@operator.example";

let harness: Harness;
const crawls = new Map<string, CrawlResult>();
/** What must never appear in the server's log. */
const secrets = new Map<string, string>([["the staff password", STAFF_PASSWORD]]);

beforeAll(async () => {
  harness = await startHarness();
  const origin = harness.server.url;
  await addStaff(harness.databasePath, [
    { email: ADMIN, role: "admin" },
    { email: AGENT, role: "agent" },
    { email: OPERATOR, role: "operator" },
  ]);
  await addCustomerAndIncident(harness.databasePath);
  // A request of each kind the console shows: escalated, and one still in the queue.
  const escalated = await fileByApi(origin, "Outlook keeps asking for the password");
  const queued = await fileByApi(origin, "Team site will not open");
  secrets.set("a tracking token", escalated.token).set("another tracking token", queued.token);
  const context = await harness.browser.newContext();
  await escalateByApi(await signIn(context, origin, ADMIN), origin, escalated.number);
  await context.close();
});
afterAll(async () => {
  await harness?.stop();
});

const isConsole = (path: string) => path === "/admin" || path.startsWith("/admin/");

/** Crawls once per role and keeps the result for the tests below. */
async function crawlAs(role: "admin" | "agent" | "operator" | "reader"): Promise<CrawlResult> {
  const done = crawls.get(role);
  if (done) return done;
  const origin = harness.server.url;
  const context = await harness.browser.newContext();
  const email = { admin: ADMIN, agent: AGENT, operator: OPERATOR, reader: null }[role];
  if (email) await (await signIn(context, origin, email)).close();
  for (const cookie of await context.cookies()) {
    secrets.set(`${role}'s ${cookie.name} cookie`, cookie.value);
  }
  const result = email
    ? await crawl(context, { origin, start: ["/admin", "/api/docs"], follow: isConsole })
    : await crawl(context, {
        origin,
        start: ["/", "/admin/sign-in"],
        follow: (p) => !isConsole(p),
      });
  await context.close();
  crawls.set(role, result);
  return result;
}

// A crawl visits a few hundred pages; on a busy two-core machine that takes minutes, not seconds.
describe("every page a link leads to", { timeout: 300_000 }, () => {
  it("answers without a server error, a broken link or a script error for a reader of the help center", async () => {
    const result = await crawlAs("reader");
    expect(result.failures).toEqual([]);
    // Four languages of home, categories, articles, FAQ, search, contact, track and status.
    expect(result.visited.length).toBeGreaterThan(100);
  });

  for (const role of ["admin", "agent", "operator"] as const) {
    it(`answers without a server error, a broken link or a script error for a signed-in ${role}`, async () => {
      const result = await crawlAs(role);
      expect(result.failures).toEqual([]);
      expect(result.visited.length).toBeGreaterThan(3);
    });
  }

  it("reaches the customer, escalation and request pages of the console", async () => {
    const admin = await crawlAs("admin");
    for (const page of [
      /^\/admin\/customers\/\d+$/,
      /^\/admin\/escalations\/\d+$/,
      /^\/admin\/requests\/SR-/,
    ]) {
      expect(
        admin.visited.some((path) => page.test(path)),
        String(page),
      ).toBe(true);
    }
  });

  it("is valid HTML on every page of the help center and the console", async () => {
    const errors: Record<string, string[]> = {};
    for (const role of ["reader", "admin", "agent", "operator"] as const) {
      for (const [path, html] of (await crawlAs(role)).documents) {
        const found = await htmlErrors(html);
        if (found.length > 0) errors[path] = found;
      }
    }
    expect(errors).toEqual({});
  });

  it("leaves no secret in the server's log: no password, session cookie or tracking token", async () => {
    for (const role of ["reader", "admin", "agent", "operator"] as const) await crawlAs(role);
    const log = harness.server.output();
    expect(log).toContain("Frontline is running on");
    expect([...secrets].filter(([, value]) => log.includes(value)).map(([name]) => name)).toEqual(
      [],
    );
    expect(secrets.size).toBeGreaterThanOrEqual(6);
  });
});
