import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { tableRowCounts, writeMark } from "@frontline/db";
import fc from "fast-check";
import { afterAll, beforeAll, expect } from "vitest";
import { defaultRateLimits } from "../src/platform/deps.ts";
import type { FuzzCall } from "./fuzz-http.ts";
import { type TestApp, testApp } from "./test-app.ts";

/**
 * What the fuzz tests share: the real app with rate limits out of the way
 * (so generated input reaches validation and the handlers), a count of
 * every table's rows, checks for the answers, and a guard against crashes.
 */

type Db = TestApp["db"];

/** Each limit raised far above what a run sends; the windows stay as configured. */
export const unlimited = Object.fromEntries(
  Object.entries(defaultRateLimits).map(([name, limit]) => [name, { ...limit, limit: 1e9 }]),
) as unknown as typeof defaultRateLimits;

export const fuzzApp = () => testApp({ rateLimits: unlimited });

/**
 * Generated cases per endpoint: at least 10,000 in all (the issue's
 * requirement), few enough that every fuzz file takes seconds, not minutes.
 */
export const fuzzRuns = {
  fileRequest: 1_800,
  fileRequestIdempotencyKey: 300,
  trackRequest: 1_300,
  reply: 1_200,
  customerStatus: 1_200,
  feedback: 1_200,
  deflection: 1_200,
  catalog: 800,
  serviceHealth: 800,
  signIn: 800,
} as const;

// Every call counts against a rate limit; on PostgreSQL the counters are rows of this table.
const counters = ["rate_limit_hits"];

const except = (counts: Record<string, number>, tables: readonly string[]) =>
  Object.fromEntries(
    Object.entries(counts).filter(([t]) => !tables.includes(t) && !counters.includes(t)),
  );

export interface FuzzOptions {
  readonly numRuns: number;
  /** Tables the endpoint writes to by design (sign-in: its audit and throttle rows). */
  readonly writes?: readonly string[];
  /** To replay a failure: the seed and path fast-check printed for it. */
  readonly seed?: number;
  readonly path?: string;
}

/**
 * Runs a property and checks, after every run and once around all of them,
 * that no table gained or lost a row; without `writes`, also that no row
 * was changed at all. The seed is random; a failure prints its seed and
 * path, which `seed` and `path` take to replay exactly that case.
 */
export async function fuzz<T>(
  db: Db,
  input: fc.Arbitrary<T>,
  { numRuns, writes = [], ...replay }: FuzzOptions,
  run: (value: T) => Promise<void>,
): Promise<void> {
  const start = await tableRowCounts(db);
  await fc.assert(
    fc.asyncProperty(input, async (value) => {
      // Nothing written at all says every count stayed too; with writes, the counts must.
      const before = writes.length ? await tableRowCounts(db) : await writeMark(db);
      await run(value);
      if (typeof before === "string") expect(await writeMark(db)).toBe(before);
      else expect(except(await tableRowCounts(db), writes)).toEqual(except(before, writes));
    }),
    { numRuns, ...replay },
  );
  expect(except(await tableRowCounts(db), writes)).toEqual(except(start, writes));
}

/** Sends bytes, so a missing Content-Type stays missing (a string body would get text/plain). */
export function send(app: TestApp["app"], call: FuzzCall): Promise<Response> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    if (value !== undefined) headers.set(name, value);
  }
  const body = typeof call.body === "string" ? new TextEncoder().encode(call.body) : call.body;
  return Promise.resolve(
    app.request(call.path, { method: call.method, headers, ...(body ? { body } : {}) }),
  );
}

/**
 * The fuzz most endpoints get: every generated call, sent as it is, must
 * get a proper API answer (expectApiAnswer) and write nothing.
 */
export function fuzzApiCalls(
  test: Pick<TestApp, "app" | "db">,
  calls: fc.Arbitrary<FuzzCall>,
  numRuns: number,
): Promise<void> {
  return fuzz(test.db, calls, { numRuns }, async (call) => {
    await expectApiAnswer(await send(test.app, call));
  });
}

/** The body as text, undoing the compression the client asked for. */
export async function bodyText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const coding = response.headers.get("Content-Encoding");
  if (coding === "br") return brotliDecompressSync(bytes).toString("utf8");
  if (coding === "gzip") return gunzipSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

/**
 * An API answer: never a 5xx; every error is RFC 9457 problem+json whose
 * status is the HTTP status; a success is JSON. Returns the status.
 */
export async function expectApiAnswer(response: Response): Promise<number> {
  const { status } = response;
  expect(status).toBeLessThan(500);
  const text = await bodyText(response);
  if (status >= 400) {
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    const problem = JSON.parse(text);
    expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  } else {
    expect(status).toBeGreaterThanOrEqual(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    JSON.parse(text);
  }
  return status;
}

/** A console answer: never a 5xx; a redirect, or a readable HTML page. */
export async function expectPageAnswer(response: Response): Promise<number> {
  const { status } = response;
  expect(status).toBeLessThan(500);
  if (status >= 300 && status < 400) {
    expect(response.headers.get("Location")).toMatch(/^\//);
    return status;
  }
  expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
  const html = await bodyText(response);
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(html).toContain("<h1>");
  return status;
}

/**
 * Fails the file if anything rejects or throws outside a request while it
 * runs: in the server a stray rejection ends the process.
 */
export function watchForCrashes(): { check(): void } {
  const crashes: unknown[] = [];
  const record = (reason: unknown) => crashes.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", record);
    process.on("uncaughtException", record);
  });
  afterAll(() => {
    process.off("unhandledRejection", record);
    process.off("uncaughtException", record);
    expect(crashes).toEqual([]);
  });
  return { check: () => expect(crashes).toEqual([]) };
}
