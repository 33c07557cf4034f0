import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@frontline/db";
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

function count(url: string, sql: string): number {
  const database = openDatabase(url);
  try {
    return (database.db.$client.prepare(sql).get() as { n: number }).n;
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
    expect(count(url, "SELECT count(*) AS n FROM requests")).toBe(300);
    expect(count(url, "SELECT count(*) AS n FROM audit_log WHERE action = 'database.seed'")).toBe(
      1,
    );
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
    expect(count(url, "SELECT count(*) AS n FROM requests")).toBe(100);
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
