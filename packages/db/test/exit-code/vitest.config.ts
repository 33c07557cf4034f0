import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * A run of one test that fails on purpose, with the PostgreSQL global setup
 * the real suite uses: test-run.sqlite.test.ts starts it and checks that it
 * ends with exit code 1, as CI needs it to.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["*.check.ts"],
    globalSetup: [fileURLToPath(new URL("../postgres-setup.ts", import.meta.url))],
    hookTimeout: 60_000,
  },
});
