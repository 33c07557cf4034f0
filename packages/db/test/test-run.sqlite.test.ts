import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const config = fileURLToPath(new URL("exit-code/vitest.config.ts", import.meta.url));
// The package's own command, as npm runs it (its exports map names only package.json of it).
const vitest = join(
  dirname(fileURLToPath(import.meta.resolve("vitest/package.json"))),
  "vitest.mjs",
);

describe("a test run that starts PostgreSQL", () => {
  it("ends with exit code 1 when a test fails, so CI sees the failure", () => {
    // The nested run is a fresh vitest, not a worker of this one.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")),
    );
    const run = spawnSync(process.execPath, [vitest, "run", "--config", config], {
      env,
      encoding: "utf8",
      timeout: 110_000,
    });
    expect(run.stdout + run.stderr).toContain("fails on purpose");
    expect(run.status).toBe(1);
  });
});
