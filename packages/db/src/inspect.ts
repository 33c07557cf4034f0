import { type Db, withRawConnection } from "./client.ts";

/**
 * Looking inside a database as a whole, for tests and checks that must see
 * every table (the app itself never does this). SQLite's catalogue lists
 * them; the queries stay here, with the driver, so callers need none.
 */

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const tableNames = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";

const countStatements = new WeakMap<object, () => Record<string, number>>();

/**
 * Rows in every table, the search index's own included. One statement
 * counts them all; it is prepared once per database, after the migrations
 * made every table.
 */
export function tableRowCounts(db: Db): Promise<Record<string, number>> {
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

/** Rows inserted, updated or deleted through this handle since it was opened. */
export function changesSinceOpen(db: Db): Promise<number> {
  return withRawConnection(
    db,
    (sqlite) => sqlite.prepare("SELECT total_changes()").pluck().get() as number,
  );
}

/**
 * Runs one SQL statement of the caller's, for tests that inject a fault (a
 * trigger that makes a write fail, as a full disk would) or set up a state
 * no use case makes.
 */
export function runStatement(db: Db, statement: string, ...params: unknown[]): Promise<void> {
  return withRawConnection(db, (sqlite) => {
    sqlite.prepare(statement).run(...params);
  });
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
