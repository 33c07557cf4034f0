import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { CopyRefusedError, copyDatabase, isPostgresUrl, openDatabase } from "@frontline/db";
import { Problem } from "../../platform/problem.ts";
import { type SelfManagedCommand, UsageError } from "../command.ts";

const title = "Not copied";

/**
 * `npm run admin -- copy-database --from data/frontline.db --to postgres://…`:
 * moves an installation from its SQLite file to an empty PostgreSQL
 * database, every table in one transaction, and prints each table's rows
 * and checksum as both databases read them. The SQLite file is brought up
 * to this version's schema first (as the server would on start), so the
 * copy has every column PostgreSQL's schema has.
 */
export const copyDatabaseCommand: SelfManagedCommand = {
  summary: "Copy every table of a SQLite database into an empty PostgreSQL database",
  usage: "--from <sqlite file> --to <postgres://…>",
  options: { from: { type: "string" }, to: { type: "string" } },
  managesDatabase: true,
  async run(context, flags) {
    const from = typeof flags.from === "string" ? resolve(context.cwd, flags.from) : "";
    const to = typeof flags.to === "string" ? flags.to : "";
    if (!from || !to)
      throw new UsageError("Name both databases: --from <sqlite file> --to <postgres://…>.");
    if (isPostgresUrl(from) || !existsSync(from)) {
      throw new Problem(404, "copy-refused", title, `There is no SQLite database at ${from}.`);
    }
    if (!isPostgresUrl(to)) {
      throw new Problem(400, "copy-refused", title, "--to must be a postgres:// URL.");
    }
    const source = openDatabase(from);
    const target = openDatabase(to);
    try {
      const started = performance.now();
      await target.ready;
      const tables = await copyDatabase(source.db, target.db);
      const width = Math.max(...tables.map((t) => t.table.length));
      for (const { table, rows, checksum } of tables) {
        context.out(
          `  ${table.padEnd(width)}  ${String(rows).padStart(9)} rows  sha256 ${checksum.slice(0, 16)}`,
        );
      }
      const total = tables.reduce((sum, t) => sum + t.rows, 0);
      context.out(
        `Copied ${total} rows in ${tables.length} tables from ${from} to ${target.path} in ${((performance.now() - started) / 1000).toFixed(1)} s; each table read back the same from PostgreSQL.`,
      );
      return 0;
    } catch (error) {
      if (error instanceof CopyRefusedError)
        throw new Problem(409, "copy-refused", title, error.message);
      throw error;
    } finally {
      await source.close();
      await target.close();
    }
  },
};
