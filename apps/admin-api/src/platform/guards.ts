import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { rateLimiter } from "hono-rate-limiter";
import type { AppConfig, RateLimit } from "./deps.ts";
import { Problem, problemResponse } from "./problem.ts";

/**
 * The client's address: the connection's peer, or the first hop of
 * X-Forwarded-For when the server runs behind a proxy it trusts.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("X-Forwarded-For")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket behind it.
    return "unknown";
  }
}

/** Per-client limit with a problem+json 429 that says when to come back. */
export function limitPerClient(
  name: string,
  limit: RateLimit,
  config: AppConfig,
): MiddlewareHandler {
  return rateLimiter({
    windowMs: limit.windowMs,
    limit: limit.limit,
    standardHeaders: "draft-7",
    keyGenerator: (c) => `${name}:${clientAddress(c, config.trustProxy)}`,
    handler: (c) => {
      // The limiter has already set Retry-After; the detail says the same in words.
      const info = (c.get as (key: string) => unknown)("rateLimit") as
        | { resetTime?: Date }
        | undefined;
      const seconds = info?.resetTime
        ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))
        : null;
      const wait = seconds ? ` Try again in ${seconds} seconds.` : " Try again later.";
      return problemResponse(
        c,
        new Problem(
          429,
          "rate-limited",
          "Too many requests",
          `You have sent too many requests.${wait}`,
        ),
      );
    },
  }) as unknown as MiddlewareHandler;
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
