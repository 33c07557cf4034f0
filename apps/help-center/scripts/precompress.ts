/**
 * The build's last step: writes `<file>.br` and `<file>.gz` beside every
 * text asset of the built site, so a server can send them by Accept-Encoding
 * without compressing on each request, and `csp.json` with the hashes of
 * every inline <script> and <style>, so it can send a Content-Security-Policy
 * without 'unsafe-inline'.
 *
 *   tsx scripts/precompress.ts [dist]
 *
 * The hashes come quoted ('sha256-…'), ready to join into script-src and
 * style-src. Search also needs 'wasm-unsafe-eval' in script-src: Pagefind
 * compiles its WebAssembly in its worker, which the browser blocks otherwise.
 *
 * Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pf_filter,
 * wasm.*.pagefind) are gzip streams already. Pagefind's worker accepts them
 * decoded as well (it checks for its `pagefind_dcd` signature before
 * gunzipping), so each gets a `.br` copy of its decoded bytes: brotli at
 * quality 11 is 10–23 % smaller than Pagefind's gzip, and a browser that
 * takes br hands the worker the decoded bytes. A client without br gets the
 * gzip stream as it is. No `.gz` copy: it would be the same bytes. Any other
 * file starting with the gzip magic bytes is skipped whatever its name.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { extname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gunzip, gzip } from "node:zlib";
import { cspHash, findInlineAssets } from "./inline-assets.ts";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Pagefind's index, fragment, filter, metadata and wasm files: gzip streams it decodes itself. */
export const pagefindIndexFile = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;
/** What every decoded Pagefind file starts with; its worker skips gunzip when it sees it. */
const PAGEFIND_SIGNATURE = "pagefind_dcd";

/** Text formats that compress well; Pagefind's own scripts, styles and entry file are among them. */
export const compressible = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".svg",
  ".xml",
  ".txt",
  ".wasm",
]);
/** Below this a compressed response saves less than its headers and the decoder's work cost. */
export const minBytes = 1024;

export interface Precompressed {
  readonly path: string;
  readonly bytes: number;
  /** Null where that encoding would not have been smaller. */
  readonly br: number | null;
  readonly gz: number | null;
}

export interface PrecompressReport {
  readonly compressed: Precompressed[];
  /** Files of a compressible type left as they are: too small, already gzipped, or incompressible. */
  readonly skipped: { path: string; reason: "small" | "gzipped" | "incompressible" }[];
  readonly csp: { scriptHashes: string[]; styleHashes: string[] };
  /** Pages with style="…" attributes, which a hash-based style-src cannot allow. */
  readonly styleAttributes: { path: string; count: number }[];
}

export interface PrecompressOptions {
  /** Files in flight at once; compression itself runs on libuv's thread pool. */
  readonly concurrency?: number;
}

const isGzip = (data: Uint8Array) => data[0] === 0x1f && data[1] === 0x8b;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => compressible.has(extname(path)) || pagefindIndexFile.test(path))
    .sort();
}

/** Runs `work` over `items` with at most `limit` running at once. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

function brotliOf(data: Buffer, path: string): Promise<Buffer> {
  const text = compressible.has(extname(path)) && extname(path) !== ".wasm";
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      // With the size known, brotli picks a window to fit instead of the 4 MB default.
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: text
        ? constants.BROTLI_MODE_TEXT
        : constants.BROTLI_MODE_GENERIC,
    },
  });
}

/** Writes the copy if it is smaller, else removes a stale one from an earlier run. */
async function keepIfSmaller(path: string, original: number, data: Buffer): Promise<number | null> {
  if (data.length < original) {
    await writeFile(path, data);
    return data.length;
  }
  await rm(path, { force: true });
  return null;
}

export async function precompress(
  dist: string,
  options: PrecompressOptions = {},
): Promise<PrecompressReport> {
  const root = resolve(dist);
  // Two files per core keeps the thread pool busy while others are read or written.
  const concurrency = options.concurrency ?? availableParallelism() * 2;
  const report: PrecompressReport = {
    compressed: [],
    skipped: [],
    csp: { scriptHashes: [], styleHashes: [] },
    styleAttributes: [],
  };
  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();

  await eachLimited(await listFiles(root), concurrency, async (file) => {
    const path = relative(root, file);
    const data = await readFile(file);
    if (isGzip(data)) {
      const decoded = pagefindIndexFile.test(file) ? await gunzipAsync(data) : null;
      if (
        decoded?.subarray(0, PAGEFIND_SIGNATURE.length).toString("latin1") !== PAGEFIND_SIGNATURE
      ) {
        report.skipped.push({ path, reason: "gzipped" });
        return;
      }
      const br = await keepIfSmaller(`${file}.br`, data.length, await brotliOf(decoded, file));
      if (br === null) report.skipped.push({ path, reason: "incompressible" });
      else report.compressed.push({ path, bytes: data.length, br, gz: null });
      return;
    }
    if (extname(file) === ".html") {
      const assets = findInlineAssets(data.toString("utf8"));
      for (const script of assets.scripts) scriptHashes.add(cspHash(script));
      for (const style of assets.styles) styleHashes.add(cspHash(style));
      if (assets.styleAttributes > 0)
        report.styleAttributes.push({ path, count: assets.styleAttributes });
    }
    if (data.length < minBytes) {
      report.skipped.push({ path, reason: "small" });
      await Promise.all([rm(`${file}.br`, { force: true }), rm(`${file}.gz`, { force: true })]);
      return;
    }
    const [br, gz] = await Promise.all([
      brotliOf(data, file).then((out) => keepIfSmaller(`${file}.br`, data.length, out)),
      gzipAsync(data, { level: 9 }).then((out) => keepIfSmaller(`${file}.gz`, data.length, out)),
    ]);
    if (br === null && gz === null) report.skipped.push({ path, reason: "incompressible" });
    else report.compressed.push({ path, bytes: data.length, br, gz });
  });

  report.compressed.sort((a, b) => a.path.localeCompare(b.path));
  report.skipped.sort((a, b) => a.path.localeCompare(b.path));
  report.styleAttributes.sort((a, b) => a.path.localeCompare(b.path));
  report.csp.scriptHashes.push(...[...scriptHashes].sort());
  report.csp.styleHashes.push(...[...styleHashes].sort());
  await writeFile(join(root, "csp.json"), `${JSON.stringify(report.csp, null, 2)}\n`);
  return report;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const dist = process.argv[2] ?? "dist";
  const started = performance.now();
  const report = await precompress(dist);
  const sum = (pick: (c: Precompressed) => number | null) =>
    report.compressed.reduce((total, c) => total + (pick(c) ?? c.bytes), 0);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(
    `precompress: ${report.compressed.length} files, ${mb(sum((c) => c.bytes))} → ` +
      `${mb(sum((c) => c.br))} brotli, ${mb(sum((c) => c.gz))} gzip ` +
      `(${report.skipped.length} left as they are) in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `csp.json: ${report.csp.scriptHashes.length} script and ${report.csp.styleHashes.length} style hashes`,
  );
  if (report.styleAttributes.length > 0) {
    // The server's style-src has hashes but no 'unsafe-inline': these would render unstyled.
    console.error("style attributes, which the Content-Security-Policy blocks, in:");
    for (const { path, count } of report.styleAttributes) console.error(`  ${path} (${count})`);
    process.exitCode = 1;
  }
}
