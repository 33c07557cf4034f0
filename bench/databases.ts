/**
 * SQLite against PostgreSQL, and one PostgreSQL instance against two: for
 * each size, a SQLite file is seeded (as `npm run admin -- seed` does) and
 * copied into PostgreSQL (as `npm run admin -- copy-database` does), each is
 * served by real server processes started as `npm run serve` starts them,
 * and this process loads them over loopback with autocannon: the queue's
 * default page, a rare and a common search, and filing requests. Figures
 * are ratios within one run; there are no timed assertions.
 *
 *   npm run bench:databases -- [--sizes 100000,1000000] [--duration 10] [--connections 20] [--keep]
 *
 * See bench/README.md ("Databases") for what each figure means.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type ServerProcess, startServerProcess } from "../tests/e2e/server-process.ts";
import {
  type BenchPostgres,
  copyToPostgres,
  dropDatabase,
  seedSqlite,
  startPostgres,
} from "./database-copies.ts";
import {
  type RouteResult,
  type Setup,
  type SizeResult,
  sizeNotes,
  table,
} from "./databases-report.ts";
import { type LoadFigures, load, matching, type Route } from "./http-load.ts";

const benchDir = dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "100000" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "20" },
    common: { type: "string", default: "error" },
    "pg-set": { type: "string", multiple: true, default: [] },
    "skip-two-instances": { type: "boolean", default: false },
    "skip-search": { type: "boolean", default: false },
    "skip-post": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const sizes = args.sizes.split(",").map((s) => Number(s.replace(/_/g, "")));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes ${args.sizes}?`);
const options = {
  duration: Number(args.duration),
  warmup: Number(args.warmup),
  connections: Number(args.connections),
};
const progress = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

function routesFor(rare: string): Route[] {
  const q = (word: string) => `/api/v1/queue?q=${encodeURIComponent(word)}`;
  return [
    { key: "queue", label: "GET queue, default page", method: "GET", path: "/api/v1/queue" },
    ...(args["skip-search"]
      ? []
      : ([
          { key: "rare", label: `GET queue, rare word "${rare}"`, method: "GET", path: q(rare) },
          {
            key: "common",
            label: `GET queue, common word "${args.common}"`,
            method: "GET",
            path: q(args.common),
          },
        ] satisfies Route[])),
    ...(args["skip-post"]
      ? []
      : ([
          {
            key: "file",
            label: "POST requests (filing)",
            method: "POST",
            path: "/api/v1/requests",
          },
        ] satisfies Route[])),
  ];
}

/** Started as `npm run serve` starts it; every client address behind one trusted proxy. */
async function server(databaseUrl: string): Promise<ServerProcess> {
  const started = await startServerProcess({
    DATABASE_URL: databaseUrl,
    TRUST_PROXY: "1",
    // Instances on one PostgreSQL share the secret that signs access links.
    ACCESS_LINK_SECRET: "databases-bench-access-link-secret-0123456789",
  });
  return { ...started, url: started.url.replace("//localhost:", "//127.0.0.1:") };
}

async function measure(
  requests: number,
  dir: string,
  postgres: BenchPostgres,
): Promise<SizeResult> {
  const path = join(dir, `bench-${requests}.db`);
  const name = `frontline_bench_${requests}`;
  progress(`[${elapsed()}] ${requests.toLocaleString("en")} requests: seeding SQLite…`);
  const seeded = await seedSqlite(path, requests);
  progress(`[${elapsed()}]   seeded in ${seeded.seedSeconds.toFixed(1)} s; copying to PostgreSQL…`);
  const copy = await copyToPostgres(postgres, path, name);
  progress(
    `[${elapsed()}]   copied in ${copy.copySeconds.toFixed(1)} s, VACUUM ANALYZE ${copy.analyzeSeconds.toFixed(1)} s; starting servers…`,
  );
  const servers: ServerProcess[] = [];
  try {
    const sqlite = await server(path);
    servers.push(sqlite);
    const pgA = await server(copy.url);
    servers.push(pgA);
    const pgB = args["skip-two-instances"] ? null : await server(copy.url);
    if (pgB) servers.push(pgB);
    const targets: Partial<Record<Setup, string[]>> = {
      sqlite: [sqlite.url],
      postgres: [pgA.url],
      ...(pgB ? { postgres2: [pgA.url, pgB.url] } : {}),
    };
    const routes: RouteResult[] = [];
    // Route by route, each on every setup back to back; filing last, since it adds requests.
    for (const route of routesFor(seeded.rare)) {
      const figures: Partial<Record<Setup, LoadFigures>> = {};
      for (const [setup, origins] of Object.entries(targets) as [Setup, string[]][]) {
        const run = { token: seeded.token, connections: options.connections };
        if (options.warmup > 0) await load(origins, route, { ...run, seconds: options.warmup });
        const f = await load(origins, route, { ...run, seconds: options.duration });
        figures[setup] = f;
        const bad =
          Object.keys(f.non2xx).length + f.errors > 0
            ? ` non-2xx ${JSON.stringify(f.non2xx)}, errors ${f.errors}`
            : "";
        progress(
          `[${elapsed()}]   ${route.label} on ${setup}: ${f.requestsPerSecond} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms${bad}`,
        );
      }
      routes.push({
        route,
        matching: {
          sqlite: await matching(sqlite.url, route, seeded.token),
          postgres: await matching(pgA.url, route, seeded.token),
        },
        figures,
      });
    }
    return {
      requests,
      seedSeconds: seeded.seedSeconds,
      copySeconds: copy.copySeconds,
      analyzeSeconds: copy.analyzeSeconds,
      sqliteMB: seeded.bytes / 1e6,
      postgresMB: copy.bytes / 1e6,
      words: { common: args.common, rare: seeded.rare },
      routes,
    };
  } catch (error) {
    for (const s of servers) progress(`--- server ${s.url} printed:\n${s.output().slice(-4000)}`);
    throw error;
  } finally {
    for (const s of servers) await s.stop();
    if (!args.keep) {
      await dropDatabase(postgres, name);
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    }
  }
}

const git = (...a: string[]) => execFileSync("git", a, { cwd: benchDir, encoding: "utf8" }).trim();
const loadBefore = loadavg();
const dir = mkdtempSync(join(tmpdir(), "frontline-bench-databases-"));
const postgres = await startPostgres(args["pg-set"], args.keep);
const results: SizeResult[] = [];
try {
  for (const requests of sizes) results.push(await measure(requests, dir, postgres));
} finally {
  await postgres.stop();
  if (args.keep) progress(`kept ${dir} and ${postgres.dataDir}`);
  else rmSync(dir, { recursive: true, force: true });
}
const loadAfter = loadavg();

console.log(
  `${options.connections} connections, ${options.duration} s per route and setup after ${options.warmup} s of warm-up; PG×2: two servers, ${Math.floor(options.connections / 2)} connections each.`,
);
console.log(table(results));
console.log("");
console.log(sizeNotes(results));
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "",
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  freeMemoryGiBAtEnd: Math.round((freemem() / 2 ** 30) * 10) / 10,
};
console.log(
  `${machine.cpus} CPUs, ${machine.memoryGiB} GiB; load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}; ${elapsed()} in all`,
);
const resultsDir = join(benchDir, "results");
mkdirSync(resultsDir, { recursive: true });
const suffix = args.sizes === "100000" ? "" : `-${sizes.join("-")}`;
const file = join(resultsDir, `databases-${new Date().toISOString().slice(0, 10)}${suffix}.json`);
const json = {
  date: new Date().toISOString(),
  commit: git("rev-parse", "HEAD"),
  uncommittedChanges: git("status", "--porcelain").length > 0,
  machine,
  loadAverage: { before: loadBefore, after: loadAfter },
  options: { ...options, sizes, common: args.common },
  postgres: { version: postgres.version, settings: postgres.settings },
  seconds: Math.round((performance.now() - started) / 1000),
  sizes: results,
};
writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
console.log(`results: ${file}`);
