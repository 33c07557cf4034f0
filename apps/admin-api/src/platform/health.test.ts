import { describe, expect, it } from "vitest";
import { readJson, testApp } from "../../test/test-app.ts";

describe("the health check", () => {
  it("answers ok with the server's time once the database answers", async () => {
    const { app } = await testApp();
    const response = await app.request("/healthz");
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ status: "ok", time: "2026-11-21T09:30:00.000Z" });
  });
});
