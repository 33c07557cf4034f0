import { defineConfig } from "vitest/config";

/**
 * Every API and console test runs twice: on SQLite and on PostgreSQL (a
 * server the postgres project starts itself, the same way the db package's
 * tests do). Files named *.sqlite.test.ts test what only an installation on
 * a SQLite file has (the CLI's backups and seeding, bytes on disk) and run
 * once; *.postgres.test.ts need a PostgreSQL (copying a SQLite file into it).
 */
export default defineConfig({
  test: {
    setupFiles: ["test/setup.ts"],
    // Servers, the CLI and PostgreSQL fuzzing need room while turbo runs every suite at once on
    // two cores; a time-out here is a hang, not a measure of speed (that is bench/'s job).
    testTimeout: 120_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.postgres.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.sqlite.test.ts"],
          globalSetup: ["../../packages/db/test/postgres-setup.ts"],
        },
      },
    ],
  },
});
