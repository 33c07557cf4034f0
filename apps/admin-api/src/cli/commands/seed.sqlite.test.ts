import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, tableRowCounts, tablesOf } from "@frontline/db";
import { afterEach, describe, expect, it } from "vitest";
import { runAdmin } from "../../../test/cli.ts";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function databaseUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), "frontline-seed-"));
  folders.push(dir);
  return join(dir, "seed.db");
}

const admin = (url: string, ...args: string[]) => runAdmin({ DATABASE_URL: url }, ...args);

/** What the database at `url` holds: its requests, and the seed's entries in the audit log. */
async function contents(url: string) {
  const database = openDatabase(url);
  try {
    const audit = await database.db.select().from(tablesOf(database.db).auditLog);
    return {
      requests: (await tableRowCounts(database.db)).requests,
      seedEntries: audit.filter((entry) => entry.action === "database.seed").length,
    };
  } finally {
    database.close();
  }
}

describe("npm run admin -- seed", () => {
  it("fills an empty database and says what it made", async () => {
    const url = databaseUrl();
    const run = await admin(url, "seed", "--requests", "300");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Done in [\d.]+ s: 300 requests with [\d,]+ timeline entries, 5 customers/,
    );
    expect(await contents(url)).toEqual({ requests: 300, seedEntries: 1 });
  });

  it("refuses a database that already has requests, unless forced", async () => {
    const url = databaseUrl();
    await admin(url, "seed", "--requests", "50");
    const refused = await admin(url, "seed", "--requests", "50");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already has 50 requests");
    expect(refused.stderr).toContain("--force");
    const forced = await admin(url, "seed", "--requests", "50", "--force");
    expect(forced.code).toBe(0);
    expect((await contents(url)).requests).toBe(100);
  });

  it("wants a sensible number of requests", async () => {
    const url = databaseUrl();
    for (const args of [
      [],
      ["--requests", "0"],
      ["--requests", "many"],
      ["--requests", "2000000"],
    ]) {
      const run = await admin(url, "seed", ...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("--requests");
    }
  });
});
