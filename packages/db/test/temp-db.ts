import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type OpenDatabase, openDatabase } from "../src/index.ts";
import { urlOfDatabase } from "./postgres-server.ts";
// The names the postgres project's global setup provides (its `declare module "vitest"`).
import type {} from "./postgres-setup.ts";

export type TestDatabase = OpenDatabase & {
  /** What DATABASE_URL would say to open it again: the SQLite file, or the PostgreSQL URL. */
  readonly url: string;
  cleanup(): Promise<void>;
};

/**
 * A fresh, migrated database of the dialect this test project runs on: a
 * real SQLite file in a temporary folder, or (in the postgres project) a
 * database copied from the run's migrated template. `cleanup` removes it.
 */
export async function tempDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("postgresAdminUrl");
  return adminUrl ? postgresDatabase(adminUrl, inject("postgresTemplate")) : tempSqliteDatabase();
}

/** A SQLite file of its own, for tests of what only SQLite has; `dir` is its folder. */
export async function tempSqliteDatabase(): Promise<TestDatabase & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "frontline-db-"));
  const url = join(dir, "nested", "frontline.db");
  const opened = openDatabase(url);
  return {
    ...opened,
    url,
    dir,
    async cleanup() {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `frontline_test_${randomBytes(6).toString("hex")}`;
  // FILE_COPY copies the small template's files instead of logging every page of it.
  await onAdmin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  const url = urlOfDatabase(adminUrl, name);
  const opened = openDatabase(url, { poolSize: 4 });
  return {
    ...opened,
    url,
    async cleanup() {
      await opened.close();
      await onAdmin(adminUrl, `DROP DATABASE ${name}`);
    },
  };
}

async function onAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
