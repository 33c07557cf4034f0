import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { postJson, readJson, testApp, validRequest } from "../../test/test-app.ts";
import { defaultRateLimits } from "./deps.ts";
import { publicEndpointLimits } from "./rate-limits.ts";

const limited = new Set(publicEndpointLimits.map((e) => `${e.method} ${e.path}`));

describe("the limit policy table", () => {
  it("covers every endpoint that answers without sign-in, each with its reason", async () => {
    const { app } = await testApp();
    const open = new Set<string>();
    for (const route of app.routes) {
      if (!route.path.startsWith("/api/v1/") || route.method === "ALL") continue;
      const guarded = (route.handler as { roles?: unknown }).roles;
      // The OpenAPI document is a static description, not an action.
      if (!guarded && route.path !== "/api/v1/openapi.json")
        open.add(`${route.method} ${route.path}`);
    }
    // Route entries repeat once per middleware; the guarded ones carry roles on one of them.
    const guardedKeys = new Set(
      app.routes
        .filter((r) => (r.handler as { roles?: unknown }).roles)
        .map((r) => `${r.method} ${r.path}`),
    );
    const anonymous = [...open].filter((key) => !guardedKeys.has(key));
    const tableApi = [...limited].filter((key) => key.includes(" /api/"));
    expect(anonymous.sort()).toEqual(tableApi.sort());
    expect(limited.has("POST /admin/sign-in")).toBe(true);
    for (const endpoint of publicEndpointLimits) expect(endpoint.reason.length).toBeGreaterThan(20);
  });
});

describe("public endpoints under one limit", () => {
  it("share one bucket: tracking, replies, feedback and deflections count together", async () => {
    const test = await testApp({
      rateLimits: { ...defaultRateLimits, public: { limit: 3, windowMs: 60_000 } },
    });
    const filed = await readJson(await postJson(test.app, "/api/v1/requests", validRequest));
    const tracked = await test.app.request(`/api/v1/requests/${filed.number}`, {
      headers: { "X-Tracking-Token": filed.trackingToken },
    });
    expect(tracked.status).toBe(200);
    const deflected = await postJson(test.app, "/api/v1/deflections", {
      locale: "en",
      article: "reset-mail-password",
      category: "access",
    });
    expect(deflected.status).toBeLessThan(429);
    const feedback = await postJson(test.app, "/api/v1/feedback", {
      locale: "en",
      article: "reset-mail-password",
      helpful: true,
    });
    expect(feedback.status).toBeLessThan(429);
    const events = await test.db.$count(tablesOf(test.db).requestEvents);
    const reply = await test.app.request(`/api/v1/requests/${filed.number}/replies`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Tracking-Token": filed.trackingToken },
      body: JSON.stringify({ body: "Here is the screenshot you asked for." }),
    });
    expect(reply.status).toBe(429);
    expect(reply.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await test.db.$count(tablesOf(test.db).requestEvents)).toBe(events);
  });

  it("limits the catalogue and service health too, with a higher limit of their own", async () => {
    const test = await testApp({
      rateLimits: {
        ...defaultRateLimits,
        public: { limit: 1, windowMs: 60_000 },
        lookup: { limit: 3, windowMs: 60_000 },
      },
    });
    expect((await test.app.request("/api/v1/catalog")).status).toBe(200);
    expect((await test.app.request("/api/v1/service-health")).status).toBe(200);
    expect((await test.app.request("/api/v1/catalog?locale=de")).status).toBe(200);
    const over = await test.app.request("/api/v1/service-health");
    expect(over.status).toBe(429);
    expect(over.headers.get("content-type")).toContain("application/problem+json");
  });
});
