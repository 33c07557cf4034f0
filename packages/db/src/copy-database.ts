import { createHash } from "node:crypto";
import { type AnyColumn, asc, getTableName, type SQL, sql } from "drizzle-orm";
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
  "incidentUpdates",
  "incidentSubscriptions",
  "requests",
  "requestSequences",
  "requestEvents",
  "requestTags",
  "attachments",
  "escalations",
  "mailOutbox",
  "idempotencyKeys",
  "deflections",
  "articleFeedback",
  "slaPolicy",
  "signInThrottle",
  "sessions",
  "apiTokens",
  "cannedReplies",
  "savedViews",
  "adminPortals",
  "retentionPolicy",
  "deletedRequests",
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

/** Rows read per query: enough to keep round trips few, few enough that memory stays flat at any size. */
const READ_BATCH = 5_000;
/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const INSERT_BATCH = 500;

/** One table of either dialect, as far as copying needs to know it. */
const tableOf = (db: Db | Tx, name: TableName) =>
  tablesOf(db)[name] as unknown as SQLiteTable & Record<string, AnyColumn>;

interface KeyColumn {
  readonly name: string;
  /** Text keys are compared bytewise on PostgreSQL too, the order SQLite keeps them in. */
  readonly text?: boolean;
}

/** The columns that order a table's rows: its primary key. */
const keysOf: Partial<Record<TableName, readonly KeyColumn[]>> = {
  idempotencyKeys: [{ name: "key", text: true }],
  requestSequences: [{ name: "year" }],
  deletedRequests: [{ name: "requestId" }],
  adminPortals: [{ name: "key", text: true }],
  requestTags: [{ name: "requestId" }, { name: "tag", text: true }],
  signInThrottle: [
    { name: "email", text: true },
    { name: "address", text: true },
  ],
  rateLimitHits: [{ name: "key", text: true }],
};

/**
 * The table's rows in primary-key order, as drizzle maps them (dates as Date,
 * JSON parsed), a batch at a time: each batch starts after the last key of
 * the one before, so a million rows never sit in memory together.
 */
async function* batchesOf(db: Db | Tx, name: TableName, size: number): AsyncGenerator<Row[]> {
  const table = tableOf(db, name);
  const keys = keysOf[name] ?? [{ name: "id" }];
  const postgres = dialectOf(db) === "postgres";
  const keyOf = (key: KeyColumn): SQL =>
    postgres && key.text ? sql`${table[key.name]} COLLATE "C"` : sql`${table[key.name]}`;
  const ordered = sql.join(keys.map(keyOf), sql`, `);
  let after: Row | undefined;
  for (;;) {
    const last = after;
    const batch = (await db
      .select()
      .from(table)
      .where(
        last &&
          sql`(${ordered}) > (${sql.join(
            keys.map((key) => sql`${last[key.name]}`),
            sql`, `,
          )})`,
      )
      .orderBy(...keys.map((key) => asc(keyOf(key))))
      .limit(size)) as Row[];
    if (batch.length > 0) yield batch;
    if (batch.length < size) return;
    after = batch[batch.length - 1];
  }
}

interface Digest {
  rows: number;
  readonly hash: ReturnType<typeof createHash>;
}

const newDigest = (): Digest => ({ rows: 0, hash: createHash("sha256") });

/** Row count and SHA-256 of rows fed in key order, one line per row. */
function feed(digest: Digest, batch: readonly Row[]): void {
  for (const row of batch) digest.hash.update(`${JSON.stringify(canonical(row))}\n`);
  digest.rows += batch.length;
}

/** A table read back in key order, as a digest. */
async function digestOf(db: Db | Tx, name: TableName, size: number) {
  const digest = newDigest();
  for await (const batch of batchesOf(db, name, size)) feed(digest, batch);
  return { rows: digest.rows, checksum: digest.hash.digest("hex") };
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
export async function copyDatabase(
  from: Db,
  to: Db,
  { readBatch = READ_BATCH }: { readonly readBatch?: number } = {},
): Promise<CopiedTable[]> {
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
    const merges: Merge[] = [];
    // What was read from the source, digested as it streamed by: it is not read twice.
    const sent = new Map<TableName, Digest>();
    for (const name of tableOrder) {
      const target = tableOf(tx, name);
      // The per-status counts are counted once at the end, not kept row by row: each
      // insert's trigger updates the same few rows, and inside one transaction every
      // update walks all the versions before it (100,000 requests took 155 s).
      if (name === "requests") await keepStatusCounts(tx, false);
      const digest = newDigest();
      sent.set(name, digest);
      for await (const batch of batchesOf(from, name, readBatch)) {
        feed(digest, batch);
        const rows = name === "requests" ? withoutMerges(batch, merges) : batch;
        for (let i = 0; i < rows.length; i += INSERT_BATCH) {
          await tx.insert(target).values(rows.slice(i, i + INSERT_BATCH) as never);
        }
      }
      if (name === "requests") {
        await keepStatusCounts(tx, true);
        await linkMerged(tx, merges);
      }
    }
    // Read back inside the same transaction: any difference rolls everything back.
    const copied: CopiedTable[] = [];
    for (const name of tableOrder) {
      const table = getTableName(tableOf(tx, name));
      const source = sent.get(name) ?? newDigest();
      const wrote = { rows: source.rows, checksum: source.hash.digest("hex") };
      const read = await digestOf(tx, name, readBatch);
      if (read.rows !== wrote.rows || read.checksum !== wrote.checksum) {
        throw new CopyRefusedError(
          `${table} did not read back as it was written (${wrote.rows} rows sent, ${read.rows} read); nothing was copied.`,
        );
      }
      copied.push({ table, ...wrote });
    }
    await advanceIdentities(tx);
    return copied;
  });
}

interface Merge {
  readonly id: number;
  readonly into: number;
}

/** A batch of requests without their merge links, which are noted to be set once every request is in. */
function withoutMerges(batch: readonly Row[], merges: Merge[]): Row[] {
  return batch.map((row) => {
    if (row.mergedIntoId === null || row.mergedIntoId === undefined) return row;
    merges.push({ id: row.id as number, into: row.mergedIntoId as number });
    return { ...row, mergedIntoId: null };
  });
}

async function linkMerged(tx: Tx, merges: readonly Merge[]): Promise<void> {
  const { requests } = tablesOf(tx);
  for (const { id, into } of merges) {
    await tx.update(requests).set({ mergedIntoId: into }).where(sql`${requests.id} = ${id}`);
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
