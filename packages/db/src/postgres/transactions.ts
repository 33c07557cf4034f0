import { is } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { PgTransaction } from "drizzle-orm/pg-core";
import { driverError } from "../errors.ts";
import type * as schema from "./schema/index.ts";

export type PostgresDb = NodePgDatabase<typeof schema>;

/** The handle as drizzle's PostgreSQL database, for what only PostgreSQL says (FTS, execute). */
export const asPostgres = (db: object): PostgresDb => db as PostgresDb;

/**
 * Serialization failures, deadlocks, and (in a serializable transaction)
 * the unique violation a concurrent twin causes: the transaction did
 * nothing and may simply run again.
 */
const RETRYABLE = new Set(["40001", "40P01", "23505"]);
const ATTEMPTS = 5;

const codeOf = (error: unknown): string | undefined =>
  (driverError(error) as { code?: string } | undefined)?.code;

/**
 * Runs `work` in one transaction on a connection of the pool. READ
 * COMMITTED, PostgreSQL's default, is right for most changes: rows a
 * change updates are locked until it commits, so counters and versions
 * stay exact. A change that first checks the absence of something ("only
 * while there are no users", "not the last admin", "this key unused") asks
 * for `serializable`: on SQLite, one writer at a time, such checks hold by
 * themselves; here SERIALIZABLE makes them hold, at the price of an
 * occasional serialization failure, which is retried: the work writes only
 * to the database, so running it again is safe. Called with a transaction,
 * the work joins it.
 */
export async function withPostgresTransaction<T, Tx>(
  db: object,
  work: (tx: Tx) => Promise<T>,
  serializable: boolean,
): Promise<T> {
  if (is(db, PgTransaction)) return work(db as Tx);
  if (!serializable) return asPostgres(db).transaction((tx) => work(tx as Tx));
  for (let attempt = 1; ; attempt++) {
    try {
      return await asPostgres(db).transaction((tx) => work(tx as Tx), {
        isolationLevel: "serializable",
      });
    } catch (error) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(codeOf(error) ?? "")) throw error;
      // A little random wait, so the transactions that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
