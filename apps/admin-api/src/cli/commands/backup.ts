import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  BackupError,
  backupDatabase,
  databasePath,
  isPostgresUrl,
  openDatabase,
  type RestoreReport,
  restoreDatabase,
} from "@frontline/db";
import { Problem } from "../../platform/problem.ts";
import {
  auditCommand,
  type SelfManagedCommand,
  type ShellContext,
  UsageError,
} from "../command.ts";

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const number = (n: number) => n.toLocaleString("en");

/** The database package's refusals are the CLI's "Not done" (exit 1); anything else is a bug. */
function refused(title: string, error: unknown): never {
  if (error instanceof BackupError) throw new Problem(409, "backup-refused", title, error.message);
  throw error;
}

function fileArgument(context: ShellContext, args: readonly string[]): string {
  const file = args[0]?.trim();
  if (!file) throw new UsageError("Name the backup file, e.g. backups/frontline.db.");
  return resolve(context.cwd, file);
}

/** The database file DATABASE_URL names, which must exist: nothing is created by mistake. */
/** PostgreSQL's own tools do this better than a copy could: consistent, online, restorable. */
function refusePostgres(context: ShellContext, title: string): void {
  if (!isPostgresUrl(context.config.databaseUrl)) return;
  throw new Problem(
    409,
    "backup-refused",
    title,
    "DATABASE_URL is PostgreSQL: back it up with pg_dump --format=custom and restore with pg_restore (see docs/deploy.md). backup and restore are for SQLite files.",
  );
}

function existingDatabase(context: ShellContext, title: string): string {
  refusePostgres(context, title);
  const path = databasePath(context.config.databaseUrl);
  if (path === ":memory:") {
    throw new Problem(409, "backup-refused", title, "DATABASE_URL is :memory:; there is no file.");
  }
  if (!existsSync(path)) {
    throw new Problem(
      404,
      "backup-refused",
      title,
      `There is no database at ${path}; check DATABASE_URL.`,
    );
  }
  return path;
}

/**
 * `npm run admin -- backup backups/frontline.db`: safe while the server
 * runs. It opens the database itself, without migrating it, so the backup
 * is what the running server has even when this code is newer (a backup
 * taken just before restarting into an upgrade).
 */
export const backupCommand: SelfManagedCommand = {
  summary: "Copy the database to a file, safely while the server runs",
  usage: "<file> [--force]",
  options: { force: { type: "boolean" } },
  positionals: 1,
  managesDatabase: true,
  async run(context, flags, args) {
    const target = fileArgument(context, args);
    const source = existingDatabase(context, "Not backed up");
    const database = openDatabase(source, { migrate: false });
    try {
      const report = await backupDatabase(database.db, target, { overwrite: flags.force === true });
      context.out(`Backed up ${source} to ${report.path} in ${(report.ms / 1000).toFixed(1)} s.`);
      context.out(
        `The copy checks out: integrity ok, ${megabytes(report.bytes)}, ${report.tables} tables, ${number(report.requests)} requests.`,
      );
      if (report.restarts > 0) {
        context.out(
          "The server wrote meanwhile, so the copy started over and finished in one pass.",
        );
      }
      return 0;
    } catch (error) {
      refused("Not backed up", error);
    } finally {
      database.close();
    }
  },
};

/**
 * `npm run admin -- restore backups/frontline.db`, with the server stopped:
 * it must find the database closed, so the CLI does not open it first.
 */
export const restoreCommand: SelfManagedCommand = {
  summary: "Replace the database with a backup (stop the server first; the old one is kept)",
  usage: "<file>",
  options: {},
  positionals: 1,
  managesDatabase: true,
  async run(context, _flags, args) {
    const from = fileArgument(context, args);
    refusePostgres(context, "Not restored");
    const now = context.clock.now();
    let report: RestoreReport;
    try {
      report = await restoreDatabase(from, context.config.databaseUrl, now);
    } catch (error) {
      refused("Not restored", error);
    }
    // Written into the restored database, where the next reader of the audit log looks.
    const database = openDatabase(report.path);
    try {
      await auditCommand(database.db, now, {
        action: "database.restore",
        target: report.from,
        detail: { previous: report.previous, requests: report.requests, migrated: report.migrated },
      });
    } finally {
      database.close();
    }
    context.out(
      `Restored ${report.path} from ${report.from}: integrity ok, ${report.tables} tables, ${number(report.requests)} requests.`,
    );
    context.out(
      report.previous
        ? `The database that was there is kept as ${report.previous}.`
        : "There was no database there before.",
    );
    if (report.migrated > 0) {
      context.out(
        `The backup came from an older version: ${report.migrated} newer migration(s) applied.`,
      );
    }
    context.out("Start the server again.");
    return 0;
  },
};
