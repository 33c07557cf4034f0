import { createReadStream, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Context } from "hono";
import { getMimeType } from "hono/utils/mime";
import { type ContentCoding, negotiateEncoding } from "../compression.ts";

/**
 * Files whose name changes with their content, so a browser may keep them
 * for a year: Astro's `/_astro/*` and Pagefind's hashed index, fragment,
 * filter and meta chunks. Everything else (HTML, pagefind.js, its entry
 * file and wasm) is revalidated on each use.
 */
const FINGERPRINTED =
  /^\/_astro\/|^\/pagefind\/(fragment|index|filter)\/|^\/pagefind\/pagefind\.[\w-]+_[0-9a-f]+\.pf_meta$/;

const TYPES: Record<string, string> = {
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

function statFile(path: string): Stats | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

export interface FoundFile {
  readonly path: string;
  readonly stats: Stats;
}

/** The file a URL path names inside `dist`, or null for anything outside it or missing. */
export function resolveFile(dist: string, urlPath: string): FoundFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || /(^|[/\\])\.\.?([/\\]|$)|\\/.test(decoded)) return null;
  const direct = join(dist, decoded);
  const directStats = decoded.endsWith("/") ? null : statFile(direct);
  if (directStats) return { path: direct, stats: directStats };
  const index = join(direct, "index.html");
  const indexStats = statFile(index);
  return indexStats ? { path: index, stats: indexStats } : null;
}

/** RFC 9110 weak comparison against an If-None-Match list; garbage matches nothing. */
function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

function notModified(c: Context, etag: string, modified: Date): boolean {
  const ifNoneMatch = c.req.header("If-None-Match");
  if (ifNoneMatch !== undefined) return matchesEtag(ifNoneMatch, etag);
  const since = Date.parse(c.req.header("If-Modified-Since") ?? "");
  // HTTP dates have whole seconds; a file changed within the same second is not "newer".
  return Number.isFinite(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

/**
 * Answers a GET or HEAD for a file of the built help center: the
 * precompressed variant the client accepts (with `Vary`), an ETag and
 * Last-Modified with 304 on a match, and the cache lifetime its name
 * allows. Which files have variants is the build's decision: whatever it
 * wrote beside a file is offered. Range requests get the whole file
 * (allowed by RFC 9110), so a range never splits a compressed body.
 */
export function serveFile(c: Context, file: FoundFile, urlPath: string): Response {
  const { path, stats: identity } = file;
  const extension = path.slice(path.lastIndexOf("."));
  const type = TYPES[extension] ?? getMimeType(path) ?? "application/octet-stream";
  const variants = new Map<ContentCoding, Stats>();
  for (const coding of ["br", "gzip"] as const) {
    const stats = statFile(`${path}${suffix[coding]}`);
    if (stats) variants.set(coding, stats);
  }
  const coding = negotiateEncoding(c.req.header("Accept-Encoding"), [...variants.keys()]);
  const served = coding ? `${path}${suffix[coding]}` : path;
  const size = (coding ? variants.get(coding) : undefined)?.size ?? identity.size;
  const etag = `W/"${identity.size.toString(16)}-${Math.floor(identity.mtimeMs).toString(16)}${coding ? `-${coding}` : ""}"`;

  const headers: Record<string, string> = {
    "Content-Type": type,
    ETag: etag,
    "Last-Modified": identity.mtime.toUTCString(),
    "Cache-Control": FINGERPRINTED.test(urlPath)
      ? "public, max-age=31536000, immutable"
      : "public, max-age=0, must-revalidate",
  };
  if (variants.size > 0) headers.Vary = "Accept-Encoding";
  if (notModified(c, etag, identity.mtime)) return c.body(null, 304, headers);
  if (coding) headers["Content-Encoding"] = coding;
  headers["Content-Length"] = String(size);
  if (c.req.method === "HEAD") return c.body(null, 200, headers);
  const body = Readable.toWeb(createReadStream(served)) as ReadableStream<Uint8Array>;
  return c.body(body, 200, headers);
}

const suffix: Record<ContentCoding, string> = { br: ".br", gzip: ".gz" };
