import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { parseAccept } from "hono/utils/accept";

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

/**
 * Compresses dynamic answers (console pages, API JSON) over 1 KB on the fly
 * with gzip. Static files arrive already encoded and pass untouched.
 */
export function compressDynamic(): MiddlewareHandler {
  return compress({ encoding: "gzip", threshold: 1024 });
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
