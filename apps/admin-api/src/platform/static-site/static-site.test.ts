import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJson, testApp } from "../../../test/test-app.ts";

function builtSite() {
  const dist = mkdtempSync(join(tmpdir(), "frontline-dist-"));
  mkdirSync(join(dist, "de", "404"), { recursive: true });
  writeFileSync(join(dist, "de", "index.html"), "<html lang=de><h1>Hilfe</h1></html>");
  writeFileSync(join(dist, "de", "404", "index.html"), "<h1>Seite nicht gefunden</h1>");
  writeFileSync(join(dist, "404.html"), "<h1>Page not found</h1>");
  return dist;
}

describe("serving the help center", () => {
  it("sends / to the reader's language from Accept-Language", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const response = await app.request("/", { headers: { "Accept-Language": "de-CH,de;q=0.9" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/de/");
    expect(response.headers.get("vary")).toBe("Accept-Language");
  });

  it("sends / to English when the browser asks for no language it has", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const response = await app.request("/", { headers: { "Accept-Language": "fr" } });
    expect(response.headers.get("location")).toBe("/en/");
  });

  it.each([
    ["serves built pages by folder", "/de/", 200, "Hilfe"],
    [
      "answers an unknown page with the 404 page in the language of its path",
      "/de/nicht-da/",
      404,
      "Seite nicht gefunden",
    ],
    [
      "answers an unknown page outside any language with the general 404 page",
      "/nowhere",
      404,
      "Page not found",
    ],
  ])("%s", async (_behaviour, path, status, page) => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const response = await app.request(path);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(page);
  });

  it("answers an unknown API address with problem+json, not a page", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const response = await app.request("/api/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses paths that climb out of the site folder", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    expect((await app.request("/..%2f..%2fetc/passwd")).status).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("describes the public request endpoints in OpenAPI 3.1", async () => {
    const { app } = await testApp();
    const document = await readJson(await app.request("/api/v1/openapi.json"));
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/requests", "/api/v1/requests/{number}", "/api/v1/catalog"]),
    );
  });
});
