import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { precompress } from "../scripts/precompress.ts";

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), "frontline-precompress-"));
});
afterEach(() => {
  rmSync(dist, { recursive: true, force: true });
});

function put(path: string, content: string | Buffer): Buffer {
  const file = join(dist, path);
  mkdirSync(dirname(file), { recursive: true });
  const data = typeof content === "string" ? Buffer.from(content) : content;
  writeFileSync(file, data);
  return data;
}

/** Text that compresses well and is well over the 1 KB floor. */
const prose = (words: number) => Array.from({ length: words }, (_, i) => `word${i % 37}`).join(" ");
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}<p>${prose(400)}</p></body></html>`;

describe("precompressing the built site", () => {
  it("writes brotli and gzip copies that decompress to the original bytes", async () => {
    const files = {
      "en/index.html": put("en/index.html", page("<h1>Home</h1>")),
      "_astro/app.js": put("_astro/app.js", `export const text = ${JSON.stringify(prose(500))};`),
      "_astro/site.css": put("_astro/site.css", `.a{color:red}\n`.repeat(200)),
      "pagefind/pagefind-entry.json": put(
        "pagefind/pagefind-entry.json",
        JSON.stringify({ languages: prose(300) }),
      ),
    };
    const report = await precompress(dist);
    for (const [path, original] of Object.entries(files)) {
      const br = readFileSync(join(dist, `${path}.br`));
      const gz = readFileSync(join(dist, `${path}.gz`));
      expect(br.length).toBeLessThan(original.length);
      expect(gz.length).toBeLessThan(original.length);
      expect(brotliDecompressSync(br).equals(original)).toBe(true);
      expect(gunzipSync(gz).equals(original)).toBe(true);
    }
    expect(report.compressed.map((c) => c.path)).toEqual(Object.keys(files).sort());
  });

  it("gives Pagefind's gzipped index files a brotli copy of their decoded bytes, which Pagefind reads without gunzip", async () => {
    const decoded = Buffer.from(`pagefind_dcd${prose(500)}`);
    const names = [
      "pagefind/pagefind.en_abc.pf_meta",
      "pagefind/index/en_abc.pf_index",
      "pagefind/fragment/en_abc.pf_fragment",
      "pagefind/filter/en_abc.pf_filter",
      "pagefind/wasm.en.pagefind",
    ];
    for (const name of names) put(name, gzipSync(decoded));
    const report = await precompress(dist);
    for (const name of names) {
      const br = readFileSync(join(dist, `${name}.br`));
      expect(br.length, name).toBeLessThan(gzipSync(decoded).length);
      expect(brotliDecompressSync(br).equals(decoded), name).toBe(true);
      // A gzip copy would be the file itself: clients without br get that.
      expect(existsSync(join(dist, `${name}.gz`)), name).toBe(false);
    }
    expect(report.compressed.map((c) => c.path).sort()).toEqual([...names].sort());
  });

  it("leaves other gzip streams alone, whatever their name", async () => {
    const gzipped = gzipSync(Buffer.from(prose(500)));
    // Not Pagefind's signature inside, or not a Pagefind file: nothing to gain safely.
    put("pagefind/odd.json", gzipped);
    put("pagefind/index/en_odd.pf_index", gzipped);
    const report = await precompress(dist);
    for (const name of ["pagefind/odd.json", "pagefind/index/en_odd.pf_index"]) {
      expect(existsSync(join(dist, `${name}.br`)), name).toBe(false);
      expect(report.skipped).toContainEqual({ path: name, reason: "gzipped" });
    }
  });

  it("skips files under a kilobyte", async () => {
    put("robots.txt", "User-agent: *\nAllow: /\n");
    const report = await precompress(dist);
    expect(existsSync(join(dist, "robots.txt.br"))).toBe(false);
    expect(existsSync(join(dist, "robots.txt.gz"))).toBe(false);
    expect(report.skipped).toEqual([{ path: "robots.txt", reason: "small" }]);
  });

  it("skips a file whose compressed copy would not be smaller", async () => {
    // Random bytes do not compress: neither copy would save anything.
    put("_astro/noise.js", randomBytes(8192));
    const report = await precompress(dist);
    expect(existsSync(join(dist, "_astro/noise.js.br"))).toBe(false);
    expect(existsSync(join(dist, "_astro/noise.js.gz"))).toBe(false);
    expect(report.skipped).toEqual([{ path: "_astro/noise.js", reason: "incompressible" }]);
  });

  it("compresses only text formats, not images or its own copies", async () => {
    put("image.png", Buffer.alloc(4096, 0));
    put("en/index.html", page(""));
    await precompress(dist);
    await precompress(dist);
    expect(existsSync(join(dist, "image.png.br"))).toBe(false);
    expect(existsSync(join(dist, "en/index.html.br"))).toBe(true);
    expect(existsSync(join(dist, "en/index.html.br.br"))).toBe(false);
    expect(existsSync(join(dist, "en/index.html.gz.gz"))).toBe(false);
  });
});

describe("the CSP hash manifest", () => {
  const manifest = () =>
    JSON.parse(readFileSync(join(dist, "csp.json"), "utf8")) as {
      scriptHashes: string[];
      styleHashes: string[];
    };

  it("lists the hash of every inline script and style once, sorted", async () => {
    put("en/index.html", page('<script>console.log("hi");</script><style>body{color:red}</style>'));
    // The same script on a second page, a script with src, and a data block.
    put(
      "de/index.html",
      page(
        '<script>console.log("hi");</script><script type="module" src="/_astro/a.js"></script>' +
          '<script type="application/ld+json">{"@type":"FAQPage"}</script>',
      ),
    );
    await precompress(dist);
    const { scriptHashes, styleHashes } = manifest();
    // Hashes worked out independently of the code under test (Python's hashlib).
    expect(scriptHashes).toContain("'sha256-YyeTXEEDvdUn4SEEQwWcQj1xGgfkyT8LNTFXYzrV0nc='");
    expect(styleHashes).toEqual(["'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='"]);
    expect(scriptHashes).toHaveLength(2);
    expect(scriptHashes).toEqual([...scriptHashes].sort());
  });

  it("hashes a script's text exactly, with line breaks as the browser reads them", async () => {
    put("en/index.html", page('<script>\r\nconsole.log("hi");\r\n</script>'));
    await precompress(dist);
    expect(manifest().scriptHashes).toEqual([
      "'sha256-7kHBkZPXAAkatV9T7oKGpl5vNJxNdQOUa4BhUQAaTIc='",
    ]);
  });

  it("is not fooled by tags in comments, attribute values or other raw text", async () => {
    put(
      "en/index.html",
      page(
        '<!-- <script>old()</script> --><div data-html="<script>x()</script>"></div>' +
          "<textarea><style>p{}</style></textarea><title>a <script> b</title>",
      ),
    );
    await precompress(dist);
    expect(manifest()).toEqual({ scriptHashes: [], styleHashes: [] });
  });

  it("reports pages that carry style attributes, which the policy would block", async () => {
    put("en/index.html", page('<p style="color: red">a</p><svg><rect style="fill:red"/></svg>'));
    put("de/index.html", page('<p data-style="x" title="style=1">fine</p>'));
    const report = await precompress(dist);
    expect(report.styleAttributes).toEqual([{ path: "en/index.html", count: 2 }]);
  });
});
