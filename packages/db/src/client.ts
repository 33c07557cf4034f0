import type Database from "better-sqlite3";
import { is, sql } from "drizzle-orm";
import { PgDatabase } from "drizzle-orm/pg-core";
import type { SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { isPostgresUrl, openPostgres } from "./postgres/connection.ts";
import { asPostgres, withPostgresTransaction } from "./postgres/transactions.ts";
import type * as schema from "./schema/index.ts";
import { connectionOf } from "./sqlite/connection.ts";
import { databasePath, openSqlite } from "./sqlite/open.ts";

export { driverError, isDatabaseUnavailable, violatesUnique } from "./errors.ts";
export { isPostgresUrl } from "./postgres/connection.ts";
export { databasePath, migrationsFolder } from "./sqlite/open.ts";

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
  readonly dialect: Dialect;
  /** The SQLite file in use (or ":memory:"); for PostgreSQL the URL without its password. */
  readonly path: string;
  /** Settles once the schema is up to date; rejects with the reason when it cannot be. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database a URL names: `postgres://…` or `postgresql://…` is
 * PostgreSQL, anything else a SQLite file (a path, `file:…` or `:memory:`).
 * Either way the handle is returned at once and the schema is brought up to
 * date: SQLite before this returns, PostgreSQL before its first query runs.
 */
export function openDatabase(
  databaseUrl: string,
  options: {
    /** False to leave a SQLite file's schema as it is (a backup must copy what the server has). */
    readonly migrate?: boolean;
    /** PostgreSQL: connections this process keeps at most. */
    readonly poolSize?: number;
    /** PostgreSQL: told every statement drizzle sends, with its parameters. */
    readonly logQuery?: (query: string, params: unknown[]) => void;
  } = {},
): OpenDatabase {
  if (isPostgresUrl(databaseUrl)) {
    const opened = openPostgres(databaseUrl, options);
    return {
      // Typed as the SQLite handle the repositories are written against; see tablesOf.
      db: opened.db as unknown as Db,
      dialect: "postgres",
      path: withoutPassword(databaseUrl),
      ready: opened.ready,
      close: opened.close,
    };
  }
  const path = databasePath(databaseUrl);
  const opened = openSqlite(path, options);
  return {
    db: opened.db,
    dialect: "sqlite",
    path,
    ready: Promise.resolve(),
    close: async () => {
      opened.close();
    },
  };
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://…";
  }
}

export type Dialect = "sqlite" | "postgres";

/** Which engine answers this handle (or the transaction it is part of). */
export function dialectOf(db: Queries): Dialect {
  return is(db, PgDatabase) ? "postgres" : "sqlite";
}

/**
 * Runs `work` in one transaction: all of its writes are stored or none.
 * Writers begin IMMEDIATE, taking the write lock at once, so two processes
 * never deadlock upgrading a read lock. Called inside a transaction, the
 * work joins it (a savepoint would let an inner failure be swallowed).
 */
export async function withTransaction<T>(
  db: Queries,
  work: (tx: Tx) => Promise<T>,
  options: {
    /**
     * The change checks that something does not exist before writing; on
     * PostgreSQL it runs SERIALIZABLE (see postgres/transactions.ts). SQLite
     * runs one writer at a time, which is serializable already.
     */
    readonly serializable?: boolean;
  } = {},
): Promise<T> {
  if (dialectOf(db) === "postgres") {
    return withPostgresTransaction(db, work, options.serializable === true);
  }
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
  if (dialectOf(db) === "postgres") throw new Error("withRawConnection is for SQLite only");
  return connectionOf(db).use(work);
}

/** Proves the database answers; used by the health check. */
export async function pingDatabase(db: Db): Promise<void> {
  if (dialectOf(db) === "postgres") await asPostgres(db).execute(sql`SELECT 1`);
  else await withRawConnection(db, (sqlite) => sqlite.prepare("SELECT 1").get());
}

/**
 * The first row a query returns. drizzle's `.get()` exists on SQLite only;
 * awaiting the query and taking its first row reads the same on any driver.
 */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** The row an INSERT … RETURNING wrote; there always is one, or the insert threw. */
export async function one<T>(query: PromiseLike<T[]>): Promise<T> {
  const [row] = await query;
  if (row === undefined) throw new Error("The database returned no row for a write that makes one");
  return row;
}

/**
 * The rows a query reads, locked until the transaction ends (PostgreSQL's
 * SELECT … FOR UPDATE): a concurrent change of the same rows waits instead
 * of reading what this one is about to overwrite. SQLite needs nothing: a
 * writing transaction there holds the whole database from its start.
 * With `skipLocked`, rows another transaction holds are left out instead
 * of waited for: work several instances share takes only what is free.
 */
export function lockedForUpdate<Q extends PromiseLike<unknown>>(
  db: Queries,
  query: Q,
  options: { skipLocked?: boolean } = {},
): Q {
  if (dialectOf(db) === "sqlite") return query;
  const lockable = query as unknown as {
    for(strength: "update", config?: { skipLocked?: boolean }): Q;
  };
  return options.skipLocked ? lockable.for("update", { skipLocked: true }) : lockable.for("update");
}

/** Every table, as the repositories name them. */
export type Tables = typeof schema;

/**
 * The tables of the database's own dialect. Repositories are written once,
 * against drizzle's SQLite types; on PostgreSQL the same builder calls run
 * on pg-core tables with the same names, columns and row types (see
 * src/postgres/schema), so each function takes its tables from the handle
 * it was given instead of importing one dialect's.
 */
export function tablesOf(db: Queries): Tables {
  return db._.fullSchema;
}
