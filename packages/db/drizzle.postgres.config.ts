import { defineConfig } from "drizzle-kit";

/** PostgreSQL's migrations: the same tables as drizzle.config.ts, in pg-core. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/postgres/schema/index.ts",
  out: "./drizzle-postgres",
});
