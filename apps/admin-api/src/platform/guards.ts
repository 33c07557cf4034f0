import { isIPv6 } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { AppConfig } from "./deps.ts";

/**
 * The client's address. Without trusted proxies, the connection's peer.
 * Behind `trustedProxies` proxies (each appending the address it saw to
 * X-Forwarded-For), the hop that many steps back from the peer: entries
 * further left were written by the client and prove nothing.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  let peer: string;
  try {
    peer = getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket behind it.
    peer = "unknown";
  }
  if (trustedProxies <= 0) return peer;
  const forwarded = (c.req.header("X-Forwarded-For") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Nearest first: the peer (the last proxy), then what each proxy saw, right to left.
  const hops = [peer, ...forwarded.reverse()];
  return hops[Math.min(trustedProxies, hops.length - 1)] ?? peer;
}

/** Over HTTPS, directly or (when the proxy is trusted) as the proxy saw it. */
export function isHttps(c: Context, config: Pick<AppConfig, "trustedProxies">): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  const forwarded = c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim().toLowerCase();
  return config.trustedProxies > 0 && forwarded === "https";
}

/**
 * What a rate limit counts by: an IPv4 address as it is, an IPv6 address by
 * its /64 network, since one subscriber is handed a whole /64 and could
 * otherwise take a fresh address for every request.
 */
export function limitKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * The public API answers pages of its own origin and of the configured
 * help-center origins; browsers refuse the rest.
 */
export function publicCors(config: AppConfig): MiddlewareHandler {
  return cors({
    origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST"],
    allowHeaders: ["Content-Type", "Idempotency-Key", "X-Tracking-Token"],
    maxAge: 600,
  });
}
