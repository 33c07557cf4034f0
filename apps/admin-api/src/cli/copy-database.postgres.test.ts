import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findStaffByEmail } from "@frontline/db";
import { type TestDatabase, tempDatabase } from "@frontline/db/test-database";
import { afterEach, describe, expect, it } from "vitest";
import { createUserArgs, runAdmin } from "../../test/cli.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("npm run admin -- copy-database, into a real PostgreSQL", () => {
  it("moves a SQLite installation up, printing each table's rows and checksum, and will not copy twice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frontline-copy-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "frontline.db");
    const created = await runAdmin(
      { DATABASE_URL: file },
      ...createUserArgs("ada@partner.example", "Ada Admin", "admin"),
    );
    expect(created.code).toBe(0);
    const target: TestDatabase = await tempDatabase();
    cleanups.push(() => target.cleanup());

    const copied = await runAdmin({}, "copy-database", "--from", file, "--to", target.url);
    expect(copied.stderr).toBe("");
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/staff_users +1 rows {2}sha256 [0-9a-f]{16}/);
    expect(copied.stdout).toMatch(/audit_log +1 rows/);
    expect(copied.stdout).toContain("each table read back the same from PostgreSQL");
    // The URL is printed without its password.
    const shown = new URL(target.url);
    shown.password = "***";
    expect(copied.stdout).toContain(`to ${shown}`);
    expect(await findStaffByEmail(target.db, "ada@partner.example")).toMatchObject({
      name: "Ada Admin",
      role: "admin",
      mustChangePassword: true,
    });

    const again = await runAdmin({}, "copy-database", "--from", file, "--to", target.url);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("The target database is not empty");
  });
});
