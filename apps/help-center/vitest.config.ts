import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The content check runs as a child process (tsx's start-up alone can
    // take seconds while turbo runs every package's tests on two cores).
    testTimeout: 60_000,
  },
});
