import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { repositoryRoot, type ServerProcess, startServerProcess } from "./server-process.ts";

const dist = join(repositoryRoot, "apps/help-center/dist");

export interface Harness {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** The server's SQLite file, for checking what really got stored. */
  readonly databasePath: string;
  stop(): Promise<void>;
}

/**
 * The product as a customer meets it: the real server process started as
 * `npm start` starts it, on a free loopback port with a fresh SQLite file,
 * serving the built help center, and a real Chromium.
 */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  if (!existsSync(join(dist, "pagefind"))) {
    throw new Error(
      `The help center is not built with its search index at ${dist}; run npm run build.`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), "frontline-e2e-"));
  const databasePath = join(dataDir, "e2e.db");
  const [started, launched] = await Promise.allSettled([
    startServerProcess({ DATABASE_URL: databasePath, ...env }),
    launchChromium(),
  ]);
  // If one half failed, stop the other: a server left behind would outlive the test run.
  if (started.status === "rejected" || launched.status === "rejected") {
    if (started.status === "fulfilled") await started.value.stop();
    if (launched.status === "fulfilled") await launched.value.close();
    throw started.status === "rejected"
      ? started.reason
      : (launched as PromiseRejectedResult).reason;
  }
  const server = started.value;
  const browser = launched.value;
  return {
    server,
    browser,
    databasePath,
    async stop() {
      await browser.close();
      const code = await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (code !== 0) throw new Error(`The server exited with ${code}:\n${server.output()}`);
    },
  };
}
