import type { StaffRole } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { staffWithToken } from "../../test/staff.ts";
import { type TestApp, testApp } from "../../test/test-app.ts";

/**
 * Endpoints anyone may call: the help center's own (filing, tracking with a
 * secret token, feedback, deflections, status) and the public documents.
 * Everything else under /api/v1 must carry a role guard; this list is the
 * only hand-written part, and a new unguarded route fails the first test.
 */
const publicRoutes = new Set([
  "GET /api/v1/catalog",
  "POST /api/v1/requests",
  "GET /api/v1/requests/:number",
  "POST /api/v1/requests/:number/replies",
  "POST /api/v1/requests/:number/status",
  "POST /api/v1/uploads",
  "POST /api/v1/requests/:number/satisfaction",
  "GET /api/v1/requests/:number/attachments/:id",
  "POST /api/v1/feedback",
  "POST /api/v1/deflections",
  "GET /api/v1/service-health",
  "GET /api/v1/status/:locale/feed.atom",
  "POST /api/v1/incident-subscriptions",
  "GET /api/v1/openapi.json",
]);

const roles: StaffRole[] = ["admin", "agent", "operator"];
type Guarded = { method: string; path: string; allowed: readonly StaffRole[] };

function routesOf(app: TestApp["app"]) {
  const guarded = new Map<string, Guarded>();
  const endpoints = new Set<string>();
  for (const route of app.routes) {
    // "ALL" entries are middleware (limits, CORS, the 404 catch-all), not endpoints.
    if (!route.path.startsWith("/api/v1/") || route.method === "ALL") continue;
    const key = `${route.method} ${route.path}`;
    endpoints.add(key);
    const allowed = (route.handler as { roles?: readonly StaffRole[] }).roles;
    if (allowed) guarded.set(key, { method: route.method, path: route.path, allowed });
  }
  return { guarded: [...guarded.values()], endpoints: [...endpoints] };
}

const concrete = (path: string) =>
  path
    .replace(":number", "SR-2026-000001")
    .replace(/:id\b/g, "999999")
    .replace(/:[a-zA-Z]+/g, "x");

describe("access to partner routes, read from the router", () => {
  it("guards every endpoint that is not public by design", async () => {
    const { app } = await testApp();
    const { guarded, endpoints } = routesOf(app);
    const guardedKeys = new Set(guarded.map((g) => `${g.method} ${g.path}`));
    expect(endpoints.filter((key) => !publicRoutes.has(key) && !guardedKeys.has(key))).toEqual([]);
    expect(guarded.length).toBeGreaterThan(10);
  });

  it("refuses anonymous callers with 401 and callers of the wrong role with 403, everywhere", async () => {
    const test = await testApp();
    const tokens = Object.fromEntries(
      await Promise.all(
        roles.map(async (role) => [role, (await staffWithToken(test.db, role)).headers] as const),
      ),
    ) as unknown as Record<StaffRole, Record<string, string>>;
    const failures: string[] = [];
    for (const route of routesOf(test.app).guarded) {
      const send = (headers: Record<string, string>) =>
        test.app.request(concrete(route.path), {
          method: route.method,
          headers: { "Content-Type": "application/json", ...headers },
          ...(route.method === "GET" ? {} : { body: "{}" }),
        });
      const anonymous = await send({});
      if (anonymous.status !== 401)
        failures.push(`${route.method} ${route.path} anonymous → ${anonymous.status}`);
      for (const role of roles) {
        const status = (await send(tokens[role])).status;
        const allowed = route.allowed.includes(role);
        if (!allowed && status !== 403)
          failures.push(`${route.method} ${route.path} as ${role} → ${status}, expected 403`);
        if (allowed && (status === 401 || status === 403))
          failures.push(`${route.method} ${route.path} as ${role} → ${status}, expected access`);
      }
    }
    expect(failures).toEqual([]);
  });
});
