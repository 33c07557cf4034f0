import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findStaffByEmail, openDatabase, tablesOf } from "@frontline/db";
import { afterEach, describe, expect, it } from "vitest";
import { type CliRun, createUserArgs, runAdmin } from "../../test/cli.ts";
import { verifyPassword } from "../platform/passwords.ts";

const appDir = fileURLToPath(new URL("../..", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const folders: string[] = [];
const servers: ChildProcess[] = [];
afterEach(() => {
  // A server left running by a failed test is stopped by its own id.
  for (const child of servers.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), "frontline-cli-"));
  folders.push(dir);
  return join(dir, "cli.db");
}

/**
 * One command line in this process, as `npm run admin` runs it; the last
 * test below runs the real script once, which is all a child process
 * proves beyond this.
 */
const admin = (databaseUrl: string, ...args: string[]) =>
  runAdmin({ ...process.env, DATABASE_URL: databaseUrl }, ...args);

/** `npm run admin -- …` from the repository root, as people type it. */
function adminScript(databaseUrl: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "admin", "--", ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Reads the database file the command wrote, the way the server would. */
async function inspect<T>(
  databaseUrl: string,
  read: (db: ReturnType<typeof openDatabase>["db"]) => Promise<T>,
) {
  const database = openDatabase(databaseUrl);
  try {
    return await read(database.db);
  } finally {
    database.close();
  }
}

const passwordIn = (stdout: string) => /^ {4}([A-Za-z0-9]{20})$/m.exec(stdout)?.[1] ?? "";

describe("npm run admin", () => {
  it("creates a user with a one-time password it prints once, and lists users", async () => {
    const db = tempDatabase();
    const created = await admin(db, ...createUserArgs("Ann@Partner.Example", "Ann Lee", "agent"));
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("Created agent ann@partner.example (Ann Lee), id 1.");
    expect(created.stdout).toContain("they must change it at first sign-in");
    const password = passwordIn(created.stdout);
    const user = await inspect(db, (d) => findStaffByEmail(d, "ann@partner.example"));
    expect(user).toMatchObject({ role: "agent", mustChangePassword: true });
    expect(await verifyPassword(password, user?.passwordHash ?? "")).toBe(true);

    const listed = await admin(db, "list-users");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/id\s+email\s+name\s+role\s+status/);
    expect(listed.stdout).toMatch(
      /1\s+ann@partner\.example\s+Ann Lee\s+agent\s+must change password/,
    );
    expect(listed.stdout).not.toContain(password);
  });

  it("re-roles, disables, enables and resets passwords, each audited as the cli", async () => {
    const db = tempDatabase();
    await admin(
      db,
      ...createUserArgs(
        "boss@partner.example",
        "Boss",
        "admin",
        "--password",
        "a chosen first password",
      ),
    );
    await admin(db, ...createUserArgs("li@partner.example", "Li", "agent"));

    const role = await admin(db, "set-role", "--email", "li@partner.example", "--role", "operator");
    expect(role).toMatchObject({ code: 0 });
    expect(role.stdout).toContain("li@partner.example is now operator (was agent).");
    expect((await admin(db, "disable-user", "--email", "li@partner.example")).stdout).toContain(
      "is disabled",
    );
    expect((await inspect(db, (d) => findStaffByEmail(d, "li@partner.example")))?.disabled).toBe(
      true,
    );
    expect((await admin(db, "enable-user", "--email", "li@partner.example")).stdout).toContain(
      "is enabled",
    );

    const reset = await admin(db, "reset-password", "--email", "li@partner.example");
    expect(reset.code).toBe(0);
    const user = await inspect(db, (d) => findStaffByEmail(d, "li@partner.example"));
    expect(await verifyPassword(passwordIn(reset.stdout), user?.passwordHash ?? "")).toBe(true);

    const log = await inspect(db, async (d) => d.select().from(tablesOf(d).auditLog));
    expect(log.map((e) => `${e.actorLabel} ${e.action} ${e.target}`)).toEqual([
      "cli user.create boss@partner.example",
      "cli user.create li@partner.example",
      "cli user.role li@partner.example",
      "cli user.disable li@partner.example",
      "cli user.enable li@partner.example",
      "cli password.reset li@partner.example",
    ]);
    expect(log[0]?.clientAddress).toMatch(/^local shell \(.+\)$/);
  });

  it("refuses wrong flags with exit code 2 and says what is wrong", async () => {
    const db = tempDatabase();
    const unknownFlag = await admin(db, "list-users", "--everything");
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("Unknown option '--everything'");

    const invalid = await admin(db, "create-user", "--email", "not-an-email", "--role", "root");
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("--email: Enter an email address like name@example.com.");
    expect(invalid.stderr).toContain("--name: Enter a name.");
    expect(invalid.stderr).toContain("--role: Choose admin, agent or operator.");
    expect(invalid.stderr).toContain("Usage: npm run admin -- create-user --email <email>");

    const missingValue = await admin(db, "set-role", "--email");
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toContain("--email");

    const unknownCommand = await admin(db, "drop-database");
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Unknown command "drop-database"');
  });

  it("fails with exit code 1 when the change is not possible", async () => {
    const db = tempDatabase();
    const nobody = await admin(db, "disable-user", "--email", "nobody@partner.example");
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("There is no user with the email nobody@partner.example.");
    await admin(db, ...createUserArgs("boss@partner.example", "Boss", "admin"));
    const lastAdmin = await admin(
      db,
      "set-role",
      "--email",
      "boss@partner.example",
      "--role",
      "agent",
    );
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain("This is the last enabled admin.");
  });

  it("lists its commands when run as the npm script from the repository root", async () => {
    const run = await adminScript(tempDatabase(), "help");
    expect(run.code).toBe(0);
    for (const command of [
      "create-user",
      "list-users",
      "set-role",
      "disable-user",
      "enable-user",
      "reset-password",
      "backup",
      "restore",
    ]) {
      expect(run.stdout).toContain(`  ${command}`);
    }
  });
});

describe("the server's first start", () => {
  it("prints the first admin's email and one-time password on stdout", {
    timeout: 60_000,
  }, async () => {
    const db = tempDatabase();
    // The server itself (not through npm), so the test can stop exactly the process it started.
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: appDir,
      env: { ...process.env, DATABASE_URL: db, PORT: "0" },
    });
    servers.push(child);
    let stdout = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        if (stdout.includes("Frontline is running")) resolve();
      });
      child.on("error", reject);
      child.on("close", (code) => reject(new Error(`The server stopped (${code}): ${stdout}`)));
    });
    const stopped = new Promise((resolve) => child.once("close", resolve));
    child.kill("SIGTERM");
    await stopped;
    expect(stdout).toContain("email:              admin@frontline.local");
    expect(stdout).toContain("must be changed at first sign-in");
    const password = /one-time password: {2}([A-Za-z0-9]{20})/.exec(stdout)?.[1] ?? "";
    const user = await inspect(db, (d) => findStaffByEmail(d, "admin@frontline.local"));
    expect(await verifyPassword(password, user?.passwordHash ?? "")).toBe(true);
  });
});
