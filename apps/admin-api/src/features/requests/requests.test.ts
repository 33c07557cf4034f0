import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { postJson, readJson, type TestApp, testApp, validRequest } from "../../../test/test-app.ts";

const countRequests = (db: TestApp["db"]) => db.$count(tablesOf(db).requests);

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await readJson(response)) as {
    status: number;
    title: string;
    detail?: string;
    errors?: { field: string }[];
  };
}

describe("filing a request", () => {
  it("answers 201 with a human reference number and a secret tracking token", async () => {
    const { app } = await testApp();
    const response = await postJson(app, "/api/v1/requests", validRequest);
    expect(response.status).toBe(201);
    const body = await readJson(response);
    expect(body).toMatchObject({
      number: "SR-2026-000001",
      status: "new",
      createdAt: "2026-11-21T09:30:00.000Z",
    });
    expect(response.headers.get("location")).toBe("/api/v1/requests/SR-2026-000001");
    // 24 random bytes in base64url: 192 bits, well above the 128 required.
    expect(body.trackingToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("stores only a hash of the tracking token", async () => {
    const { app, db } = await testApp();
    const { trackingToken } = await readJson(await postJson(app, "/api/v1/requests", validRequest));
    const [row] = await db.select().from(tablesOf(db).requests);
    expect(row?.trackingTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(trackingToken);
  });

  it("gives every request its own number and token", async () => {
    const { app } = await testApp();
    const first = await readJson(await postJson(app, "/api/v1/requests", validRequest));
    const second = await readJson(await postJson(app, "/api/v1/requests", validRequest));
    expect(second.number).toBe("SR-2026-000002");
    expect(second.trackingToken).not.toBe(first.trackingToken);
  });
});

describe("refusing bad input", () => {
  it("names every missing field in one problem and writes nothing", async () => {
    const { app, db } = await testApp();
    const response = await postJson(app, "/api/v1/requests", {});
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual([
      "category",
      "description",
      "email",
      "locale",
      "name",
      "organisation",
      "service",
      "severity",
      "subject",
    ]);
    expect(await countRequests(db)).toBe(0);
  });

  it("names unknown fields, unknown catalogue ids and over-long text", async () => {
    const { app, db } = await testApp();
    const response = await postJson(app, "/api/v1/requests", {
      ...validRequest,
      category: "gaming",
      severity: "Z",
      service: "fax",
      subject: "x".repeat(151),
      priority: "urgent",
    });
    const problem = await problemOf(response);
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual([
      "category",
      "priority",
      "service",
      "severity",
      "subject",
    ]);
    expect(problem.detail).toMatch(/^Please check these fields: .*priority/);
    expect(await countRequests(db)).toBe(0);
  });

  it("refuses control characters in typed text, naming the field, and keeps line breaks", async () => {
    const { app, db } = await testApp();
    const response = await postJson(app, "/api/v1/requests", {
      ...validRequest,
      subject: "Outlook\u0000 keeps asking",
      description: `${validRequest.description}\u0007`,
    });
    const problem = await problemOf(response);
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["description", "subject"]);
    expect(await countRequests(db)).toBe(0);
    const multiline = {
      ...validRequest,
      description: `${validRequest.description}\n\tSecond line.`,
    };
    expect((await postJson(app, "/api/v1/requests", multiline)).status).toBe(201);
  });

  it("answers malformed JSON with a 400 problem", async () => {
    const { app, db } = await testApp();
    const response = await postJson(app, "/api/v1/requests", '{"locale": "en",');
    expect(response.status).toBe(400);
    expect((await problemOf(response)).title).toBe("The request could not be read");
    expect(await countRequests(db)).toBe(0);
  });

  it("answers a body that is not JSON with 415", async () => {
    const { app } = await testApp();
    const response = await app.request("/api/v1/requests", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "subject=hello",
    });
    expect(response.status).toBe(415);
    await problemOf(response);
  });

  it("answers a JSON array with a problem about the body as a whole", async () => {
    const { app } = await testApp();
    const problem = await problemOf(await postJson(app, "/api/v1/requests", [validRequest]));
    expect(problem.status).toBe(422);
    expect(problem.errors?.[0]?.field).toBe("");
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const { app, db } = await testApp();
    const response = await postJson(app, "/api/v1/requests", {
      ...validRequest,
      description: "y".repeat(70_000),
    });
    expect(response.status).toBe(413);
    await problemOf(response);
    expect(await countRequests(db)).toBe(0);
  });

  it("follows the configured service catalogue", async () => {
    const { app } = await testApp({
      services: [{ id: "fax", label: { en: "Fax", de: "Fax", it: "Fax", "zh-cn": "传真" } }],
    });
    expect(
      (await postJson(app, "/api/v1/requests", { ...validRequest, service: "fax" })).status,
    ).toBe(201);
    expect((await postJson(app, "/api/v1/requests", validRequest)).status).toBe(422);
  });
});

describe("following a request", () => {
  async function filed() {
    const test = await testApp();
    const body = await readJson(
      await postJson(test.app, "/api/v1/requests", { ...validRequest, locale: "de" }),
    );
    return { ...test, number: body.number as string, token: body.trackingToken as string };
  }
  const track = (app: TestApp["app"], number: string, token?: string) =>
    app.request(`/api/v1/requests/${number}`, {
      headers: token ? { "X-Tracking-Token": token } : {},
    });

  it("shows the status, in the request's language, and the public timeline with the right token", async () => {
    const { app, number, token } = await filed();
    const response = await track(app, number, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await readJson(response)).toMatchObject({
      number,
      status: "new",
      statusLabel: "Eingegangen",
      subject: validRequest.subject,
      timeline: [{ type: "created", author: "customer", body: validRequest.description }],
    });
  });

  it("accepts the number in lower case", async () => {
    const { app, number, token } = await filed();
    expect((await track(app, number.toLowerCase(), token)).status).toBe(200);
  });

  it("answers the same 404 for a wrong token, no token and an unknown number", async () => {
    const { app, number, token } = await filed();
    const answers = await Promise.all([
      track(app, number, `${token.slice(0, -1)}A`),
      track(app, number),
      track(app, "SR-2026-000099", token),
      track(app, "not-a-number", token),
    ]);
    const bodies = await Promise.all(answers.map(readJson));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(bodies.map((b) => JSON.stringify({ ...b, instance: undefined }))).size).toBe(1);
  });

  it("never accepts the token in the URL", async () => {
    const { app, number, token } = await filed();
    expect((await app.request(`/api/v1/requests/${number}?trackingToken=${token}`)).status).toBe(
      404,
    );
  });
});
