import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Servers and the CLI started as child processes need room on a busy two-core machine.
    testTimeout: 30_000,
  },
});
