import { describe, expect, it } from "vitest";
import { readJson, testApp } from "../../test/test-app.ts";

describe("the API reference", () => {
  it("is a browsable page that loads the OpenAPI document with local assets", async () => {
    const { app } = testApp();
    const page = await (await app.request("/api/docs")).text();
    expect(page).toContain('<script src="/api/docs/swagger-ui-bundle.js">');
    const bundle = await app.request("/api/docs/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect(await (await app.request("/api/docs/init.js")).text()).toContain("/api/v1/openapi.json");
  });

  it("documents the desk's routes next to the public ones", async () => {
    const { app } = testApp();
    const document = await readJson(await app.request("/api/v1/openapi.json"));
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/escalations/{id}",
        "/api/v1/incidents/{id}/resolution",
        "/api/v1/customers",
      ]),
    );
  });

  it("answers an unknown asset with 404", async () => {
    const { app } = testApp();
    expect((await app.request("/api/docs/../../package.json")).status).toBe(404);
    expect((await app.request("/api/docs/secrets.txt")).status).toBe(404);
  });
});
