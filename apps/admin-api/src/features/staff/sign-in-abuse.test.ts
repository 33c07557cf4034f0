import { tablesOf } from "@frontline/db";
import { describe, expect, it, vi } from "vitest";
import {
  staffWithPassword,
  submitSignIn,
  TEST_PASSWORD,
  TestBrowser,
} from "../../../test/browser.ts";
import { type TestApp, testApp } from "../../../test/test-app.ts";
import { defaultRateLimits } from "../../platform/deps.ts";
import { hashQueueLength, holdHashSlotsForTests } from "../../platform/passwords.ts";

type App = TestApp["app"];

/** A browser behind the (trusted) proxy, seen as `address`. */
function browserAt(app: App, address: string): TestBrowser {
  const browser = new TestBrowser(app);
  browser.headers = { "X-Forwarded-For": address };
  return browser;
}

describe("sign-in under attack", () => {
  it("lets the real person in from their own address while a guesser elsewhere is locked out", async () => {
    const { app, db } = await testApp();
    const user = await staffWithPassword(db, "admin");
    for (let i = 0; i < 6; i++) {
      await submitSignIn(browserAt(app, "203.0.113.66"), user.email, `guess ${i}`);
    }
    const guesser = await submitSignIn(browserAt(app, "203.0.113.66"), user.email, TEST_PASSWORD);
    expect(guesser.status).toBe(429);
    const owner = await submitSignIn(browserAt(app, "198.51.100.7"), user.email, TEST_PASSWORD);
    expect(owner.status).toBe(303);
  });

  it("answers an unknown email exactly as a real one, lock included", async () => {
    const { app, db } = await testApp();
    const user = await staffWithPassword(db, "agent");
    const answers = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await submitSignIn(browserAt(app, "203.0.113.9"), email, `guess ${i}`);
        const text = await response.text();
        const message = /Wrong email or password[^<]*|Too many attempts[^<]*/.exec(text)?.[0];
        seen.push(`${response.status} ${response.headers.get("retry-after")} ${message}`);
      }
      return seen;
    };
    const real = await answers(user.email);
    expect(await answers("nobody@partner.example")).toEqual(real);
    expect(real.at(-1)).toMatch(/^429 \d+ Too many attempts/);
  });

  it("writes every attempt to the audit log, the unknown email and the address included", async () => {
    const { app, db } = await testApp();
    await submitSignIn(browserAt(app, "203.0.113.5"), "ghost@partner.example", "guess");
    const [entry] = await db.select().from(tablesOf(db).auditLog);
    expect(entry).toMatchObject({
      action: "sign-in.failed",
      target: "ghost@partner.example",
      clientAddress: "203.0.113.5",
    });
    expect(entry?.detail).toMatchObject({ reason: "unknown-email" });
  });

  it("limits attempts per address before any password is hashed, with a page that says when to return", async () => {
    const { app, db } = await testApp({
      rateLimits: { ...defaultRateLimits, signIn: { limit: 3, windowMs: 60_000 } },
    });
    const user = await staffWithPassword(db, "agent");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const browser = browserAt(app, "2001:db8:7:7::1");
      statuses.push((await submitSignIn(browser, `person${i}@partner.example`, "x")).status);
    }
    expect(statuses.slice(0, 3)).toEqual([422, 422, 422]);
    expect(statuses[3]).toBe(429);
    // The same /64 is the same client; another network is not.
    const sameNetwork = await submitSignIn(
      browserAt(app, "2001:db8:7:7::2"),
      user.email,
      TEST_PASSWORD,
    );
    expect(sameNetwork.status).toBe(429);
    expect(Number(sameNetwork.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await sameNetwork.text()).toContain("Try again in");
    const elsewhere = await submitSignIn(
      browserAt(app, "2001:db8:8::1"),
      user.email,
      TEST_PASSWORD,
    );
    expect(elsewhere.status).toBe(303);
  });

  it("limits attempts from everyone together", async () => {
    const { app } = await testApp({
      rateLimits: { ...defaultRateLimits, signInOverall: { limit: 5, windowMs: 60_000 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const browser = browserAt(app, `203.0.113.${i + 1}`);
      statuses.push((await submitSignIn(browser, "a@partner.example", "x")).status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });

  it("hashes only a few passwords at once and tells the rest of a flood to come back", async () => {
    const { app } = await testApp({
      rateLimits: {
        ...defaultRateLimits,
        signIn: { limit: 1_000, windowMs: 60_000 },
        signInOverall: { limit: 1_000, windowMs: 60_000 },
      },
    });
    // Open the forms first, so the flood below is only password checks.
    const browsers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const browser = browserAt(app, `198.51.100.${i + 1}`);
        const page = await browser.get("/admin/sign-in");
        return { browser, csrf: /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "" };
      }),
    );
    // One ordinary wrong guess first: the server has checked a password before the flood.
    expect(
      (await submitSignIn(browserAt(app, "198.51.100.200"), "x@partner.example", "x")).status,
    ).toBe(422);
    // Two long hashes hold both slots while the flood arrives: 16 wait, the rest must come back.
    const release = holdHashSlotsForTests();
    let answered = 0;
    const flood = browsers.map(async ({ browser, csrf }, i) => {
      const answer = await browser.post("/admin/sign-in", {
        _csrf: csrf,
        email: `flood${i}@partner.example`,
        password: "guess",
        next: "",
      });
      answered += 1;
      return answer;
    });
    await vi.waitFor(() => expect(answered).toBe(browsers.length - hashQueueLength), {
      timeout: 20_000,
    });
    release();
    const answers = await Promise.all(flood);
    const statuses = answers.map((a) => a.status);
    // Those that waited were checked (a wrong password); the others were asked to come back.
    expect(statuses.filter((s) => s === 422)).toHaveLength(hashQueueLength);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy).toHaveLength(browsers.length - hashQueueLength);
    expect(busy[0]?.headers.get("retry-after")).toBe("5");
    expect(await busy[0]?.text()).toContain("try again in a few seconds");
  });
});
