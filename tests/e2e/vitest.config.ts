import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["*.test.ts"],
    // Real servers, a real browser and bursts of thousands of filings, while turbo runs
    // the other packages' suites beside them on two cores: a minute was once not enough
    // for the crash test's 2,000 filings, 400 trackings and 2,000 retries. A time-out
    // here is a hang, not a measure of speed (that is bench/'s job).
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
