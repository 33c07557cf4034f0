import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser } from "../../../test/browser.ts";
import { staffWithToken } from "../../../test/staff.ts";
import { readJson, type TestApp, testApp, validRequest } from "../../../test/test-app.ts";

type Test = TestApp;

/** Every console form target, read from the router, so new pages are covered without listing them. */
function consoleFormRoutes(app: Test["app"]) {
  const routes = new Set<string>();
  for (const route of app.routes) {
    if (!route.path.startsWith("/admin/") || route.path === "/admin/sign-in") continue;
    if (!["POST", "PUT", "PATCH", "DELETE"].includes(route.method)) continue;
    routes.add(`${route.method} ${route.path.replace(/:[a-zA-Z]+/g, "1")}`);
  }
  return [...routes];
}

/** Everything a refused form could have changed. */
async function snapshot(db: Test["db"]) {
  return JSON.stringify([
    await db.select().from(tablesOf(db).staffUsers),
    await db.select().from(tablesOf(db).apiTokens),
    await db.select().from(tablesOf(db).sessions),
    await db.$count(tablesOf(db).auditLog),
    await db.$count(tablesOf(db).requests),
  ]);
}

describe("CSRF protection of the console", () => {
  it("refuses every console form sent without the session's token, or with a wrong one, and changes nothing", async () => {
    const test = await testApp();
    const { browser } = await signedInBrowser(test.app, test.db, "admin");
    const routes = consoleFormRoutes(test.app);
    expect(routes).toEqual(
      expect.arrayContaining([
        "POST /admin/sign-out",
        "POST /admin/password",
        "POST /admin/users",
        "POST /admin/users/1/role",
        "POST /admin/users/1/disable",
        "POST /admin/users/1/enable",
        "POST /admin/users/1/reset-password",
        "POST /admin/tokens",
        "POST /admin/tokens/1/revoke",
      ]),
    );
    const before = await snapshot(test.db);
    const failures: string[] = [];
    for (const route of routes) {
      const [method = "POST", path = ""] = route.split(" ");
      const form = { email: "new.person@partner.example", name: "New", role: "operator" };
      for (const token of [undefined, "forged-token", ""]) {
        const response = await browser.request(path, {
          method,
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(token === undefined ? form : { ...form, _csrf: token }),
        });
        if (response.status !== 403) failures.push(`${route} with ${token} → ${response.status}`);
        else if (!(await response.text()).includes("This form has expired")) {
          failures.push(`${route} with ${token}: no explanation`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot(test.db)).toBe(before);
  });

  it("answers a form whose multipart body does not parse with a 400 page, and changes nothing", async () => {
    const test = await testApp();
    const { browser } = await signedInBrowser(test.app, test.db, "admin");
    const before = await snapshot(test.db);
    const response = await browser.request("/admin/users", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data" },
      body: "--x\r\nContent-Disposition: form-data; name=_csrf\r\n\r\nx\r\n--x--\r\n",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The form could not be read");
    expect(await snapshot(test.db)).toBe(before);
  });

  it("also refuses a token from another person's session", async () => {
    const test = await testApp();
    const admin = await signedInBrowser(test.app, test.db, "admin");
    const agent = await signedInBrowser(test.app, test.db, "agent", {
      email: "agent@partner.example",
    });
    const response = await admin.browser.post("/admin/tokens", { _csrf: agent.csrf, name: "x" });
    expect(response.status).toBe(403);
    expect(await test.db.$count(tablesOf(test.db).apiTokens)).toBe(0);
  });

  it("accepts the token in X-CSRF-Token as well, for scripts in the page", async () => {
    const test = await testApp();
    const { browser, csrf } = await signedInBrowser(test.app, test.db, "agent");
    const response = await browser.post(
      "/admin/tokens",
      { name: "laptop" },
      { "X-CSRF-Token": csrf },
    );
    expect(response.status).toBe(201);
  });
});

describe("CSRF protection of API calls made with a console session", () => {
  it("lets a session read without a token", async () => {
    const test = await testApp();
    const { browser } = await signedInBrowser(test.app, test.db, "agent");
    const me = await browser.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(await readJson(me)).toMatchObject({ role: "agent", via: "session" });
  });

  it("refuses changes without X-CSRF-Token, or with a wrong one, as a 403 problem", async () => {
    const test = await testApp();
    const { browser, csrf } = await signedInBrowser(test.app, test.db, "agent");
    const create = (headers: Record<string, string>) =>
      browser.request("/api/v1/tokens", {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ name: "script" }),
      });
    const attempts: Record<string, string>[] = [{}, { "X-CSRF-Token": "wrong" }];
    for (const headers of attempts) {
      const refused = await create(headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(await readJson(refused)).toMatchObject({
        title: "Missing or wrong CSRF token",
        type: "https://frontline.example/problems/csrf-token-invalid",
      });
    }
    expect(await test.db.$count(tablesOf(test.db).apiTokens)).toBe(0);
    expect((await create({ "X-CSRF-Token": csrf })).status).toBe(201);
  });

  it("does not ask bearer-token calls for a CSRF token, and the token wins over a cookie", async () => {
    const test = await testApp();
    const { browser } = await signedInBrowser(test.app, test.db, "agent");
    const { headers } = await staffWithToken(test.db, "operator", "op@partner.example");
    const response = await browser.request("/api/v1/me", { headers });
    expect(await readJson(response)).toMatchObject({ role: "operator", via: "token" });
    // Refused as a token call (tokens do not make tokens), not for a missing CSRF token.
    const created = await browser.request("/api/v1/tokens", {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "from a script" }),
    });
    expect(created.status).toBe(403);
    expect((await readJson(created)).type).toContain("session-required");
  });

  it("leaves the public help-center endpoints working for staff who are signed in", async () => {
    const test = await testApp();
    const { browser } = await signedInBrowser(test.app, test.db, "agent");
    const filed = await browser.request("/api/v1/requests", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(validRequest),
    });
    expect(filed.status).toBe(201);
  });
});
