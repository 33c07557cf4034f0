import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MiddlewareHandler } from "hono";
import { isHttps } from "./guards.ts";

/** The inline scripts and styles of the built help center, hashed at build time. */
export interface HelpCenterHashes {
  readonly scriptHashes: readonly string[];
  readonly styleHashes: readonly string[];
}

const noHashes: HelpCenterHashes = { scriptHashes: [], styleHashes: [] };

/** Reads `csp.json` that the help center's build writes beside its pages. */
export function readHelpCenterHashes(dist: string | null): HelpCenterHashes {
  const file = dist ? join(dist, "csp.json") : null;
  if (!file || !existsSync(file)) return noHashes;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<HelpCenterHashes>;
  return { scriptHashes: parsed.scriptHashes ?? [], styleHashes: parsed.styleHashes ?? [] };
}

const policy = (directives: Record<string, readonly string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");

/** What every policy shares: no framing, no plugins, no foreign base or form targets. */
const common = {
  "frame-ancestors": ["'none'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

/**
 * One Content-Security-Policy per kind of page, none with 'unsafe-inline'.
 * The help center's inline scripts pass by hash; Pagefind compiles its
 * WebAssembly search, hence 'wasm-unsafe-eval'.
 */
export function contentSecurityPolicies(hashes: HelpCenterHashes) {
  return {
    helpCenter: policy({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'wasm-unsafe-eval'", ...hashes.scriptHashes],
      "style-src": ["'self'", ...hashes.styleHashes],
      "img-src": ["'self'", "data:"],
      ...common,
    }),
    console: policy({ "default-src": ["'self'"], ...common }),
    // Swagger UI draws its icons as data: images.
    apiReference: policy({ "default-src": ["'self'"], "img-src": ["'self'", "data:"], ...common }),
    // Sandboxed too: a downloaded attachment opened in the browser runs nothing.
    api: policy({ "default-src": ["'none'"], "frame-ancestors": ["'none'"], sandbox: [] }),
  };
}

/** Which policy a path gets. */
function kindOf(path: string): "console" | "apiReference" | "api" | "helpCenter" {
  if (path === "/admin" || path.startsWith("/admin/")) return "console";
  if (path === "/api/docs" || path.startsWith("/api/docs/")) return "apiReference";
  if (path.startsWith("/api/")) return "api";
  return "helpCenter";
}

/**
 * Security headers on every response, from one place. API answers that a
 * route did not mark as cacheable are `no-store`: partner data (customers,
 * escalations, incidents) must not linger in a shared or browser cache.
 */
export function securityHeaders(options: {
  readonly hashes: HelpCenterHashes;
  readonly trustedProxies: number;
}): MiddlewareHandler {
  const policies = contentSecurityPolicies(options.hashes);
  return async (c, next) => {
    await next();
    const kind = kindOf(c.req.path);
    const headers = c.res.headers;
    headers.set("Content-Security-Policy", policies[kind]);
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set(
      "Referrer-Policy",
      kind === "helpCenter" ? "strict-origin-when-cross-origin" : "same-origin",
    );
    if (isHttps(c, options))
      headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (kind === "api" && !headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  };
}
