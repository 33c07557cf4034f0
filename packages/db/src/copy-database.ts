import { createHash } from "node:crypto";
import { type AnyColumn, asc, getTableName, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Db, dialectOf, type Tables, type Tx, tablesOf, withTransaction } from "./client.ts";
import { asPostgres } from "./postgres/transactions.ts";

/**
 * Moving an installation from its SQLite file to PostgreSQL: every table,
 * in one transaction on the target, checked before it commits.
 */

/** Parents before children, so every foreign key finds its row. */
const tableOrder = [
  "staffUsers",
  "customers",
  "subscriptions",
  "serviceIncidents",
  "requests",
  "requestSequences",
  "requestEvents",
  "escalations",
  "mailOutbox",
  "idempotencyKeys",
  "deflections",
  "articleFeedback",
  "slaPolicy",
  "signInThrottle",
  "sessions",
  "apiTokens",
  "auditLog",
  "rateLimitHits",
] as const satisfies readonly (keyof Tables)[];

type TableName = (typeof tableOrder)[number];
type Row = Record<string, unknown>;

export interface CopiedTable {
  readonly table: string;
  readonly rows: number;
  /** SHA-256 of the table's rows in key order, as both databases read them back. */
  readonly checksum: string;
}

export class CopyRefusedError extends Error {}

const BATCH = 500;

/** One table of either dialect, as far as copying needs to know it. */
const tableOf = (db: Db | Tx, name: TableName) =>
  tablesOf(db)[name] as unknown as SQLiteTable & Record<string, AnyColumn>;

/** The columns that order a table's rows: its primary key. */
const orderOf: Partial<Record<TableName, readonly string[]>> = {
  idempotencyKeys: ["key"],
  requestSequences: ["year"],
  signInThrottle: ["email", "address"],
  rateLimitHits: ["key"],
};

/** The table's rows in primary-key order, as drizzle maps them (dates as Date, JSON parsed). */
async function rowsOf(db: Db | Tx, name: TableName): Promise<Row[]> {
  const table = tableOf(db, name);
  const keys = (orderOf[name] ?? ["id"]).map((column) => asc(table[column] as AnyColumn));
  return (await db
    .select()
    .from(table)
    .orderBy(...keys)) as Row[];
}

/** A value in one spelling whatever its source: object keys sorted (jsonb keeps its own order), dates as ISO. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 over the rows one line each: a single JSON string of a table outgrows V8's string limit near 500,000 requests. */
function checksumOf(rows: readonly Row[]): string {
  const hash = createHash("sha256");
  for (const row of rows) hash.update(`${JSON.stringify(canonical(row))}\n`);
  return hash.digest("hex");
}

/** Turns the trigger behind request_status_counts off, or back on with the counts recomputed. */
async function keepStatusCounts(tx: Tx, on: boolean): Promise<void> {
  const pg = asPostgres(tx);
  if (!on) {
    await pg.execute(sql`ALTER TABLE requests DISABLE TRIGGER request_status_counts_on_insert`);
    return;
  }
  await pg.execute(sql`ALTER TABLE requests ENABLE TRIGGER request_status_counts_on_insert`);
  await pg.execute(sql`DELETE FROM request_status_counts`);
  await pg.execute(
    sql`INSERT INTO request_status_counts (status, n) SELECT status, count(*) FROM requests GROUP BY status`,
  );
}

/**
 * Copies every row of `from` (SQLite) into `to` (an empty PostgreSQL with
 * its schema), then reads each table back inside the same transaction and
 * compares row counts and checksums: a difference rolls everything back.
 * Requests merged into another get that link after every request is in,
 * since a duplicate may point at a later one.
 */
export async function copyDatabase(from: Db, to: Db): Promise<CopiedTable[]> {
  if (dialectOf(from) !== "sqlite" || dialectOf(to) !== "postgres") {
    throw new CopyRefusedError("copy-database copies a SQLite database into PostgreSQL");
  }
  return withTransaction(to, async (tx) => {
    for (const name of tableOrder) {
      const table = tableOf(tx, name);
      const [found] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table);
      if ((found?.n ?? 0) > 0) {
        throw new CopyRefusedError(
          `The target database is not empty (${getTableName(table)} has rows); copy into a new, empty database.`,
        );
      }
    }
    const copied: CopiedTable[] = [];
    for (const name of tableOrder) {
      const rows = await rowsOf(from, name);
      const target = tableOf(tx, name);
      const firstPass =
        name === "requests" ? rows.map((row) => ({ ...row, mergedIntoId: null })) : rows;
      // The per-status counts are counted once at the end, not kept row by row: each
      // insert's trigger updates the same few rows, and inside one transaction every
      // update walks all the versions before it (100,000 requests took 155 s).
      if (name === "requests") await keepStatusCounts(tx, false);
      for (let i = 0; i < firstPass.length; i += BATCH) {
        await tx.insert(target).values(firstPass.slice(i, i + BATCH) as never);
      }
      if (name === "requests") {
        await keepStatusCounts(tx, true);
        await linkMerged(tx, rows);
      }
      const back = await rowsOf(tx, name);
      const checksum = checksumOf(rows);
      if (back.length !== rows.length || checksumOf(back) !== checksum) {
        throw new CopyRefusedError(
          `${getTableName(target)} did not read back as it was written (${rows.length} rows sent, ${back.length} read); nothing was copied.`,
        );
      }
      copied.push({ table: getTableName(target), rows: rows.length, checksum });
    }
    await advanceIdentities(tx);
    return copied;
  });
}

async function linkMerged(tx: Tx, rows: readonly Row[]): Promise<void> {
  const { requests } = tablesOf(tx);
  for (const row of rows) {
    if (row.mergedIntoId === null || row.mergedIntoId === undefined) continue;
    await tx
      .update(requests)
      .set({ mergedIntoId: row.mergedIntoId as number })
      .where(sql`${requests.id} = ${row.id as number}`);
  }
}

/** Ids were copied as they were; the next one PostgreSQL hands out must come after them. */
async function advanceIdentities(tx: Tx): Promise<void> {
  const identities = await asPostgres(tx).execute<{ table: string; column: string }>(
    sql`SELECT table_name AS table, column_name AS column FROM information_schema.columns
        WHERE table_schema = 'public' AND is_identity = 'YES'`,
  );
  for (const { table, column } of identities.rows) {
    await asPostgres(tx).execute(
      sql.raw(
        `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), COALESCE(max("${column}"), 1), max("${column}") IS NOT NULL) FROM "${table}"`,
      ),
    );
  }
}
