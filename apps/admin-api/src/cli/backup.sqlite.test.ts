import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dumpTables, openDatabase, runStatement } from "@frontline/db";
import { afterEach, describe, expect, it } from "vitest";
import { createUserArgs, runAdmin } from "../../test/cli.ts";
import { validRequest } from "../../test/test-app.ts";
import { loadConfig } from "../config.ts";
import { defaultRateLimits } from "../platform/deps.ts";
import { type RunningServer, startServer } from "../server.ts";

const folders: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "frontline-backup-"));
  folders.push(dir);
  return dir;
}

/** One command line in this process, with nothing in its environment but the database. */
const admin = (databaseUrl: string, ...args: string[]) =>
  runAdmin({ DATABASE_URL: databaseUrl }, ...args);

/** The real server in this process, on a free port, letting one client file as much as it likes. */
async function serve(databaseUrl: string) {
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: "0" });
  const server = await startServer({
    ...config,
    rateLimits: { ...defaultRateLimits, submit: { limit: 1_000_000, windowMs: 60_000 } },
  });
  servers.push(server);
  return {
    /** Files a request through the API; resolves with its number once answered 201. */
    async file(): Promise<string> {
      const response = await fetch(`${server.url}/api/v1/requests`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(validRequest),
      });
      if (response.status !== 201) throw new Error(`Filing answered ${response.status}`);
      return ((await response.json()) as { number: string }).number;
    },
    async stop() {
      servers.splice(servers.indexOf(server), 1);
      await server.close();
    },
  };
}

/** Every row of every table, for comparing two databases. */
async function dump(path: string): Promise<Record<string, unknown[]>> {
  const database = openDatabase(path, { migrate: false });
  try {
    return await dumpTables(database.db);
  } finally {
    database.close();
  }
}

const numbersIn = async (path: string) =>
  new Set((await dump(path)).requests?.map((row) => (row as { number: string }).number));

describe("npm run admin -- backup", () => {
  it("copies the database while the server keeps filing requests, with every request answered before it began", async () => {
    const dir = tempFolder();
    const url = join(dir, "frontline.db");
    await admin(url, "seed", "--requests", "3000");
    const server = await serve(url);
    const answered: string[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) answered.push(await server.file());
    })();
    while (answered.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const answeredBefore = [...answered];

    const backup = join(dir, "backups", "frontline-2026-11-21.db");
    const run = await admin(url, "backup", backup);
    writing = false;
    await writer;
    await server.stop();

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`to ${backup} in`);
    expect(run.stdout).toMatch(/integrity ok, [\d.]+ MB, \d+ tables, [\d,]+ requests/);
    const inBackup = await numbersIn(backup);
    for (const number of answeredBefore) expect(inBackup.has(number)).toBe(true);
    expect(inBackup.size).toBeLessThanOrEqual(3000 + answered.length);
    expect((await dump(backup)).request_events?.length).toBeGreaterThan(3000);
    expect(readdirSync(join(dir, "backups"))).toEqual(["frontline-2026-11-21.db"]);
  });

  it("refuses to replace an existing file unless --force, and wants a file name", async () => {
    const dir = tempFolder();
    const url = join(dir, "frontline.db");
    await admin(url, "seed", "--requests", "20");
    const existing = join(dir, "keep-me.db");
    writeFileSync(existing, "precious");

    const refused = await admin(url, "backup", existing);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${existing} already exists.`);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(existing, "utf8")).toBe("precious");
    expect(readdirSync(dir).sort()).toEqual(["frontline.db", "keep-me.db"]);

    const forced = await admin(url, "backup", existing, "--force");
    expect(forced.code).toBe(0);
    expect((await numbersIn(existing)).size).toBe(20);

    const missing = await admin(url, "backup");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Name the backup file");
    const mistyped = await admin(join(dir, "frontlin.db"), "backup", join(dir, "b.db"));
    expect(mistyped.code).toBe(1);
    expect(mistyped.stderr).toContain("There is no database at");
    expect(readdirSync(dir).sort()).toEqual(["frontline.db", "keep-me.db"]);
  });
});

describe("backup and restore on PostgreSQL", () => {
  it("say to use pg_dump and pg_restore instead, and touch nothing", async () => {
    const dir = tempFolder();
    const url = "postgres://frontline:s3cret@127.0.0.1:1/frontline";
    for (const args of [
      ["backup", join(dir, "b.db")],
      ["restore", join(dir, "b.db")],
    ]) {
      const refused = await admin(url, ...args);
      expect(refused.code, args[0]).toBe(1);
      expect(refused.stderr).toContain("pg_dump --format=custom");
      expect(refused.stderr).not.toContain("s3cret");
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("npm run admin -- restore", () => {
  it("brings the backed-up data back and keeps the database it replaced beside it", async () => {
    const dir = tempFolder();
    const url = join(dir, "frontline.db");
    await admin(url, ...createUserArgs("boss@partner.example", "Boss", "admin"));
    let server = await serve(url);
    const early = [await server.file(), await server.file(), await server.file()];
    await server.stop();
    const backedUp = await dump(url);
    const backup = join(dir, "backup.db");
    expect((await admin(url, "backup", backup)).code).toBe(0);

    server = await serve(url);
    const late = [await server.file(), await server.file()];
    await server.stop();
    await admin(url, ...createUserArgs("li@partner.example", "Li", "agent"));

    const run = await admin(url, "restore", backup);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Restored ${url} from ${backup}: integrity ok`);
    expect(run.stdout).toContain("Start the server again.");
    const restored = await dump(url);
    // The database is the backup, plus the note that it was restored.
    const note = restored.audit_log?.at(-1);
    expect(note).toMatchObject({ actor_label: "cli", action: "database.restore", target: backup });
    expect({ ...restored, audit_log: restored.audit_log?.slice(0, -1) }).toEqual(backedUp);
    expect([...(await numbersIn(url))]).toEqual(early);

    const previous = /kept as (.+)\.$/m.exec(run.stdout)?.[1] ?? "";
    expect(previous).toMatch(/frontline\.db\.before-restore-\d{4}-\d\d-\d\dT\d{6}Z$/);
    expect([...(await numbersIn(previous))]).toEqual([...early, ...late]);
  });

  it("refuses while a server holds the database, and changes nothing", async () => {
    const dir = tempFolder();
    const url = join(dir, "frontline.db");
    await admin(url, "seed", "--requests", "50");
    const server = await serve(url);
    const backup = join(dir, "backup.db");
    expect((await admin(url, "backup", backup)).code).toBe(0);
    const filed = await server.file();
    const files = readdirSync(dir).sort();

    const run = await admin(url, "restore", backup);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${url} is in use`);
    expect(run.stderr).toContain("Stop the server first");
    expect(readdirSync(dir).sort()).toEqual(files);
    // The server goes on as if nothing happened.
    const after = await server.file();
    await server.stop();
    expect(await numbersIn(url)).toEqual(new Set([...(await numbersIn(backup)), filed, after]));

    expect((await admin(url, "restore", backup)).code).toBe(0);
  });

  it("refuses a file that is not a Frontline backup, and changes nothing", async () => {
    const dir = tempFolder();
    const url = join(dir, "frontline.db");
    await admin(url, "seed", "--requests", "20");
    const good = join(dir, "good.db");
    await admin(url, "backup", good);
    const fixtures: Record<string, [Buffer | string, string]> = {
      "random.db": [randomBytes(8192), "is not a SQLite database"],
      "empty.db": ["", "is not a Frontline database: it lacks the tables __drizzle_migrations"],
      "truncated.db": [readFileSync(good).subarray(0, 40_960), "is damaged"],
    };
    for (const [name, [bytes]] of Object.entries(fixtures)) writeFileSync(join(dir, name), bytes);
    const other = openDatabase(join(dir, "other.db"), { migrate: false });
    await runStatement(other.db, "CREATE TABLE notes (body TEXT)");
    other.close();
    fixtures["other.db"] = ["", "is not a Frontline database"];
    fixtures["missing.db"] = ["", "There is no backup file"];
    const database = readFileSync(url);
    const files = readdirSync(dir).sort();

    for (const [name, [, expected]] of Object.entries(fixtures)) {
      const run = await admin(url, "restore", join(dir, name));
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toContain(`Not done: `);
      expect(run.stderr, name).toContain(join(dir, name));
      expect(run.stderr, name).toContain(expected);
      expect(readFileSync(url).equals(database), name).toBe(true);
      expect(readdirSync(dir).sort(), name).toEqual(files);
    }
    const none = await admin(url, "restore");
    expect(none.code).toBe(2);
  });
});
