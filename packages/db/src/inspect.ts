import { sql } from "drizzle-orm";
import { type Db, dialectOf, withRawConnection } from "./client.ts";
import { asPostgres } from "./postgres/transactions.ts";

/**
 * Looking inside a database as a whole, for tests and checks that must see
 * every table (the app itself never does this). Each engine's catalogue
 * lists them; the queries stay here, with the driver, so callers need none.
 */

/** The app's tables on PostgreSQL, drizzle's migration journal aside. */
async function postgresTables(db: Db): Promise<string[]> {
  const result = await asPostgres(db).execute<{ name: string }>(
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return result.rows.map((row) => row.name);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const tableNames = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";

const countStatements = new WeakMap<object, () => Record<string, number>>();

/**
 * Rows in every table, the search index's own included. One statement
 * counts them all; it is prepared once per database, after the migrations
 * made every table.
 */
export async function tableRowCounts(db: Db): Promise<Record<string, number>> {
  if (dialectOf(db) === "postgres") {
    const tables = await postgresTables(db);
    const counts = tables.map((t, i) =>
      sql.raw(`(SELECT count(*)::int FROM ${quoted(t)}) AS c${i}`),
    );
    const result = await asPostgres(db).execute(sql`SELECT ${sql.join(counts, sql`, `)}`);
    const row = result.rows[0] as Record<string, number>;
    return Object.fromEntries(tables.map((t, i) => [t, row[`c${i}`] as number]));
  }
  return withRawConnection(db, (sqlite) => {
    let count = countStatements.get(sqlite);
    if (!count) {
      const tables = sqlite.prepare(tableNames).pluck().all() as string[];
      const statement = sqlite.prepare(
        `SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${quoted(t)}) AS c${i}`).join(", ")}`,
      );
      count = () => {
        const row = statement.get() as Record<string, number>;
        return Object.fromEntries(tables.map((t, i) => [t, row[`c${i}`] as number]));
      };
      countStatements.set(sqlite, count);
    }
    return count();
  });
}

/** Every row of every table (SQLite's internal ones aside), sorted, for comparing two databases. */
export function dumpTables(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  return withRawConnection(db, (sqlite) => {
    const tables = (sqlite.prepare(tableNames).pluck().all() as string[]).filter(
      (name) => !name.startsWith("sqlite_"),
    );
    const sorted = (rows: Record<string, unknown>[]) =>
      rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return Object.fromEntries(
      tables.map((name) => [
        name,
        sorted(sqlite.prepare(`SELECT * FROM ${quoted(name)}`).all() as Record<string, unknown>[]),
      ]),
    );
  });
}

/**
 * A mark that moves whenever a row is written, for tests that prove a call
 * wrote nothing. SQLite counts the rows changed on its one connection.
 * PostgreSQL has no such counter to read at once (its statistics arrive
 * late, and transaction ids are shared by every database on the server),
 * so the first call gives each table a trigger that counts its row writes
 * in a sequence, which no rollback takes back, as SQLite's count isn't.
 * Rate-limit counters are not data and are left out: every call counts
 * against a limit.
 */
export async function writeMark(db: Db): Promise<string> {
  if (dialectOf(db) === "sqlite") {
    return withRawConnection(db, (sqlite) =>
      String(sqlite.prepare("SELECT total_changes()").pluck().get()),
    );
  }
  const pg = asPostgres(db);
  if (!counting.has(db)) {
    const installed = await pg.execute<{ found: string | null }>(
      sql`SELECT to_regclass('frontline_row_writes')::text AS found`,
    );
    if (!installed.rows[0]?.found) await countRowWrites(db);
    counting.add(db);
  }
  const result = await pg.execute<{ mark: string }>(
    sql`SELECT CASE WHEN is_called THEN last_value ELSE 0 END::text AS mark FROM frontline_row_writes`,
  );
  return result.rows[0]?.mark ?? "";
}

const counting = new WeakSet<Db>();

async function countRowWrites(db: Db): Promise<void> {
  const tables = (await postgresTables(db)).filter((name) => name !== "rate_limit_hits");
  const statements = [
    "CREATE SEQUENCE frontline_row_writes",
    "CREATE FUNCTION frontline_count_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('frontline_row_writes'); RETURN NULL; END $$",
    ...tables.map(
      (t) =>
        `CREATE TRIGGER frontline_count_writes AFTER INSERT OR UPDATE OR DELETE ON ${quoted(t)} FOR EACH ROW EXECUTE FUNCTION frontline_count_write()`,
    ),
  ];
  await asPostgres(db).transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}

/**
 * Runs one SQL statement of the caller's, for tests that inject a fault (a
 * trigger that makes a write fail, as a full disk would) or set up a state
 * no use case makes.
 */
export async function runStatement(db: Db, statement: string, ...params: unknown[]): Promise<void> {
  if (dialectOf(db) === "postgres") {
    // Written with ? placeholders, as SQLite takes them; drizzle numbers them for PostgreSQL.
    const [head = "", ...rest] = statement.split("?");
    const query = sql.join([
      sql.raw(head),
      ...rest.map((piece, i) => sql`${params[i]}${sql.raw(piece)}`),
    ]);
    await asPostgres(db).execute(query);
    return;
  }
  return withRawConnection(db, (sqlite) => {
    sqlite.prepare(statement).run(...params);
  });
}

/**
 * From now on, `event` ("INSERT", "UPDATE OF status", …) on `table` fails
 * as a full disk or a broken file would, for every row or only for the row
 * with `rowId`; for tests that prove a change is stored whole or not at all.
 * `repairWrites` with the same name takes the fault away.
 */
export async function breakWrites(
  db: Db,
  fault: { name: string; table: string; event: string; rowId?: number },
): Promise<void> {
  const { name, table, event, rowId } = fault;
  const onlyRow = rowId === undefined ? "" : `WHEN (NEW.id = ${Number(rowId)})`;
  if (dialectOf(db) === "sqlite") {
    await runStatement(
      db,
      `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} ${onlyRow} BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    );
    return;
  }
  await runStatement(
    db,
    `CREATE OR REPLACE FUNCTION frontline_broken_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk I/O error'; END $$`,
  );
  await runStatement(
    db,
    `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW ${onlyRow} EXECUTE FUNCTION frontline_broken_write()`,
  );
}

/** Takes away the fault `breakWrites` put on `table` under `name`. */
export async function repairWrites(db: Db, name: string, table: string): Promise<void> {
  await runStatement(
    db,
    dialectOf(db) === "sqlite" ? `DROP TRIGGER ${name}` : `DROP TRIGGER ${name} ON ${table}`,
  );
}

/**
 * The rarest longer word in the requests' search index (found in one to
 * three requests), for benchmarks that search for something rare.
 */
export function rareSearchWord(db: Db): Promise<string | null> {
  return withRawConnection(db, (sqlite) => {
    sqlite.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, request_search, row)",
    );
    const term = sqlite
      .prepare(
        "SELECT term FROM temp.search_terms WHERE length(term) >= 8 AND term GLOB '[a-z]*' AND doc BETWEEN 1 AND 3 ORDER BY doc DESC, term LIMIT 1",
      )
      .pluck()
      .get() as string | undefined;
    return term ?? null;
  });
}
