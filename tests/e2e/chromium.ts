import sparticuz from "@sparticuz/chromium";
import { type Browser, chromium } from "playwright-core";

/**
 * The browser binary: `CHROMIUM_PATH` when set, else the Chromium that
 * @sparticuz/chromium ships inside its npm package (pinned by the lockfile),
 * unpacked to /tmp on first use. Playwright's own browser download cannot work
 * on these machines, and a fresh machine has no system Chromium.
 */
export async function chromiumPath(): Promise<string> {
  return process.env.CHROMIUM_PATH ?? (await sparticuz.executablePath());
}

/**
 * Headless Chromium as the tests and benchmarks use it. The package's own
 * argument list is not taken whole: it turns off web security (CORS, and so
 * what the Content-Security-Policy tests prove). Without the
 * background-networking flags Chromium keeps dialling Google's hosts, which
 * the closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: [
      "--no-sandbox",
      "--no-zygote",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
