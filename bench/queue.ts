/**
 * Partner queue benchmark: seeds a temporary database with N requests (the
 * same seed as `npm run admin -- seed`), then times the queue API in-process
 * (app.request with a bearer token) and, for the default page, over real
 * HTTP on loopback. A small baseline database is measured in the same run;
 * the ratios target/baseline say how the queue scales.
 *
 *   npm exec -- tsx bench/queue.ts [--requests 100000] [--baseline 1000] [--runs 50] [--keep]
 *
 * See bench/README.md ("Partner queue") for what each figure means.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type OpenDatabase, openDatabase, rareSearchWord, seedDatabase } from "@frontline/db";
import { serve } from "@hono/node-server";
import { createApp, prepareDatabase } from "../apps/admin-api/src/app.ts";
import { loadConfig } from "../apps/admin-api/src/config.ts";
import { systemClock } from "../apps/admin-api/src/platform/deps.ts";
import { filesystemStore } from "../apps/admin-api/src/platform/files/file-store.ts";
import { signedInBrowser } from "../apps/admin-api/test/browser.ts";
import { addBenchAgent } from "./bench-agent.ts";
import { type Measured, type SizeResult, type Timing, table } from "./queue-report.ts";
import { quantile } from "./stats.ts";

const benchDir = dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "100000" },
    baseline: { type: "string", default: "1000" },
    runs: { type: "string", default: "50" },
    keep: { type: "boolean", default: false },
    common: { type: "string", default: "error" },
  },
});
const runs = Number(args.runs);
const warmup = 5;

async function time(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

/** A fresh database seeded with `requests`, the app on it, and an agent's API token. */
async function seededApp(requests: number, database: OpenDatabase, path: string) {
  const config = { ...loadConfig({ DATABASE_URL: path }), helpCenterDist: null };
  process.stdout.write(`seeding ${requests.toLocaleString("en")} requests… `);
  const seeded = await seedDatabase(database.db, { requests, now: systemClock.now() });
  console.log(`${(seeded.ms / 1000).toFixed(1)} s`);
  const token = await addBenchAgent(database.db);
  const headers = { Authorization: `Bearer ${token}` };
  // The queue reads no files; the store sits beside the bench's database.
  const files = filesystemStore(join(dirname(path), "attachments"));
  const deps = { db: database.db, clock: systemClock, config, files };
  await prepareDatabase(deps);
  const app = createApp(deps);
  // biome-ignore lint/suspicious/noExplicitAny: the queue page is read as JSON
  const get = async (url: string): Promise<any> => {
    const response = await app.request(url, { headers });
    if (response.status !== 200)
      throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return { seeded, headers, app, get };
}

type Seeded = Awaited<ReturnType<typeof seededApp>>;

/** A cursor 80 % into the default order: the page a keyset walk reaches after many pages. */
async function deepCursor(get: Seeded["get"], requests: number): Promise<string | null> {
  let cursor: string | null = null;
  const depth = Math.floor(requests * 0.8);
  for (let seen = 0; seen < depth; ) {
    const page = await get(`/api/v1/queue?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    seen += page.items.length;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return cursor;
}

/** The queue API's filters, sorts, deep page and searches, in-process. */
async function apiRows(get: Seeded["get"], cursor: string | null, rare: string) {
  const queries: [string, string][] = [
    ["default page (SLA order)", "/api/v1/queue"],
    ["status=open & severity=B", "/api/v1/queue?status=open&severity=B"],
    ["sla=breached", "/api/v1/queue?sla=breached"],
    ["assignee=none & service=mail", "/api/v1/queue?assignee=none&service=mail"],
    ["sort=created (newest first)", "/api/v1/queue?sort=created"],
    [`deep keyset page (80 %)`, `/api/v1/queue?cursor=${cursor}`],
    [`search, common word "${args.common}"`, `/api/v1/queue?q=${encodeURIComponent(args.common)}`],
    [`search, rare word "${rare}"`, `/api/v1/queue?q=${encodeURIComponent(rare)}`],
    ["search, two words", `/api/v1/queue?q=${encodeURIComponent(`${args.common} outlook`)}`],
  ];
  const rows: Measured[] = [];
  for (const [label, url] of queries) {
    const sample = await get(url);
    const matching = Object.values(sample.counts as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
    rows.push({
      label,
      path: url,
      timing: await time(() => get(url)),
      items: sample.items.length,
      matching,
    });
  }
  return rows;
}

/** The console renders the same queue as HTML for a signed-in agent (session cookie, CSRF, layout). */
async function consoleRows(seeded: Seeded, database: OpenDatabase) {
  const { app, get } = seeded;
  const { browser } = await signedInBrowser(app, database.db, "agent", {
    email: "console@partner.example",
  });
  const someNumber = (await get("/api/v1/queue?sort=created")).items[0]?.number as string;
  const consolePages: [string, string][] = [
    ["console: queue page (HTML)", "/admin/queue"],
    [
      `console: queue search "${args.common}" (HTML)`,
      `/admin/queue?q=${encodeURIComponent(args.common)}`,
    ],
    ["console: request page (HTML)", `/admin/requests/${someNumber}`],
  ];
  const rows: Measured[] = [];
  for (const [label, url] of consolePages) {
    const html = async () => {
      const response = await browser.get(url);
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      return response.text();
    };
    await html();
    rows.push({ label, path: url, timing: await time(html), items: 0, matching: null });
  }
  return rows;
}

/** The default page over a real socket: HTTP parsing, headers and JSON on the wire included. */
async function overHttp(seeded: Seeded): Promise<Timing> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: seeded.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const http = await time(async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/queue`, {
      headers: seeded.headers,
    });
    await response.arrayBuffer();
  });
  await new Promise((resolve) => server.close(resolve));
  return http;
}

/** The database file and its write-ahead log, in bytes. */
function databaseBytes(path: string): number {
  return ["", "-wal"].reduce((sum, suffix) => {
    try {
      return sum + statSync(path + suffix).size;
    } catch {
      return sum;
    }
  }, 0);
}

async function measure(requests: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), `frontline-queue-${requests}-`));
  const path = join(dir, "bench.db");
  const database = openDatabase(path);
  try {
    const seeded = await seededApp(requests, database, path);
    const cursor = await deepCursor(seeded.get, requests);
    const rare = (await rareSearchWord(database.db)) ?? "zzzz";
    const rows = [
      ...(await apiRows(seeded.get, cursor, rare)),
      ...(await consoleRows(seeded, database)),
    ];
    const http = await overHttp(seeded);
    return {
      requests,
      seedSeconds: seeded.seeded.ms / 1000,
      databaseMB: databaseBytes(path) / 1e6,
      rows,
      http,
      words: { common: args.common, rare },
    };
  } finally {
    database.close();
    if (args.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const baseline = await measure(Number(args.baseline));
const target = await measure(Number(args.requests));
console.log("");
console.log(`${runs} runs per query after ${warmup} warm-up runs; in-process unless marked HTTP.`);
console.log(table(baseline, target));
console.log("");
console.log(
  `seed: ${baseline.seedSeconds.toFixed(1)} s / ${target.seedSeconds.toFixed(1)} s; database ${baseline.databaseMB.toFixed(1)} MB / ${target.databaseMB.toFixed(1)} MB; ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
);
const resultsDir = join(benchDir, "results");
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `queue-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ runs, warmup, cpus: cpus().length, baseline, target }, null, 2)}\n`,
);
console.log(`results: ${file}`);
