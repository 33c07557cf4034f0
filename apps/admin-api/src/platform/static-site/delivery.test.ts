import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { staffWithToken } from "../../../test/staff.ts";
import { type TestApp, testApp } from "../../../test/test-app.ts";

const page = `<!doctype html><html lang="en"><title>Help</title><h1>Help</h1>${"<p>Reset your password from the sign-in page.</p>".repeat(60)}</html>`;
const script = `console.log(${JSON.stringify("search ".repeat(400))});`;

/** A built site as the help center's build leaves it: precompressed files and a hash manifest. */
function builtSite() {
  const dist = mkdtempSync(join(tmpdir(), "frontline-delivery-"));
  for (const dir of ["en", "_astro", "pagefind/fragment"]) {
    mkdirSync(join(dist, dir), { recursive: true });
  }
  const files: Record<string, string> = {
    "en/index.html": page,
    "_astro/search.B1x2Y3.js": script,
    "pagefind/pagefind.js": script,
    "pagefind/fragment/en_3f2a1b.pf_fragment": "gzipped already",
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dist, name), text);
    if (name.endsWith(".pf_fragment")) continue;
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(text));
  }
  writeFileSync(
    join(dist, "csp.json"),
    JSON.stringify({ scriptHashes: ["'sha256-abc='"], styleHashes: [] }),
  );
  return dist;
}

const get = (app: TestApp["app"], path: string, headers = {}) => app.request(path, { headers });

describe("delivering the help center's files", () => {
  it("sends the brotli file to a browser that accepts brotli, and gzip to one that accepts only gzip", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const br = await get(app, "/en/", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Vary")).toContain("Accept-Encoding");
    const gz = await get(app, "/en/", { "Accept-Encoding": "gzip" });
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(page);
  });

  it("sends the plain file, still with Vary, to a client that asks for no coding or refuses them", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    for (const accept of [undefined, "identity", "br;q=0, gzip;q=0", "*;q=0"]) {
      const response = await get(app, "/en/", accept ? { "Accept-Encoding": accept } : {});
      expect(response.headers.get("Content-Encoding"), accept).toBeNull();
      expect(response.headers.get("Vary"), accept).toContain("Accept-Encoding");
      expect(await response.text(), accept).toBe(page);
    }
  });

  it("answers a malformed Accept-Encoding, a Range or a garbage If-None-Match with the full page", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    for (const headers of [
      { "Accept-Encoding": ';;q=x,,,"br' },
      { "Accept-Encoding": "br;q=NaN, gzip;q=-1" },
      { Range: "bytes=10-20" },
      { Range: "bytes=oops" },
      { "If-None-Match": '"unterminated, W/, ,,' },
      { "If-Modified-Since": "not a date" },
    ]) {
      const response = await get(app, "/en/", headers);
      expect(response.status, JSON.stringify(headers)).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      const text =
        response.headers.get("Content-Encoding") === "gzip"
          ? gunzipSync(body).toString()
          : body.toString();
      expect(text, JSON.stringify(headers)).toBe(page);
    }
  });

  it("revalidates pages: a matching ETag or an unchanged date answers 304 with no body", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const first = await get(app, "/en/", { "Accept-Encoding": "br" });
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get(app, "/en/", { "Accept-Encoding": "br", "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const since = first.headers.get("Last-Modified") ?? "";
    expect((await get(app, "/en/", { "If-Modified-Since": since })).status).toBe(304);
    // Another coding is another representation: its ETag differs.
    const plain = await get(app, "/en/", { "If-None-Match": etag });
    expect(plain.status).toBe(200);
  });

  it("lets browsers keep fingerprinted files for a year and revalidate Pagefind's entry script", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    for (const path of ["/_astro/search.B1x2Y3.js", "/pagefind/fragment/en_3f2a1b.pf_fragment"]) {
      expect((await get(app, path)).headers.get("Cache-Control"), path).toBe(
        "public, max-age=31536000, immutable",
      );
    }
    const entry = await get(app, "/pagefind/pagefind.js");
    expect(entry.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    const fragment = await get(app, "/pagefind/fragment/en_3f2a1b.pf_fragment", {
      "Accept-Encoding": "br, gzip",
    });
    expect(fragment.headers.get("Content-Encoding")).toBeNull();
  });

  it("answers HEAD with the length and no body", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const response = await app.request("/en/", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("Content-Length"))).toBe(Buffer.byteLength(page));
    expect(await response.text()).toBe("");
  });

  it("refuses paths that climb out of the site", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    for (const path of [
      "/../package.json",
      "/en/%2e%2e/%2e%2e/etc/passwd",
      "/en/%00",
      "/%E0%A4%A",
    ]) {
      expect((await get(app, path)).status, path).toBe(404);
    }
  });
});

describe("security headers", () => {
  it("give the help center a policy that allows its hashed inline script and no unsafe-inline", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const policy = (await get(app, "/en/")).headers.get("Content-Security-Policy") ?? "";
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-inline");
  });

  it("are on every kind of answer: pages, console, API, API reference, errors", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    for (const path of [
      "/en/",
      "/admin/sign-in",
      "/api/v1/catalog",
      "/api/docs",
      "/nowhere",
      "/api/v1/nowhere",
    ]) {
      const headers = (await get(app, path)).headers;
      expect(headers.get("Content-Security-Policy"), path).toMatch(/frame-ancestors 'none'/);
      expect(headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(headers.get("X-Frame-Options"), path).toBe("DENY");
      expect(headers.get("Referrer-Policy"), path).toBeTruthy();
      expect(headers.get("Strict-Transport-Security"), path).toBeNull();
    }
    const console = (await get(app, "/admin/sign-in")).headers.get("Content-Security-Policy");
    expect(console).toContain("default-src 'self'");
  });

  it("keep every partner answer with personal data out of caches", async () => {
    const { app, db } = await testApp();
    const { headers } = await staffWithToken(db, "admin");
    for (const path of [
      "/api/v1/customers",
      "/api/v1/escalations",
      "/api/v1/incidents",
      "/api/v1/queue",
    ]) {
      const response = await app.request(path, { headers });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Cache-Control"), path).toBe("no-store");
    }
    // The public catalogue stays cacheable.
    expect((await app.request("/api/v1/catalog")).headers.get("Cache-Control")).toContain("public");
  });

  it("add HSTS when the site is reached over HTTPS", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const response = await app.request("https://help.example.com/en/");
    expect(response.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d+/);
  });

  it("compress console pages and API answers of 1 KB or more on the fly, brotli first", async () => {
    const { app } = await testApp({ helpCenterDist: builtSite() });
    const br = await get(app, "/api/v1/openapi.json", { "Accept-Encoding": "gzip, br" });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Vary")).toContain("Accept-Encoding");
    const document = JSON.parse(
      brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(),
    );
    expect(document.openapi).toBe("3.1.0");
    const signIn = await get(app, "/admin/sign-in", { "Accept-Encoding": "gzip" });
    expect(signIn.headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await signIn.arrayBuffer())).toString()).toContain("</html>");
  });

  it("send small answers as they are: compressing them would make them bigger", async () => {
    const { app } = await testApp();
    const health = await get(app, "/healthz", { "Accept-Encoding": "br, gzip" });
    expect(health.headers.get("Content-Encoding")).toBeNull();
    expect(((await health.json()) as { status?: string }).status).toBeDefined();
  });
});
