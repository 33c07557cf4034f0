import { tablesOf } from "@frontline/db";
import { describe, expect, it } from "vitest";
import { consoleTest } from "../../test/console.ts";
import { readJson, testApp } from "../../test/test-app.ts";
import { BODY_LIMITS } from "./body-limits.ts";
import { MAX_LISTED_ERRORS } from "./problems.ts";

const json = { "Content-Type": "application/json" };
const padded = (bytes: number) => JSON.stringify({ padding: "x".repeat(bytes) });

/** A body sent in chunks with no Content-Length, so only counting while reading can stop it. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describe("the body limit", () => {
  it("refuses a public body over 64 KiB on every public endpoint with 413 problem+json, storing nothing", async () => {
    const test = await testApp();
    for (const path of ["/api/v1/requests", "/api/v1/feedback", "/api/v1/deflections"]) {
      const response = await test.app.request(path, {
        method: "POST",
        headers: json,
        body: padded(BODY_LIMITS.public + 1),
      });
      expect(response.status, path).toBe(413);
      expect(response.headers.get("Content-Type"), path).toBe("application/problem+json");
      expect((await readJson(response)).detail, path).toBe("Send at most 64 KiB.");
    }
    expect(await test.db.$count(tablesOf(test.db).requests)).toBe(0);
    expect(await test.db.$count(tablesOf(test.db).articleFeedback)).toBe(0);
  });

  it("stops a streamed body without Content-Length at the limit", async () => {
    const test = await testApp();
    const response = await test.app.request("/api/v1/feedback", {
      method: "POST",
      headers: json,
      body: streamed(50 * 1024 * 1024),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("refuses an oversized sign-in form before reading the password", async () => {
    const test = await testApp();
    const response = await test.app.request("/admin/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=a%40b.example&password=${"x".repeat(BODY_LIMITS.public + 1)}`,
    });
    expect(response.status).toBe(413);
  });

  it("lets signed-in staff send up to 1 MiB and refuses more, as a console page", async () => {
    const { browser } = await consoleTest("agent");
    const big = await browser.post("/admin/password", {
      padding: "x".repeat(BODY_LIMITS.public * 2),
    });
    expect(big.status).not.toBe(413);
    const tooBig = await browser.post("/admin/password", {
      padding: "x".repeat(BODY_LIMITS.staff + 1),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get("Content-Type")).toContain("text/html");
  });
});

describe("a validation problem", () => {
  it("lists at most 20 errors and says how many it left out", async () => {
    const test = await testApp();
    const unknown = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    const response = await test.app.request("/api/v1/requests", {
      method: "POST",
      headers: json,
      body: JSON.stringify(unknown),
    });
    expect(response.status).toBe(422);
    const problem = await readJson(response);
    expect(problem.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(problem.detail).toMatch(/\d+ more errors are not listed\./);
    expect(JSON.stringify(problem).length).toBeLessThan(8_000);
  });
});
