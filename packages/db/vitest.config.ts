import { defineConfig } from "vitest/config";

/**
 * Every test of the repositories runs twice: on SQLite and on PostgreSQL
 * (a server the postgres project starts itself, see test/postgres-setup.ts).
 * Files named *.sqlite.test.ts test what only SQLite has (its file, WAL,
 * pragmas, the connection gate, bulk seeding, backups) and run once;
 * *.postgres.test.ts need a PostgreSQL (copying a SQLite database into one).
 */
export default defineConfig({
  test: {
    // Starting PostgreSQL and copying a database take seconds on a busy two-core machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.postgres.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.sqlite.test.ts"],
          globalSetup: ["test/postgres-setup.ts"],
        },
      },
    ],
  },
});
