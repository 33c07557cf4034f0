import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  renameSync,
  statSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import {
  type BackupContents,
  BackupError,
  checkBackupFile,
  message,
  removeSidecars,
  removeWithSidecars,
  sameFile,
  syncFile,
  syncFolder,
} from "./backup.ts";
import { databasePath, openDatabase, withRawConnection } from "./client.ts";

export interface RestoreReport extends BackupContents {
  /** The database file that now holds the backup. */
  readonly path: string;
  readonly from: string;
  /** Where the database that was there before is kept, or null when there was none. */
  readonly previous: string | null;
  /** Migrations applied on top of the backup because an older version wrote it. */
  readonly migrated: number;
}

/**
 * Replaces the database at `databaseUrl` with the backup at `backupPath`.
 * Nothing is changed until the backup has been checked (a whole Frontline
 * database this version can run on) and the database is known to be closed
 * everywhere; the database that was there is kept beside it first, as
 * `<file>.before-restore-<when>`. Opening the result applies the migrations
 * written since the backup was taken. Throws BackupError when refused.
 */
export async function restoreDatabase(
  backupPath: string,
  databaseUrl: string,
  now: Date = new Date(),
): Promise<RestoreReport> {
  const target = databasePath(databaseUrl);
  const from = checkedSource(backupPath, target);
  const { previous, backedUp } = await replaceWithBackup(from, target, now);
  return bringUpToDate(target, from, previous, backedUp);
}

/** The backup's full path, once it is known to be a file that could be a backup of `target`. */
function checkedSource(backupPath: string, target: string): string {
  if (target === ":memory:") {
    throw new BackupError("The database is in memory; there is no file to restore into.");
  }
  const from = resolve(backupPath);
  if (!existsSync(from) || !statSync(from).isFile()) {
    throw new BackupError(`There is no backup file ${from}.`);
  }
  if (sameFile(from, target)) throw new BackupError(`${from} is the database itself.`);
  if (existsSync(`${from}-wal`) && statSync(`${from}-wal`).size > 0) {
    // Its latest commits may be in that -wal, which a copy of the file alone would lose.
    throw new BackupError(
      `${from} has a -wal file beside it: it is a database in use (or copied while in use), not a backup. Make one with the backup command.`,
    );
  }
  return from;
}

/**
 * Puts a checked copy of the backup in the database's place, keeping the
 * database that was there. All or nothing: on any failure the copies made
 * so far are removed and the database is as it was.
 */
async function replaceWithBackup(
  from: string,
  target: string,
  now: Date,
): Promise<{ previous: string | null; backedUp: BackupContents }> {
  mkdirSync(dirname(target), { recursive: true });
  // Checked as a copy beside the database: the backup file itself is never
  // changed, and the database is then replaced by one rename.
  const staged = `${target}.restoring-${process.pid}`;
  removeWithSidecars(staged);
  let lock: Database.Database | null = null;
  let previous: string | null = null;
  try {
    // First, so that an operator who forgot the server hears it at once.
    if (existsSync(target)) lock = lockExclusively(target);
    copyFileSync(from, staged);
    const backedUp = checkBackupFile(staged, from);
    if (backedUp.fromNewerVersion) {
      throw new BackupError(
        `${from} was written by a newer version of Frontline than this one; restore it with that version.`,
      );
    }
    syncFile(staged);
    if (lock) {
      // Folds the WAL into the file (a crashed server's last commits too)
      // and deletes it, so the copy kept below is complete and no WAL is
      // left whose frames could be replayed over the restored file.
      lock.pragma("journal_mode = DELETE");
      previous = keepingName(target, now);
      await lock.backup(previous, { progress: () => 0x7fffffff });
      syncFile(previous);
      keepOwnership(target, staged);
    }
    // Whatever a crashed server left beside the old file must not meet the new one.
    removeSidecars(target);
    renameSync(staged, target);
    syncFolder(dirname(target));
    return { previous, backedUp };
  } catch (error) {
    removeWithSidecars(staged);
    if (previous) removeWithSidecars(previous);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Restoring ${from} failed, nothing was changed: ${message(error)}`);
  } finally {
    // Held until the new file has the name, so no server could open the old one meanwhile.
    lock?.close();
  }
}

/** Opens the restored file, which applies the migrations written since the backup, and reports. */
async function bringUpToDate(
  target: string,
  from: string,
  previous: string | null,
  backedUp: BackupContents,
): Promise<RestoreReport> {
  try {
    const database = openDatabase(target);
    let restored: Pick<BackupContents, "tables" | "requests" | "migrations">;
    try {
      restored = await withRawConnection(database.db, counts);
    } finally {
      database.close();
    }
    return {
      ...restored,
      bytes: statSync(target).size,
      fromNewerVersion: false,
      path: target,
      from,
      previous,
      migrated: restored.migrations - backedUp.migrations,
    };
  } catch (error) {
    throw new BackupError(
      `${target} now holds the backup, but bringing it up to date failed: ${message(error)}${previous ? ` The previous database is kept as ${previous}.` : ""}`,
    );
  }
}

/**
 * Opens the database so that no other connection can use it until closed
 * (a server starting meanwhile waits, then fails), or says who is using it. A server keeps its connection open, and in WAL
 * mode an open connection holds a shared lock on the file even when idle;
 * in exclusive locking mode the first read needs the file to itself, so it
 * fails at once (busy_timeout 0) while a server runs. BEGIN EXCLUSIVE would
 * not tell: in WAL mode it only waits for other writers, and an idle server
 * writes nothing.
 */
function lockExclusively(path: string): Database.Database {
  let lock: Database.Database | null = null;
  try {
    lock = new Database(path, { fileMustExist: true });
    lock.pragma("busy_timeout = 0");
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.prepare("SELECT count(*) FROM sqlite_master").get();
    return lock;
  } catch (error) {
    lock?.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new BackupError(
        `${path} is in use: a running server (or another admin command) has it open. Stop the server first, then restore again.`,
      );
    }
    throw new BackupError(
      `${path} could not be opened to check that no server uses it (${message(error)}). Move it away yourself if it is damaged, then restore again.`,
    );
  }
}

/**
 * Gives the new file the old one's mode and, when allowed, its owner: a
 * restore run with sudo must not leave a file the server's user cannot write.
 */
function keepOwnership(from: string, to: string): void {
  const { mode, uid, gid } = statSync(from);
  chmodSync(to, mode);
  try {
    chownSync(to, uid, gid);
  } catch {
    // Only root may give a file away; anyone else's new file is already theirs.
  }
}

/** `<file>.before-restore-2026-05-01T031500Z`, numbered if that name is taken. */
function keepingName(target: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "");
  const base = `${target}.before-restore-${stamp}`;
  let name = base;
  for (let n = 2; existsSync(name); n += 1) name = `${base}-${n}`;
  return name;
}

function counts(
  client: Database.Database,
): Pick<BackupContents, "tables" | "requests" | "migrations"> {
  const count = (sql: string) => (client.prepare(sql).get() as { n: number }).n;
  return {
    tables: count(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    ),
    requests: count("SELECT count(*) AS n FROM requests"),
    migrations: count("SELECT count(*) AS n FROM __drizzle_migrations"),
  };
}
