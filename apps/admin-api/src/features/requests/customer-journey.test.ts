import { changeStatus, getRequestByNumber, listOutbox, tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { postedIncident } from "../../../test/incidents.ts";
import { postJson, readJson, type TestApp, testApp, validRequest } from "../../../test/test-app.ts";
import { defaultRateLimits } from "../../platform/deps.ts";

async function file(test: TestApp, body: object = validRequest) {
  const filed = await readJson(await postJson(test.app, "/api/v1/requests", body));
  const row = await getRequestByNumber(test.db, filed.number);
  if (!row) throw new Error("request not stored");
  return { number: filed.number as string, token: filed.trackingToken as string, row };
}

function asCustomer(test: TestApp, number: string, token: string, path: string, body: object) {
  return test.app.request(`/api/v1/requests/${number}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Tracking-Token": token },
    body: JSON.stringify(body),
  });
}

describe("filing twice with the same Idempotency-Key", () => {
  const submit = (test: TestApp, key: string, body: object = validRequest) =>
    test.app.request("/api/v1/requests", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify(body),
    });

  it("creates one request and answers both submits with its number, only the last answer's token working", async () => {
    const test = await testApp();
    const [first, second] = await Promise.all([
      submit(test, "form-7f3a9c2e"),
      submit(test, "form-7f3a9c2e"),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [await readJson(first), await readJson(second)];
    expect(b.number).toBe(a.number);
    expect(await test.db.$count(tablesOf(test.db).requests)).toBe(1);
    expect(await listOutbox(test.db)).toHaveLength(1);
    // The replay's token replaced the first: the client that retried may never have seen it.
    const track = async (token: string) =>
      (
        await test.app.request(`/api/v1/requests/${a.number}`, {
          headers: { "X-Tracking-Token": token },
        })
      ).status;
    expect([await track(a.trackingToken), await track(b.trackingToken)].sort()).toEqual([200, 404]);
  });

  it("keeps no tracking token in clear in the stored answer", async () => {
    const test = await testApp();
    const filed = await readJson(await submit(test, "form-1b2c"));
    const rows = await test.db.select().from(tablesOf(test.db).idempotencyKeys);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(filed.trackingToken);
  });

  it("writes no idempotency row for a request filed without a key", async () => {
    const test = await testApp();
    const filed = await test.app.request("/api/v1/requests", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(validRequest),
    });
    expect(filed.status).toBe(201);
    expect(await test.db.$count(tablesOf(test.db).idempotencyKeys)).toBe(0);
  });

  it("refuses the key with a different request and files nothing more", async () => {
    const test = await testApp();
    await submit(test, "form-7f3a9c2e");
    const response = await submit(test, "form-7f3a9c2e", {
      ...validRequest,
      subject: "Something else entirely",
    });
    expect(response.status).toBe(422);
    expect((await readJson(response)).title).toBe(
      "This Idempotency-Key belongs to another request",
    );
    expect(await test.db.$count(tablesOf(test.db).requests)).toBe(1);
  });
});

describe("what the form sends along", () => {
  it("stores the suggested and opened articles and links the incident the customer saw", async () => {
    const test = await testApp();
    const incident = await postedIncident(test, { impact: "degraded", message: { en: "Delays" } });
    const { row } = await file(test, {
      ...validRequest,
      suggestedArticles: ["repeated-password-prompts", "check-service-health"],
      openedArticles: ["repeated-password-prompts"],
      incidentId: incident.id,
    });
    expect(row).toMatchObject({
      incidentId: incident.id,
      suggestedArticles: ["repeated-password-prompts", "check-service-health"],
      openedArticles: ["repeated-password-prompts"],
    });
  });

  it("refuses an incident that does not exist", async () => {
    const test = await testApp();
    const response = await postJson(test.app, "/api/v1/requests", {
      ...validRequest,
      incidentId: 999,
    });
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors).toEqual([
      expect.objectContaining({ field: "incidentId" }),
    ]);
  });

  it("refuses a filled-in honeypot field and files nothing", async () => {
    const test = await testApp();
    const response = await postJson(test.app, "/api/v1/requests", {
      ...validRequest,
      website: "http://cheap-pills.example",
    });
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors.map((e: { field: string }) => e.field)).toEqual([
      "website",
    ]);
    expect(await test.db.$count(tablesOf(test.db).requests)).toBe(0);
  });
});

describe("the customer on the tracking page", () => {
  it("adds a reply to the timeline without changing the status", async () => {
    const test = await testApp();
    const { number, token } = await file(test);
    const view = await readJson(
      await asCustomer(test, number, token, "replies", { body: "It also happens on my phone." }),
    );
    expect(view.status).toBe("new");
    expect(view.timeline.map((e: { type: string; author: string }) => [e.type, e.author])).toEqual([
      ["created", "customer"],
      ["customer-message", "customer"],
    ]);
  });

  it("puts the request back in progress by answering the partner's question", async () => {
    const test = await testApp();
    const { number, token, row } = await file(test);
    await changeStatus(test.db, {
      requestId: row.id,
      from: "new",
      to: "waiting-on-customer",
      actor: "agent",
      at: test.clock.now(),
    });
    const view = await readJson(
      await asCustomer(test, number, token, "replies", { body: "Version 2406, build 17726." }),
    );
    expect(view).toMatchObject({ status: "open", statusLabel: "In progress" });
  });

  it("confirms the problem is solved, with an email about the new status", async () => {
    const test = await testApp();
    const { number, token } = await file(test);
    const response = await asCustomer(test, number, token, "status", { status: "resolved" });
    expect(response.status).toBe(200);
    const view = await readJson(response);
    expect(view).toMatchObject({
      status: "resolved",
      allowedStatuses: ["open", "closed"],
      reopenUntil: "2026-11-28T09:30:00.000Z",
    });
    expect((await listOutbox(test.db)).map((m) => [m.kind, m.subject])).toEqual([
      ["created", `[${number}] We received your request: ${validRequest.subject}`],
      ["status-changed", `[${number}] Resolved: ${validRequest.subject}`],
    ]);
  });

  it("reopens a resolved request by replying within seven days", async () => {
    const test = await testApp();
    const { number, token } = await file(test);
    await asCustomer(test, number, token, "status", { status: "resolved" });
    test.clock.set("2026-11-28T09:29:59Z");
    const view = await readJson(
      await asCustomer(test, number, token, "replies", { body: "It is back again." }),
    );
    expect(view.status).toBe("open");
  });

  it("cannot reopen after seven days and is told to file a new request", async () => {
    const test = await testApp();
    const { number, token } = await file(test);
    await asCustomer(test, number, token, "status", { status: "resolved" });
    test.clock.set("2026-11-28T09:30:01Z");
    const tracked = await readJson(
      await test.app.request(`/api/v1/requests/${number}`, {
        headers: { "X-Tracking-Token": token },
      }),
    );
    expect(tracked).toMatchObject({ allowedStatuses: ["closed"], canReply: false });
    const response = await asCustomer(test, number, token, "status", { status: "open" });
    expect(response.status).toBe(409);
    expect((await readJson(response)).detail).toBe(
      "This request was resolved more than 7 days ago. Please file a new request and mention its number.",
    );
  });

  it("refuses a move the lifecycle does not allow a customer, changing nothing", async () => {
    const test = await testApp();
    const { number, token } = await file(test);
    const response = await asCustomer(test, number, token, "status", { status: "closed" });
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await getRequestByNumber(test.db, number))?.status).toBe("new");
  });

  it("cannot act on a request without its token", async () => {
    const test = await testApp();
    const { number } = await file(test);
    expect(
      (await asCustomer(test, number, "wrong-token", "replies", { body: "Hello" })).status,
    ).toBe(404);
    expect(
      (await asCustomer(test, number, "wrong-token", "status", { status: "resolved" })).status,
    ).toBe(404);
  });

  it("names an empty reply as the bad field", async () => {
    const test = await testApp();
    const { number, token } = await file(test);
    const response = await asCustomer(test, number, token, "replies", { body: "  " });
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors.map((e: { field: string }) => e.field)).toEqual([
      "body",
    ]);
  });
});

describe("deflection", () => {
  it("records that a suggested article solved the problem, and files nothing", async () => {
    const test = await testApp();
    const response = await postJson(test.app, "/api/v1/deflections", {
      locale: "it",
      query: "password richiesta di continuo",
      article: "repeated-password-prompts",
      suggestedArticles: ["repeated-password-prompts", "set-up-multi-factor-sign-in"],
    });
    expect(response.status).toBe(201);
    const rows = await test.db.select().from(tablesOf(test.db).deflections);
    expect(rows.map((r) => [r.locale, r.article, r.query])).toEqual([
      ["it", "repeated-password-prompts", "password richiesta di continuo"],
    ]);
    expect(await test.db.$count(tablesOf(test.db).requests)).toBe(0);
  });
});

describe("abuse protection", () => {
  it("answers 429 with Retry-After once a client files too often, and files nothing more", async () => {
    const test = await testApp({
      rateLimits: {
        ...defaultRateLimits,
        submit: { limit: 2, windowMs: 60_000 },
        public: { limit: 100, windowMs: 60_000 },
      },
    });
    const from = (ip: string, body: object) =>
      test.app.request("/api/v1/requests", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": ip },
        body: JSON.stringify(body),
      });
    expect((await from("203.0.113.7", validRequest)).status).toBe(201);
    expect((await from("203.0.113.7", validRequest)).status).toBe(201);
    const limited = await from("203.0.113.7", validRequest);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await readJson(limited)).title).toBe("Too many requests");
    // Another client is not affected.
    expect((await from("198.51.100.20", validRequest)).status).toBe(201);
    expect(await test.db.$count(tablesOf(test.db).requests)).toBe(3);
  });

  it("lets only the configured help-center origin call the API from a browser", async () => {
    const test = await testApp({ corsOrigins: ["https://help.partner.example"] });
    const preflight = (origin: string) =>
      test.app.request("/api/v1/requests", {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "content-type",
        },
      });
    const allowed = await preflight("https://help.partner.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://help.partner.example");
    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});
