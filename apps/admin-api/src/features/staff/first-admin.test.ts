import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getStaffUser, listStaffUsers, tablesOf } from "@frontline/db";
import { afterEach, describe, expect, it } from "vitest";
import {
  csrfFrom,
  signedInBrowser,
  staffWithPassword,
  submitSignIn,
  TEST_PASSWORD,
  TestBrowser,
} from "../../../test/browser.ts";
import { expectPage, expectRedirect } from "../../../test/console.ts";
import { readJson, testApp } from "../../../test/test-app.ts";
import { loadConfig } from "../../config.ts";
import { SESSION_COOKIE } from "../../platform/session.ts";
import { startServer } from "../../server.ts";
import { createFirstAdmin, FIRST_ADMIN_EMAIL, firstAdminNotice } from "./bootstrap.ts";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the first start on an empty database", () => {
  it("creates one admin with a one-time password, and nothing on later starts", async () => {
    const { db, clock } = await testApp();
    const first = await createFirstAdmin({ db, clock });
    expect(first?.email).toBe(FIRST_ADMIN_EMAIL);
    expect(first?.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await createFirstAdmin({ db, clock })).toBeNull();
    const users = await listStaffUsers(db);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      role: "admin",
      mustChangePassword: true,
      name: "Administrator",
    });
    expect(users[0]?.passwordHash).toMatch(/^scrypt\$/);
    expect(users[0]?.passwordHash).not.toContain(first?.password);
    const [entry] = await db.select().from(tablesOf(db).auditLog);
    expect(entry).toMatchObject({
      action: "user.create",
      actorLabel: "system",
      target: FIRST_ADMIN_EMAIL,
    });
  });

  it("does nothing when users already exist", async () => {
    const { db, clock } = await testApp();
    await staffWithPassword(db, "agent");
    expect(await createFirstAdmin({ db, clock })).toBeNull();
  });

  it("tells the person starting the server the email, the password, and that it must be changed", () => {
    const notice = firstAdminNotice(
      { email: FIRST_ADMIN_EMAIL, password: "Abcdefghjkmnpqrstuvw" },
      "http://localhost:3000/admin",
    );
    expect(notice).toContain("email:              admin@frontline.local");
    expect(notice).toContain("one-time password:  Abcdefghjkmnpqrstuvw");
    expect(notice).toContain("must be changed at first sign-in");
    expect(notice).toContain("http://localhost:3000/admin");
  });

  it("lets the real server's first admin sign in over HTTP and sends them to change the password", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frontline-first-"));
    folders.push(dir);
    const config = loadConfig({
      PORT: "0",
      DATABASE_URL: join(dir, "first.db"),
      HELP_CENTER_DIST: dir,
    });
    const server = await startServer(config);
    try {
      expect(server.firstAdmin?.email).toBe(FIRST_ADMIN_EMAIL);
      const http = {
        request: (path: string, init?: RequestInit) => fetch(path, { ...init, redirect: "manual" }),
      };
      const browser = new TestBrowser(http, server.url);
      const response = await submitSignIn(
        browser,
        FIRST_ADMIN_EMAIL,
        server.firstAdmin?.password ?? "",
      );
      expectRedirect(response, "/admin/password");
    } finally {
      await server.close();
    }
    // A second start finds the admin and creates no other.
    const again = await startServer(config);
    expect(again.firstAdmin).toBeNull();
    await again.close();
  });
});

async function oneTimeSignIn() {
  const test = await testApp();
  const user = await staffWithPassword(test.db, "admin", { mustChangePassword: true });
  const browser = new TestBrowser(test.app);
  const response = await submitSignIn(browser, user.email, TEST_PASSWORD);
  return { ...test, user, browser, response };
}

describe("signing in with a one-time password", () => {
  it("goes straight to the password page", async () => {
    const { response, browser } = await oneTimeSignIn();
    expect(response.headers.get("location")).toBe("/admin/password");
    const page = await (await browser.get("/admin/password")).text();
    expect(page).toContain("You signed in with a one-time password.");
    // The navigation stays hidden until the password is changed.
    expect(page).not.toContain('aria-label="Sections"');
  });

  it("opens no other console page, and accepts no other form, until the password is changed", async () => {
    const { browser, db } = await oneTimeSignIn();
    for (const path of ["/admin", "/admin/users", "/admin/tokens", "/admin/queue"]) {
      const response = await browser.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe("/admin/password");
    }
    const csrf = csrfFrom(await (await browser.get("/admin/password")).text());
    const post = await browser.post("/admin/tokens", { _csrf: csrf, name: "sneaky" });
    expect(post.headers.get("location")).toBe("/admin/password");
    expect(await db.$count(tablesOf(db).apiTokens)).toBe(0);
  });

  it("refuses API calls made with the session, explaining why", async () => {
    const { browser } = await oneTimeSignIn();
    const response = await browser.get("/api/v1/me");
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await readJson(response)).toMatchObject({
      title: "Change your password first",
      detail: expect.stringContaining("/admin/password"),
    });
  });

  it("opens the desk once a new password is chosen, which then is the only one that works", async () => {
    const { browser, db, user, app } = await oneTimeSignIn();
    const csrf = csrfFrom(await (await browser.get("/admin/password")).text());
    const new_ = "a much longer passphrase of mine";
    const changed = await browser.post("/admin/password", {
      _csrf: csrf,
      current: TEST_PASSWORD,
      password: new_,
      confirm: new_,
    });
    expectRedirect(changed, "/admin?notice=password-changed");
    // The first admin starts at the queue; the confirmation goes along.
    const start = await browser.get("/admin?notice=password-changed");
    expect(start.headers.get("location")).toBe("/admin/queue?notice=password-changed");
    const home = await browser.get("/admin/queue?notice=password-changed");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Your password is changed.");
    expect((await getStaffUser(db, user.id))?.mustChangePassword).toBe(false);
    expect((await browser.get("/api/v1/me")).status).toBe(200);

    expect((await submitSignIn(new TestBrowser(app), user.email, TEST_PASSWORD)).status).toBe(422);
    expect((await submitSignIn(new TestBrowser(app), user.email, new_)).status).toBe(303);
  });
});

describe("changing one's password", () => {
  const cases: [string, Record<string, string>, string, string][] = [
    [
      "a short new password",
      { password: "short", confirm: "short" },
      "password",
      "Use at least 12 characters.",
    ],
    [
      "a wrong current password",
      {
        current: "not my password!",
        password: "brand new passphrase",
        confirm: "brand new passphrase",
      },
      "current",
      "This is not your current password.",
    ],
    [
      "two different new passwords",
      { password: "brand new passphrase", confirm: "brand new passphrase?" },
      "confirm",
      "The two new passwords differ.",
    ],
    [
      "the same password again",
      { password: TEST_PASSWORD, confirm: TEST_PASSWORD },
      "password",
      "Choose a password different from the current one.",
    ],
  ];

  it.each(cases)("shows the error next to the field for %s", async (_, form, field, message) => {
    const { app, db } = await testApp();
    const { browser, csrf } = await signedInBrowser(app, db, "agent");
    const response = await browser.post("/admin/password", {
      _csrf: csrf,
      current: TEST_PASSWORD,
      ...form,
    });
    const html = await expectPage(
      response,
      422,
      `<span class="field-error" id="field-${field}-error">`,
      message,
      `href="#field-${field}"`,
    );
    // Passwords are never written back into the page.
    for (const value of Object.values(form)) expect(html).not.toContain(`value="${value}"`);
  });

  it("signs out the user's other sessions but keeps this one", async () => {
    const { app, db } = await testApp();
    const { browser, user } = await signedInBrowser(app, db, "agent");
    const elsewhere = new TestBrowser(app);
    await submitSignIn(elsewhere, user.email, TEST_PASSWORD);
    expect((await elsewhere.get("/admin/tokens")).status).toBe(200);
    const next = "my second passphrase";
    await browser.submit("/admin/password", {
      current: TEST_PASSWORD,
      password: next,
      confirm: next,
    });
    expect((await browser.get("/admin/tokens")).status).toBe(200);
    expect((await elsewhere.get("/admin/tokens")).status).toBe(302);
    expect(browser.cookies.get(SESSION_COOKIE)).toBeDefined();
  });
});
