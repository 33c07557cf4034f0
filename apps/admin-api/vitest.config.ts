import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Sign-in tests hash real scrypt passwords (64 MiB, deliberately slow); on a
    // busy two-core machine a few of them take seconds.
    testTimeout: 30_000,
  },
});
