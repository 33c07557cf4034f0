/**
 * HTTP load for the databases benchmark: autocannon (in this process, not
 * the servers') keeps a number of keep-alive connections busy against one
 * route for a while; with two servers the connections are split evenly and
 * both run at once. Latencies are taken from every response, so the
 * quantiles of two servers are those of all their answers together.
 */
import autocannon from "autocannon";
import { validRequest } from "../apps/admin-api/test/valid-request.ts";
import { quantile, round } from "./stats.ts";

export interface Route {
  readonly key: string;
  readonly label: string;
  readonly method: "GET" | "POST";
  readonly path: string;
}

export interface LoadFigures {
  readonly seconds: number;
  readonly responses: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Answers other than 2xx, by status. */
  readonly non2xx: Record<string, number>;
  /** Connection errors and timeouts, as autocannon counts them. */
  readonly errors: number;
}

let filings = 0;

/**
 * A client address of its own for every filing (the server trusts one
 * proxy), so the per-client limit of 10 filings in 10 minutes never
 * answers 429; counting each one is part of the filing's cost. Unique
 * across the whole run, as two runs may share a database.
 */
const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function requestOf(route: Route, token: string): autocannon.Request {
  if (route.method === "GET") {
    return { method: "GET", path: route.path, headers: { Authorization: `Bearer ${token}` } };
  }
  return {
    method: "POST",
    path: route.path,
    headers: { "Content-Type": "application/json" },
    setupRequest: (request) => {
      const n = ++filings;
      return {
        ...request,
        headers: { ...request.headers, "X-Forwarded-For": clientAddress(n) },
        body: JSON.stringify({ ...validRequest, subject: `${validRequest.subject} (${n})` }),
      };
    },
  };
}

interface OneRun {
  readonly result: autocannon.Result;
  readonly latencies: number[];
  readonly statuses: Map<number, number>;
}

function run(origin: string, route: Route, token: string, connections: number, seconds: number) {
  return new Promise<OneRun>((resolve, reject) => {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        requests: [requestOf(route, token)],
        timeout: 30,
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses })),
    );
    // autocannon passes the client first; its type definitions leave it out.
    (instance as unknown as NodeJS.EventEmitter).on(
      "response",
      (_client: unknown, status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      },
    );
  });
}

/** `connections` split evenly over `origins`, all at once, for `seconds`. */
export async function load(
  origins: readonly string[],
  route: Route,
  options: { token: string; connections: number; seconds: number },
): Promise<LoadFigures> {
  const share = Math.max(1, Math.floor(options.connections / origins.length));
  const runs = await Promise.all(
    origins.map((origin) => run(origin, route, options.token, share, options.seconds)),
  );
  const latencies = runs.flatMap((r) => r.latencies);
  const non2xx: Record<string, number> = {};
  for (const { statuses } of runs) {
    for (const [status, n] of statuses) {
      if (status < 200 || status > 299) non2xx[status] = (non2xx[status] ?? 0) + n;
    }
  }
  return {
    seconds: Math.max(...runs.map((r) => r.result.duration)),
    responses: latencies.length,
    requestsPerSecond: round(
      runs.reduce((sum, r) => sum + r.latencies.length / r.result.duration, 0),
      1,
    ),
    p50: round(quantile(latencies, 0.5), 2),
    p99: round(quantile(latencies, 0.99), 2),
    non2xx,
    errors: runs.reduce((sum, r) => sum + r.result.errors, 0),
  };
}

/** One answer of a GET route, to show what it matched on this database. */
export async function matching(origin: string, route: Route, token: string) {
  if (route.method !== "GET") return null;
  const response = await fetch(new URL(route.path, origin), {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`${route.path}: ${response.status}`);
  const page = (await response.json()) as { counts: Record<string, number> };
  return Object.values(page.counts).reduce((a, b) => a + b, 0);
}
