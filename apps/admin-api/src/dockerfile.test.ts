import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

/**
 * No docker runs here, so the image is checked by reading its recipe: what
 * it copies exists, what it runs is the server's entry point, and what it
 * sets are settings the server reads and accepts.
 */
const root = fileURLToPath(new URL("../../..", import.meta.url));
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
const lines = dockerfile
  .replace(/\\\n\s*/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));
const stages = lines.filter((line) => line.startsWith("FROM "));
const runtime = lines.slice(lines.lastIndexOf(stages.at(-1) ?? ""));

describe("the Dockerfile", () => {
  it("builds on Node 24 in two stages and runs as a non-root user", () => {
    expect(stages).toHaveLength(2);
    for (const stage of stages) expect(stage).toMatch(/^FROM node:24[\w.-]*/);
    expect(runtime).toContain("USER node");
  });

  it("runs the server's own entry point, not npm, so docker stop's SIGTERM drains it", () => {
    const cmd = runtime.find((line) => line.startsWith("CMD "));
    const args = JSON.parse(cmd?.slice(4) ?? "[]") as string[];
    expect(args.slice(0, 3)).toEqual(["node", "--import", "tsx"]);
    expect(existsSync(join(root, args[3] ?? "missing"))).toBe(true);
  });

  it("copies into the image only what the build stage made or the repository has", () => {
    const copies = runtime.filter((line) => line.startsWith("COPY --from=build "));
    expect(copies.length).toBeGreaterThan(3);
    for (const copy of copies) {
      const [source = ""] = copy.replace("COPY --from=build ", "").split(/\s+/);
      const path = source.replace(/^\/app\//, "");
      // node_modules and the built help center come from the build stage's own steps.
      if (path === "node_modules" || path === "apps/help-center/dist") continue;
      expect(existsSync(join(root, path)), path).toBe(true);
    }
  });

  it("sets the settings the server needs, with values it accepts", () => {
    const env = Object.fromEntries(
      [...runtime.join(" ").matchAll(/\b([A-Z][A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]),
    );
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(["PORT", "DATABASE_URL", "HELP_CENTER_DIST"]),
    );
    const config = loadConfig(env);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe("/app/data/frontline.db");
  });

  it("checks its health on the server's /healthz", () => {
    expect(runtime.find((line) => line.startsWith("HEALTHCHECK"))).toContain("/healthz");
  });
});
