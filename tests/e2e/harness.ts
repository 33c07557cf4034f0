import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "@frontline/admin-api/config";
import { type RunningServer, startServer } from "@frontline/admin-api/server";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";

const dist = fileURLToPath(new URL("../../apps/help-center/dist", import.meta.url));

export interface Harness {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The server's SQLite file, for checking what really got stored. */
  readonly databasePath: string;
  stop(): Promise<void>;
}

/**
 * The product as a customer meets it: the real server on a free loopback
 * port with a fresh SQLite file, the built help center, and Debian's Chromium.
 */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(dist, "pagefind"))) {
    throw new Error(
      `The help center is not built with its search index at ${dist}; run npm run build.`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), "frontline-e2e-"));
  const databasePath = join(dataDir, "e2e.db");
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: databasePath,
    HELP_CENTER_DIST: dist,
  });
  const server = await startServer(config);
  const browser = await launchChromium();
  return {
    server,
    browser,
    databasePath,
    async stop() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
