import type { MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { AppConfig, AppDeps, RateLimit } from "./deps.ts";
import { clientAddress, limitKey } from "./guards.ts";
import { problems } from "./problems.ts";
import { rateLimitStore } from "./rate-limit-store.ts";

export type LimitName = keyof AppConfig["rateLimits"];

interface LimitedEndpoint {
  readonly method: "GET" | "POST";
  /** As Hono writes it, e.g. /api/v1/requests/:number. */
  readonly path: string;
  /** Each is one bucket shared by every endpoint that names it. */
  readonly limits: readonly LimitName[];
  readonly reason: string;
}

/**
 * Every endpoint anyone may call without signing in, and the limits it
 * counts against. createApp mounts the limits from this table, and a test
 * checks that no anonymous route is missing from it.
 */
export const publicEndpointLimits: readonly LimitedEndpoint[] = [
  {
    method: "POST",
    path: "/api/v1/requests",
    limits: ["submit"],
    reason: "Filing stores a request and sends a mail: a loop must not flood the queue or spam.",
  },
  {
    method: "POST",
    path: "/api/v1/uploads",
    limits: ["upload"],
    reason: "Each upload keeps up to 10 MiB on disk for a day: a loop must not fill the disk.",
  },
  {
    method: "GET",
    path: "/api/v1/requests/:number/attachments/:id",
    limits: ["public"],
    reason: "A download checks the tracking token like tracking does, and reads a file.",
  },
  {
    method: "GET",
    path: "/api/v1/requests/:number",
    limits: ["public"],
    reason: "Tracking checks a number and secret token: the limit makes guessing pairs hopeless.",
  },
  {
    method: "POST",
    path: "/api/v1/requests/:number/replies",
    limits: ["public"],
    reason: "A reply writes to the timeline and notifies the desk.",
  },
  {
    method: "POST",
    path: "/api/v1/requests/:number/status",
    limits: ["public"],
    reason: "Closing or reopening writes and notifies, like a reply.",
  },
  {
    method: "POST",
    path: "/api/v1/requests/:number/satisfaction",
    limits: ["public"],
    reason: "A rating checks the tracking token like tracking does, and may mail the assignee.",
  },
  {
    method: "POST",
    path: "/api/v1/feedback",
    limits: ["public"],
    reason: "Each vote is a row: unlimited, a script could rig an article's score.",
  },
  {
    method: "POST",
    path: "/api/v1/deflections",
    limits: ["public"],
    reason: "Each is a row that feeds the self-service figures.",
  },
  {
    method: "GET",
    path: "/api/v1/catalog",
    limits: ["lookup"],
    reason: "Cheap and cached, but every contact form loads it: a high limit of its own.",
  },
  {
    method: "GET",
    path: "/api/v1/service-health",
    limits: ["lookup"],
    reason: "Read by every help-center page that shows the status banner: a high limit of its own.",
  },
  {
    method: "GET",
    path: "/api/v1/status/:locale/feed.atom",
    limits: ["lookup"],
    reason: "Feed readers poll it like the status page does: the same high limit.",
  },
  {
    method: "POST",
    path: "/api/v1/incident-subscriptions",
    limits: ["submit"],
    reason: "Each sends a confirmation mail: a loop must not flood someone's inbox.",
  },
  {
    method: "GET",
    path: "/status-mail/confirm",
    limits: ["public"],
    reason: "Checks a signed link, like tracking does.",
  },
  {
    method: "POST",
    path: "/status-mail/confirm",
    limits: ["public"],
    reason: "Checks a signed link and stores a subscription.",
  },
  {
    method: "GET",
    path: "/status-mail/unsubscribe",
    limits: ["public"],
    reason: "Checks a signed link, like tracking does.",
  },
  {
    method: "POST",
    path: "/status-mail/unsubscribe",
    limits: ["public"],
    reason: "Checks a signed link and deletes a subscription; mail clients call it in one click.",
  },
  {
    method: "POST",
    path: "/admin/sign-in",
    limits: ["signIn", "signInOverall"],
    reason:
      "Each attempt may hash a password: per address, then for everyone together, before any hashing.",
  },
];

/** Limits counted for everyone together rather than per client address. */
const sharedByEveryone: ReadonlySet<LimitName> = new Set(["signInOverall"]);

/**
 * A request limit, per client address (an IPv6 client by its /64) or for
 * everyone at once. Over it, a 429 problem that says when to come back (JSON
 * on the API, a page in the console), thrown before the route does any work.
 */
function limiter(name: LimitName, limit: RateLimit, deps: AppDeps): MiddlewareHandler {
  const { config } = deps;
  const everyone = sharedByEveryone.has(name);
  const store = rateLimitStore(deps.db, deps.clock, name);
  return rateLimiter({
    ...(store ? { store } : {}),
    windowMs: limit.windowMs,
    limit: limit.limit,
    standardHeaders: "draft-7",
    keyGenerator: (c) =>
      everyone ? name : `${name}:${limitKey(clientAddress(c, config.trustedProxies))}`,
    handler: (c) => {
      const info = (c.get as (key: string) => unknown)("rateLimit") as
        | { resetTime?: Date }
        | undefined;
      const seconds = info?.resetTime
        ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))
        : Math.ceil(limit.windowMs / 1000);
      throw problems.rateLimited(
        `${everyone ? "There are too many requests right now." : "You have sent too many requests."} Try again in ${seconds} seconds.`,
        seconds,
      );
    },
  }) as unknown as MiddlewareHandler;
}

/**
 * The table's limits as middleware to mount in front of the routes: one
 * limiter (one bucket) per limit name, shared by every endpoint that counts
 * against it.
 */
export function rateLimitedEndpoints(
  deps: AppDeps,
): { method: string; path: string; limiters: MiddlewareHandler[] }[] {
  const limiters = new Map<LimitName, MiddlewareHandler>();
  const get = (name: LimitName) => {
    let found = limiters.get(name);
    if (!found) {
      found = limiter(name, deps.config.rateLimits[name], deps);
      limiters.set(name, found);
    }
    return found;
  };
  return publicEndpointLimits.map((endpoint) => ({
    method: endpoint.method,
    path: endpoint.path,
    limiters: endpoint.limits.map(get),
  }));
}
