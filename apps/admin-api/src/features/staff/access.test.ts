import type { StaffRole } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { consoleTest } from "../../../test/console.ts";
import { staffWithToken } from "../../../test/staff.ts";
import { readJson, testApp } from "../../../test/test-app.ts";

const everyone: StaffRole[] = ["admin", "agent", "operator"];

/** The account routes and who may use them. */
const apiRoutes: [string, string, StaffRole[]][] = [
  ["GET", "/api/v1/me", everyone],
  ["GET", "/api/v1/users", ["admin"]],
  ["POST", "/api/v1/users", ["admin"]],
  ["PATCH", "/api/v1/users/1", ["admin"]],
  ["POST", "/api/v1/users/1/password-reset", ["admin"]],
  ["GET", "/api/v1/tokens", everyone],
  ["POST", "/api/v1/tokens", everyone],
  ["DELETE", "/api/v1/tokens/1", everyone],
  ["GET", "/api/v1/audit", ["admin"]],
];

const pages: [string, StaffRole[]][] = [
  ["/admin", everyone],
  ["/admin/password", everyone],
  ["/admin/tokens", everyone],
  ["/admin/users", ["admin"]],
  ["/admin/audit", ["admin"]],
];

describe("who may call the account API", () => {
  it.each(apiRoutes)("%s %s: anonymous 401, other roles 403", async (method, path, allowed) => {
    const test = await testApp();
    const send = (headers: Record<string, string>) =>
      test.app.request(path, {
        method,
        headers: { "Content-Type": "application/json", ...headers },
        ...(method === "GET" ? {} : { body: "{}" }),
      });
    const anonymous = await send({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
    for (const role of everyone) {
      const { headers } = await staffWithToken(test.db, role);
      const status = (await send(headers)).status;
      if (allowed.includes(role)) expect([401, 403], `${role}`).not.toContain(status);
      else expect(status, role).toBe(403);
    }
  });

  it("describes every account route in the OpenAPI document, with how to authenticate", async () => {
    const { app } = await testApp();
    const document = await readJson(await app.request("/api/v1/openapi.json"));
    for (const [method, path] of apiRoutes) {
      const documented = path.replace(/\/1(\/|$)/, "/{id}$1");
      const operation = document.paths[documented]?.[method.toLowerCase()];
      expect(operation, `${method} ${documented}`).toBeDefined();
      expect(operation.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    }
    expect(Object.keys(document.components.securitySchemes)).toEqual(
      expect.arrayContaining(["bearerAuth", "sessionCookie"]),
    );
  });

  it("refuses an unknown bearer token with a 401 problem", async () => {
    const { app } = await testApp();
    const response = await app.request("/api/v1/me", {
      headers: { Authorization: "Bearer flt_not-a-real-token" },
    });
    expect(response.status).toBe(401);
    expect(await readJson(response)).toMatchObject({ title: "Sign in required" });
  });
});

describe("who may open the account pages of the console", () => {
  it.each(pages)("%s sends anonymous visitors to sign in, and back afterwards", async (path) => {
    const { app } = await testApp();
    const response = await new TestBrowser(app).get(path);
    expect(response.status).toBe(302);
    const expected =
      path === "/admin" ? "/admin/sign-in" : `/admin/sign-in?next=${encodeURIComponent(path)}`;
    expect(response.headers.get("location")).toBe(expected);
  });

  it.each(pages)("%s answers other roles with a 403 page, not JSON", async (path, allowed) => {
    const test = await testApp();
    for (const role of everyone) {
      const { browser } = await signedInBrowser(test.app, test.db, role, {
        email: `${role}@partner.example`,
      });
      const response = await browser.get(path);
      if (path === "/admin") {
        // The start page sends each role on to its work: the queue, or the escalations.
        const work = role === "operator" ? "/admin/escalations" : "/admin/queue";
        expect(response.headers.get("location"), role).toBe(work);
        continue;
      }
      if (allowed.includes(role)) {
        expect(response.status, role).toBe(200);
        continue;
      }
      expect(response.status, role).toBe(403);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("You cannot open this page");
    }
  });

  it("refuses forms of an admin page to other roles, even with a valid CSRF token", async () => {
    const { browser } = await consoleTest("agent");
    const response = await browser.submit("/admin/users", {
      email: "x@partner.example",
      name: "X",
      role: "admin",
    });
    expect(response.status).toBe(403);
  });
});
