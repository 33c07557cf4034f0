import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle as syncDrizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import * as schema from "../schema/index.ts";
import { Connection, registerConnection } from "./connection.ts";

/** The drizzle migrations this version applies when it opens a SQLite database. */
export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

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
export function openSqlite(path: string, options: { readonly migrate?: boolean }) {
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
  return { db, connection, close: () => sqlite.close() };
}
