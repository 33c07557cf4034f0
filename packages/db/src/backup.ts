import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { type Db, migrationsFolder, withRawConnection } from "./client.ts";

/** A backup or restore that was refused or failed; the message is meant for the operator. */
export class BackupError extends Error {}

/** What a backup file holds, read from the file itself after it was written. */
export interface BackupContents {
  readonly bytes: number;
  readonly tables: number;
  readonly requests: number;
  /** Migrations applied to it: which version of Frontline wrote it. */
  readonly migrations: number;
  /** Set when a newer version of Frontline wrote it: this one cannot run on it. */
  readonly fromNewerVersion: boolean;
}

export interface BackupReport extends BackupContents {
  readonly path: string;
  readonly ms: number;
  /**
   * How often SQLite started the copy over because another connection (the
   * server) committed between two steps; after the first, the rest is copied
   * in one step so the backup always ends.
   */
  readonly restarts: number;
}

/** Tables every Frontline database has had since the first migration. */
const frontlineTables = ["__drizzle_migrations", "requests", "request_events", "staff_users"];

/** About 4 MB of 4 KB pages per step; between steps the process may do other work. */
const pagesPerStep = 1024;
const allPages = 0x7fffffff;

/**
 * Copies the open database to `targetPath` with SQLite's online backup API
 * while the server keeps reading and writing it (in WAL mode a reader never
 * blocks the writer). The copy goes in steps; when another connection
 * commits between two steps, SQLite starts it over, so the finished copy is
 * the database as of one commit, never half a transaction. A busy server
 * could make it start over forever, so after one restart the rest is copied
 * in a single step: one read snapshot, which the writer does not wait for.
 *
 * The copy is written beside the target under a temporary name, checked,
 * and only then renamed into place, so a file with the final name is always
 * a complete, checked backup.
 */
export async function backupDatabase(
  db: Db,
  targetPath: string,
  options: { readonly overwrite?: boolean } = {},
): Promise<BackupReport> {
  // The backup API steps on its own between other statements; it needs the handle, not a turn.
  const client = await withRawConnection(db, (sqlite) => sqlite);
  if (client.memory)
    throw new BackupError("The database is in memory; there is no file to back up.");
  const target = resolve(targetPath);
  refuseTarget(target, client.name, options.overwrite === true);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  removeWithSidecars(partial);
  const started = performance.now();
  let restarts = 0;
  try {
    let expected = Number.POSITIVE_INFINITY;
    await client.backup(partial, {
      progress({ remainingPages }) {
        // SQLite starts over from page 1 when another connection committed
        // since the last step: more is left than this step should have left.
        if (remainingPages > expected) restarts += 1;
        const pages = restarts > 0 ? allPages : pagesPerStep;
        expected = remainingPages - pages;
        return pages;
      },
    });
    const contents = checkBackupFile(partial);
    syncFile(partial);
    // Checked again just before: a file that appeared meanwhile is not replaced unasked.
    refuseTarget(target, client.name, options.overwrite === true);
    // A stale -wal beside the name would be replayed over the new file when it is opened.
    removeSidecars(target);
    renameSync(partial, target);
    syncFolder(dirname(target));
    return { ...contents, path: target, ms: performance.now() - started, restarts };
  } catch (error) {
    removeWithSidecars(partial);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup to ${target} failed: ${message(error)}`);
  }
}

function refuseTarget(target: string, databaseFile: string, overwrite: boolean): void {
  if (sameFile(target, databaseFile)) {
    throw new BackupError(`${target} is the database itself; name another file.`);
  }
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    throw new BackupError(`${target} is a folder; name the backup file inside it.`);
  }
  if (!overwrite) {
    throw new BackupError(
      `${target} already exists. Choose another name, or add --force to replace it.`,
    );
  }
}

/**
 * Checks that `path` is a whole Frontline database and says what it holds.
 * It is switched to a rollback journal first, so it is one self-contained
 * file that opens without -wal or -shm files beside it. Throws BackupError
 * with the reason otherwise; `label` is the name the operator knows it by.
 */
export function checkBackupFile(path: string, label = path): BackupContents {
  let file: Database.Database;
  try {
    file = new Database(path, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${label} cannot be opened: ${message(error)}`);
  }
  try {
    return contentsOf(file, path, label);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_NOTADB") throw new BackupError(`${label} is not a SQLite database.`);
    if (code === "SQLITE_CORRUPT") throw new BackupError(`${label} is damaged: ${message(error)}.`);
    throw new BackupError(`${label} cannot be read: ${message(error)}`);
  } finally {
    file.close();
  }
}

function contentsOf(file: Database.Database, path: string, label: string): BackupContents {
  file.pragma("journal_mode = DELETE");
  const verdict = (file.pragma("integrity_check(5)") as { integrity_check: string }[]).map(
    (row) => row.integrity_check,
  );
  if (verdict.join() !== "ok") {
    throw new BackupError(
      `${label} is damaged; SQLite's integrity check says: ${verdict.join("; ")}`,
    );
  }
  const tables = (
    file
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  ).map((row) => row.name);
  const missing = frontlineTables.filter((name) => !tables.includes(name));
  if (missing.length > 0) {
    throw new BackupError(
      `${label} is not a Frontline database: it lacks the tables ${missing.join(", ")}.`,
    );
  }
  const applied = file
    .prepare("SELECT count(*) AS n, max(created_at) AS last FROM __drizzle_migrations")
    .get() as { n: number; last: number | null };
  // The migrator only applies what is newer than the last migration applied.
  const known = readMigrationFiles({ migrationsFolder }).at(-1)?.folderMillis ?? 0;
  const requests = file.prepare("SELECT count(*) AS n FROM requests").get() as { n: number };
  return {
    bytes: statSync(path).size,
    tables: tables.length,
    requests: requests.n,
    migrations: applied.n,
    fromNewerVersion: Number(applied.last) > known,
  };
}

/** Flushes the file's bytes to disk, so the name never points at data still in the page cache. */
export function syncFile(path: string): void {
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a renamed or created entry of `folder` to disk (a no-op where folders cannot be synced). */
export function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder; the rename itself is still atomic.
  }
}

/** Removes the journal files SQLite may keep beside a database file. */
export function removeSidecars(path: string): void {
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
}

export function removeWithSidecars(path: string): void {
  rmSync(path, { force: true });
  removeSidecars(path);
}

export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
