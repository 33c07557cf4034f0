import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import {
  csrfFrom,
  signedInBrowser,
  staffWithPassword,
  submitSignIn,
  TEST_PASSWORD,
  TestBrowser,
} from "../../../test/browser.ts";
import { expectPage, expectRedirect } from "../../../test/console.ts";
import { testApp } from "../../../test/test-app.ts";
import { sha256 } from "../../platform/auth.ts";
import { SESSION_COOKIE } from "../../platform/session.ts";
import { MAX_LOCK_MS, signInLockMs } from "./backoff.ts";

const sessionCookie = (response: Response) =>
  response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));

describe("signing in with a password", () => {
  it("starts a session and sends the person to the desk", async () => {
    const { app, db } = await testApp();
    const user = await staffWithPassword(db, "agent");
    const browser = new TestBrowser(app);
    const response = await submitSignIn(browser, "AGENT.person@partner.example ", TEST_PASSWORD);
    expectRedirect(response, "/admin");
    // Agents start at the queue.
    const start = await browser.get("/admin");
    expect(start.headers.get("location")).toBe("/admin/queue");
    const home = await browser.get("/admin/queue");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`${user.name} <span class="role">(Agent)</span>`);
  });

  it("stores only a hash of the session cookie", async () => {
    const { app, db } = await testApp();
    const { browser } = await signedInBrowser(app, db, "agent");
    const value = browser.cookies.get(SESSION_COOKIE)?.value ?? "";
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.select().from(tablesOf(db).sessions);
    expect(rows.map((r) => r.id)).toEqual([sha256(value)]);
    expect(JSON.stringify(rows)).not.toContain(value);
  });

  it("says only 'wrong email or password', whether the email or the password is wrong", async () => {
    const { app, db } = await testApp();
    await staffWithPassword(db, "agent");
    const wrongPassword = await submitSignIn(
      new TestBrowser(app),
      "agent.person@partner.example",
      "not the password at all",
    );
    const unknownEmail = await submitSignIn(
      new TestBrowser(app),
      "nobody@partner.example",
      TEST_PASSWORD,
    );
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.status).toBe(422);
      expect(sessionCookie(response)).toBeUndefined();
      const html = await response.text();
      expect(html).toContain("Wrong email or password.");
      expect(html).not.toContain("Too many attempts");
    }
    expect(await db.$count(tablesOf(db).sessions)).toBe(0);
  });

  it("keeps the typed email but never echoes the password when the form comes back", async () => {
    const { app, db } = await testApp();
    await staffWithPassword(db, "agent");
    const response = await submitSignIn(
      new TestBrowser(app),
      "agent.person@partner.example",
      "a wrong secret value",
    );
    const html = await response.text();
    expect(html).toContain('value="agent.person@partner.example"');
    expect(html).not.toContain("a wrong secret value");
  });

  it("names each empty field next to it", async () => {
    const { app } = await testApp();
    const response = await submitSignIn(new TestBrowser(app), "", "");
    await expectPage(
      response,
      422,
      'id="field-email-error"',
      "Enter your email address.",
      "Enter your password.",
      'aria-invalid="true"',
    );
  });

  it("refuses a disabled user even with the right password", async () => {
    const { app, db } = await testApp();
    const user = await staffWithPassword(db, "agent");
    await db.update(tablesOf(db).staffUsers).set({ disabled: true });
    const response = await submitSignIn(new TestBrowser(app), user.email, TEST_PASSWORD);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This account is disabled");
    expect(await db.$count(tablesOf(db).sessions)).toBe(0);
  });
});

describe("growing back-off after failed sign-ins", () => {
  it("waits nothing for two failures, then 1 s, 2 s, 4 s … and never more than 15 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 12, 13, 40].map(signInLockMs)).toEqual([
      0,
      0,
      1_000,
      2_000,
      4_000,
      8_000,
      512_000,
      MAX_LOCK_MS,
      MAX_LOCK_MS,
    ]);
  });

  it("locks the email from that address after the third failure, even for the right password, until the wait is over", async () => {
    const { app, db, clock } = await testApp();
    const user = await staffWithPassword(db, "agent");
    const attempt = (password: string) => submitSignIn(new TestBrowser(app), user.email, password);

    expect((await attempt("wrong password 1")).status).toBe(422);
    expect((await attempt("wrong password 2")).status).toBe(422);
    const third = await attempt("wrong password 3");
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("1");
    expect(await third.text()).toContain(
      "Wrong email or password. Too many attempts, try again in 1 second.",
    );

    const locked = await attempt(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Too many attempts, try again in 1 second.");
    expect(sessionCookie(locked)).toBeUndefined();

    clock.set("2026-11-21T09:30:01Z");
    const fourth = await attempt("wrong password 4");
    expect(await fourth.text()).toContain("try again in 2 seconds");
    clock.set("2026-11-21T09:30:02Z");
    expect(await (await attempt(TEST_PASSWORD)).text()).toContain("try again in 1 second");

    clock.set("2026-11-21T09:30:03Z");
    const success = await attempt(TEST_PASSWORD);
    expect(success.status).toBe(303);
    // A right password leaves no trace of the failures before it.
    expect(await db.$count(tablesOf(db).signInThrottle)).toBe(0);
  });

  it("counts failures per account, so one person's typos do not lock another", async () => {
    const { app, db } = await testApp();
    const agent = await staffWithPassword(db, "agent");
    const admin = await staffWithPassword(db, "admin");
    for (const n of [1, 2, 3]) await submitSignIn(new TestBrowser(app), agent.email, `wrong ${n}`);
    expect((await submitSignIn(new TestBrowser(app), admin.email, TEST_PASSWORD)).status).toBe(303);
  });
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, for the whole site, for 12 hours, and not Secure over plain HTTP", async () => {
    const { app, db } = await testApp();
    const user = await staffWithPassword(db, "agent");
    const line = sessionCookie(await submitSignIn(new TestBrowser(app), user.email, TEST_PASSWORD));
    const attributes = line?.split(";").map((a) => a.trim().toLowerCase()) ?? [];
    expect(attributes).toEqual(
      expect.arrayContaining(["httponly", "samesite=lax", "path=/", "max-age=43200"]),
    );
    expect(attributes).not.toContain("secure");
  });

  it("is Secure when the browser came over HTTPS, directly or through a trusted proxy", async () => {
    const direct = await testApp({ trustedProxies: 0 });
    const user = await staffWithPassword(direct.db, "agent");
    const https = new TestBrowser(direct.app, "https://desk.test");
    expect(sessionCookie(await submitSignIn(https, user.email, TEST_PASSWORD))).toMatch(/; Secure/);

    const proxied = await testApp({ trustedProxies: 1 });
    const other = await staffWithPassword(proxied.db, "agent");
    const behindProxy = new TestBrowser(proxied.app);
    behindProxy.headers = { "X-Forwarded-Proto": "https" };
    expect(sessionCookie(await submitSignIn(behindProxy, other.email, TEST_PASSWORD))).toMatch(
      /; Secure/,
    );
  });

  it("ignores X-Forwarded-Proto from a proxy that is not trusted", async () => {
    const { app, db } = await testApp({ trustedProxies: 0 });
    const user = await staffWithPassword(db, "agent");
    const browser = new TestBrowser(app);
    browser.headers = { "X-Forwarded-Proto": "https" };
    expect(sessionCookie(await submitSignIn(browser, user.email, TEST_PASSWORD))).not.toMatch(
      /Secure/,
    );
  });

  it("is replaced at every sign-in, and the session the browser brought stops working", async () => {
    const { app, db } = await testApp();
    const { browser, user } = await signedInBrowser(app, db, "agent");
    const before = browser.cookies.get(SESSION_COOKIE)?.value ?? "";
    // A browser that already holds a session (or one planted by an attacker) signs in again.
    const again = new TestBrowser(app);
    const form = csrfFrom(await (await again.get("/admin/sign-in")).text());
    again.cookies.set(SESSION_COOKIE, { value: before, attributes: "", path: "/" });
    const response = await again.post("/admin/sign-in", {
      _csrf: form,
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(303);
    const after = again.cookies.get(SESSION_COOKIE)?.value;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect((await browser.get("/admin/tokens")).status).toBe(302);
    expect((await again.get("/admin/tokens")).status).toBe(200);
    expect(await db.$count(tablesOf(db).sessions)).toBe(1);
  });

  it("expires 12 hours after sign-in", async () => {
    const { app, db, clock } = await testApp();
    const { browser } = await signedInBrowser(app, db, "agent");
    clock.set("2026-11-21T21:29:59Z");
    expect((await browser.get("/admin/tokens")).status).toBe(200);
    clock.set("2026-11-21T21:30:00Z");
    expect((await browser.get("/admin/tokens")).status).toBe(302);
  });
});

describe("after signing in", () => {
  it("goes back to the page that asked for sign-in", async () => {
    const { app, db } = await testApp();
    const user = await staffWithPassword(db, "admin");
    const browser = new TestBrowser(app);
    const asked = await browser.get("/admin/users?notice=role-changed");
    expect(asked.headers.get("location")).toBe(
      "/admin/sign-in?next=%2Fadmin%2Fusers%3Fnotice%3Drole-changed",
    );
    const response = await submitSignIn(browser, user.email, TEST_PASSWORD, "/admin/users?x=1");
    expect(response.headers.get("location")).toBe("/admin/users?x=1");
  });

  it.each([
    "//evil.example/admin",
    "https://evil.example/admin",
    "/\\evil.example",
    "/en/",
    "javascript:alert(1)",
  ])("never follows %s out of the desk", async (next) => {
    const { app, db } = await testApp();
    const user = await staffWithPassword(db, "agent");
    const response = await submitSignIn(new TestBrowser(app), user.email, TEST_PASSWORD, next);
    expect(response.headers.get("location")).toBe("/admin");
  });

  it("skips the sign-in form for someone already signed in", async () => {
    const { app, db } = await testApp();
    const { browser } = await signedInBrowser(app, db, "agent");
    const response = await browser.get("/admin/sign-in?next=/admin/tokens");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/tokens");
  });
});

describe("signing out", () => {
  it("ends the session on the server and clears the cookie", async () => {
    const { app, db } = await testApp();
    const { browser } = await signedInBrowser(app, db, "operator");
    const value = browser.cookies.get(SESSION_COOKIE)?.value;
    const response = await browser.submit("/admin/sign-out");
    expectRedirect(response, "/admin/sign-in?notice=signed-out");
    expect(sessionCookie(response)).toMatch(/Max-Age=0/);
    expect(await db.$count(tablesOf(db).sessions)).toBe(0);
    const reused = await app.request("/admin", {
      headers: { Cookie: `${SESSION_COOKIE}=${value}` },
    });
    expect(reused.status).toBe(302);
    expect(await (await browser.get("/admin/sign-in?notice=signed-out")).text()).toContain(
      "You are signed out.",
    );
  });

  it("needs the form's CSRF token, so another site cannot sign people out", async () => {
    const { app, db } = await testApp();
    const { browser } = await signedInBrowser(app, db, "agent");
    expect((await browser.post("/admin/sign-out", {})).status).toBe(403);
    expect(await db.$count(tablesOf(db).sessions)).toBe(1);
  });
});

describe("the sign-in form's own CSRF protection", () => {
  it("refuses a sign-in posted without the token of the form the browser loaded", async () => {
    const { app, db } = await testApp();
    const user = await staffWithPassword(db, "agent");
    const browser = new TestBrowser(app);
    const response = await browser.post("/admin/sign-in", {
      email: user.email,
      password: TEST_PASSWORD,
      _csrf: "forged",
    });
    const html = await expectPage(response, 403, "The sign-in form had expired");
    expect(await db.$count(tablesOf(db).sessions)).toBe(0);
    // The page it shows carries a fresh token, so trying again works.
    const retry = await browser.post("/admin/sign-in", {
      email: user.email,
      password: TEST_PASSWORD,
      _csrf: csrfFrom(html),
    });
    expect(retry.status).toBe(303);
  });
});

describe("sign-in forms that cannot be read", () => {
  it("answers a multipart body that does not parse with a 400 page, not a 500", async () => {
    const { app, db } = await testApp();
    for (const type of ["multipart/form-data", "multipart/form-data; boundary=other"]) {
      const response = await new TestBrowser(app).request("/admin/sign-in", {
        method: "POST",
        headers: { "Content-Type": type },
        body: "--fuzz\r\nContent-Disposition: form-data; name=email\r\n\r\nx\r\n--fuzz--\r\n",
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("The form could not be read");
    }
    expect(await db.$count(tablesOf(db).auditLog)).toBe(0);
  });
});
