import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { DrizzleQueryError } from "drizzle-orm";
import { drizzle as syncDrizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { Connection, connectionOf, registerConnection } from "./connection.ts";
import * as schema from "./schema/index.ts";

/**
 * The database as the app sees it: drizzle's async query builders, no
 * driver type. Every call returns a promise, so a second driver (one that
 * answers over the network) fits behind the same functions.
 */
export type Db = SqliteRemoteDatabase<typeof schema>;

/** The handle a transaction's work gets; the same queries as Db, inside the transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Db or Tx: what a write that may run inside a caller's transaction takes. */
export type Queries = Db | Tx;

export interface OpenDatabase {
  readonly db: Db;
  /** The file in use, or ":memory:". */
  readonly path: string;
  close(): void;
}

/** The drizzle migrations this version applies when it opens a database. */
export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** Accepts a plain path, a `file:` URL, or `:memory:`. */
export function databasePath(databaseUrl: string): string {
  if (databaseUrl === ":memory:") return databaseUrl;
  const path = databaseUrl.startsWith("file:") ? databaseUrl.slice("file:".length) : databaseUrl;
  return resolve(path);
}

/**
 * Opens (creating if needed) the SQLite file and brings its schema up to
 * date. WAL lets readers work while a writer commits; the busy timeout makes
 * a second process wait for the lock instead of failing at once.
 * synchronous=FULL syncs the WAL at every commit, so a request answered 201
 * survives a power cut, not only a crash of the process (NORMAL's promise).
 * Measured here it allows about 4,000 commits/s, twenty times what filing
 * requests reaches, so durability costs no throughput that matters.
 */
export function openDatabase(
  databaseUrl: string,
  options: {
    /** False to leave the schema as it is (a backup must copy what the server has). */
    readonly migrate?: boolean;
  } = {},
): OpenDatabase {
  const path = databasePath(databaseUrl);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  // Deleted and overwritten content is zeroed, not left in free space: a
  // sent mail's tracking link must not survive in the file after its purge.
  sqlite.pragma("secure_delete = ON");
  // Migrations run before anything else can use the connection, synchronously.
  if (options.migrate !== false) migrate(syncDrizzle({ client: sqlite }), { migrationsFolder });
  const connection = new Connection(sqlite);
  const db = drizzle(
    (sql, params, method) => connection.use(() => connection.execute(sql, params, method)),
    { schema },
  );
  registerConnection(db, connection);
  return { db, path, close: () => sqlite.close() };
}

/**
 * Runs `work` in one transaction: all of its writes are stored or none.
 * Writers begin IMMEDIATE, taking the write lock at once, so two processes
 * never deadlock upgrading a read lock. Called inside a transaction, the
 * work joins it (a savepoint would let an inner failure be swallowed).
 */
export async function withTransaction<T>(db: Queries, work: (tx: Tx) => Promise<T>): Promise<T> {
  const connection = connectionOf(db);
  // Inside a transaction every statement is already part of it, whatever the handle.
  if (connection.inTransaction) return work(db as Tx);
  return connection.exclusive(() => db.transaction(work, { behavior: "immediate" }));
}

/**
 * Synchronous work on the raw better-sqlite3 connection, for what drizzle
 * cannot say well (bulk loads, backups, FTS and pragmas). Only packages/db
 * uses it; it waits its turn like every other statement, and inside a
 * transaction it runs as part of it.
 */
export function withRawConnection<T>(
  db: Queries,
  work: (sqlite: Database.Database) => T,
): Promise<T> {
  return connectionOf(db).use(work);
}

/** Proves the database answers; used by the health check. */
export async function pingDatabase(db: Db): Promise<void> {
  await withRawConnection(db, (sqlite) => sqlite.prepare("SELECT 1").get());
}

/**
 * The driver's own error behind a failed query. drizzle wraps it in one
 * whose message holds the SQL and every parameter (emails, password
 * hashes): match and log this one instead.
 */
export function driverError(error: unknown): unknown {
  return error instanceof DrizzleQueryError && error.cause !== undefined ? error.cause : error;
}
