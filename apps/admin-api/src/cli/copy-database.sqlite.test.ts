import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runAdmin } from "../../test/cli.ts";

// The copy itself, into a real PostgreSQL, is tested in packages/db (copy-database.postgres.test.ts).
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("npm run admin -- copy-database", () => {
  it("wants both databases, a SQLite file that exists and a postgres:// target, and touches nothing otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "frontline-copy-"));
    folders.push(dir);
    const missing = await runAdmin({}, "copy-database", "--from", join(dir, "frontline.db"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Name both databases");

    const noFile = await runAdmin(
      {},
      "copy-database",
      "--from",
      join(dir, "frontline.db"),
      "--to",
      "postgres://frontline:s3cret@127.0.0.1:1/frontline",
    );
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain("There is no SQLite database at");
    expect(noFile.stderr).not.toContain("s3cret");

    await runAdmin({ DATABASE_URL: join(dir, "frontline.db") }, "list-users");
    const notPostgres = await runAdmin(
      {},
      "copy-database",
      "--from",
      join(dir, "frontline.db"),
      "--to",
      join(dir, "other.db"),
    );
    expect(notPostgres.code).toBe(1);
    expect(notPostgres.stderr).toContain("--to must be a postgres:// URL");
  });
});
