import type { Db } from "@frontline/db";

const countStatements = new WeakMap<object, () => Record<string, number>>();

/**
 * Rows in every table, read from sqlite_master (the test's own view; the
 * app never does this). One statement counts them all; it is prepared once
 * per database, after the migrations made every table.
 */
export function rowCounts(db: Db): Record<string, number> {
  const sqlite = db.$client;
  let count = countStatements.get(sqlite);
  if (!count) {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    const quoted = (t: string) => `"${t.replaceAll('"', '""')}"`;
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
}
