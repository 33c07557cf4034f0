import { describe, expect, it } from "vitest";
import { readJson, testApp } from "../../../test/test-app.ts";

describe("the API reference", () => {
  it("sends Swagger UI's bundle brotli-compressed to a browser that accepts it", async () => {
    const { app } = await testApp();
    const page = await (await app.request("/api/docs")).text();
    const src = /src="(\/api\/docs\/[\d.]+\/swagger-ui-bundle\.js)"/.exec(page)?.[1] ?? "";
    const plain = await app.request(src);
    const compressed = await app.request(src, {
      headers: { "Accept-Encoding": "gzip, deflate, br, zstd" },
    });
    expect(compressed.headers.get("Content-Encoding")).toBe("br");
    expect(compressed.headers.get("Vary")).toBe("Accept-Encoding");
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const { brotliDecompressSync } = await import("node:zlib");
    const wire = Buffer.from(await compressed.arrayBuffer());
    expect(wire.byteLength).toBeLessThan(plainBytes / 3);
    expect(brotliDecompressSync(wire).byteLength).toBe(plainBytes);
  });

  it("is a browsable page that loads the OpenAPI document with local assets", async () => {
    const { app } = await testApp();
    const page = await (await app.request("/api/docs")).text();
    const src = /<script src="(\/api\/docs\/[\d.]+\/swagger-ui-bundle\.js)">/.exec(page)?.[1];
    expect(src).toBeDefined();
    const bundle = await app.request(src ?? "");
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect(bundle.headers.get("Cache-Control")).toContain("immutable");
    expect(await (await app.request("/api/docs/init.js")).text()).toContain("/api/v1/openapi.json");
  });

  it("documents the desk's routes next to the public ones", async () => {
    const { app } = await testApp();
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
    const { app } = await testApp();
    expect((await app.request("/api/docs/../../package.json")).status).toBe(404);
    expect((await app.request("/api/docs/secrets.txt")).status).toBe(404);
    expect((await app.request("/api/docs/5.35.0/package.json")).status).toBe(404);
    for (const key of ["constructor", "__proto__", "toString"]) {
      const src = `/api/docs/${/\/api\/docs\/([\d.]+)\//.exec(await (await app.request("/api/docs")).text())?.[1]}/${key}`;
      expect((await app.request(src)).status, key).toBe(404);
    }
  });
});
