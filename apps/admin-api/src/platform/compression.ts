import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { parseAccept } from "hono/utils/accept";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";

export type ContentCoding = "br" | "gzip";

/**
 * The best of `available` codings the client accepts, or null for the
 * identity. Follows RFC 9110: q=0 refuses, `*` covers the codings not named,
 * and an unparsable header counts as no preference (identity), never an error.
 */
export function negotiateEncoding(
  header: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | null {
  if (!header) return null;
  let accepts: ReturnType<typeof parseAccept>;
  try {
    accepts = parseAccept(header);
  } catch {
    return null;
  }
  const wildcard = accepts.find((a) => a.type === "*")?.q;
  let best: { coding: ContentCoding; q: number } | null = null;
  for (const coding of available) {
    const named = accepts.find((a) => a.type.toLowerCase() === coding);
    const q = named ? named.q : (wildcard ?? 0);
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { coding, q };
  }
  return best?.coding ?? null;
}

/** Below this, compression costs more than the bytes it saves. */
const THRESHOLD = 1024;

/**
 * Compresses dynamic answers (console pages, API JSON) of 1 KB or more on
 * the fly: brotli at a fast level where accepted, else gzip. Answers that
 * declare their length are files: the build already chose their coding.
 * The body is read whole; every dynamic answer here is a page or a JSON
 * document, none is an endless stream.
 */
export function compressDynamic(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === "HEAD" || !res.body || [204, 206, 304].includes(res.status)) return;
    if (res.headers.has("Content-Encoding") || res.headers.has("Content-Length")) return;
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get("Content-Type") ?? "")) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get("Cache-Control") ?? "")) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const big = body.byteLength >= THRESHOLD;
    const coding = big ? negotiateEncoding(c.req.header("Accept-Encoding"), ["br", "gzip"]) : null;
    const sent = !coding
      ? body
      : coding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
        : gzipSync(body, { level: 6 });
    const vary = res.headers.get("Vary");
    // Hono copies the old answer's headers onto the new one; set ours after that.
    c.res = new Response(new Uint8Array(sent), { status: res.status, headers: res.headers });
    if (big && !vary?.toLowerCase().includes("accept-encoding")) {
      c.res.headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    }
    if (coding) c.res.headers.set("Content-Encoding", coding);
    c.res.headers.set("Content-Length", String(sent.byteLength));
  };
}

/**
 * A large file that ships with a package (Swagger UI's 1.7 MB bundle):
 * compressed once in memory on first use, then served in the coding the
 * client prefers, with `Vary` so caches keep the variants apart.
 */
export function compressedAsset(load: () => Buffer, contentType: string) {
  let variants: Record<ContentCoding | "identity", Buffer> | null = null;
  return (c: Context, cacheControl: string) => {
    if (!variants) {
      const identity = load();
      variants = {
        identity,
        br: brotliCompressSync(identity, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
          },
        }),
        gzip: gzipSync(identity, { level: 9 }),
      };
    }
    const coding = negotiateEncoding(c.req.header("Accept-Encoding"), ["br", "gzip"]);
    const headers: Record<string, string> = {
      "Content-Type": contentType,
      "Cache-Control": cacheControl,
      Vary: "Accept-Encoding",
    };
    if (coding) headers["Content-Encoding"] = coding;
    return c.body(new Uint8Array(variants[coding ?? "identity"]), 200, headers);
  };
}
