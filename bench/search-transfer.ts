/**
 * What a reader's searches cost on the wire: opens the built help center in
 * Chromium, runs a first and a second search, and adds up the bytes each one
 * transfers, as Chromium reports them over CDP (`encodedDataLength` of
 * `Network.loadingFinished`).
 *
 * Pagefind fetches its index from a web worker (pagefind-worker.js), whose
 * requests a page's CDP session does not see; the worker is attached with
 * `Target.setAutoAttach` so they are counted too. Chromium reports a worker's
 * own script with its headers only, so every request is reconciled with the
 * bytes the static server wrote for it: where CDP reports less than the body,
 * the body is added to CDP's (header) figure.
 *
 * Standalone, against any built site:
 *   npm exec -- tsx bench/search-transfer.ts --dist apps/help-center/dist [--first quasar --second password]
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { chromiumPath, launchChromium } from "../tests/e2e/chromium.ts";
import { NetworkWindows } from "./network-windows.ts";
import { reconcile, type SearchMeasurement, summarise } from "./search-bytes.ts";
import { type StaticServer, serveStatic } from "./static-server.ts";

export type { FileTransfer, SearchMeasurement } from "./search-bytes.ts";
export { chromiumPath, launchChromium };

// The search page's own markup (src/pages/[locale]/search.astro): the box, the
// article title links, and the page root that says when an answer is shown.
const searchInput = "#search-page-input";
const resultLink = ".search-result-title .search-result-link";
const searchPage = "[data-search-page]";
/** Results the page shows at once (search-results.ts pageSize). */
const shownAtOnce = 5;

export interface SearchOptions {
  readonly locale: string;
  readonly first: string;
  readonly second?: string;
  /** Typing speed; the page searches once typing pauses (search-session.ts). */
  readonly keyDelayMs?: number;
  readonly quietMs?: number;
}

/** Waits for the search page to show its answer to `query`, then reads it. */
async function waitForResults(
  page: Page,
  query: string,
): Promise<{ count: number | null; links: number }> {
  try {
    // The page marks its root once the results (a first page of them) are in the list.
    await page.waitForFunction(
      ({ root, query }) => {
        const element = document.querySelector<HTMLElement>(root);
        return element?.dataset.state === "done" && element.dataset.query === query;
      },
      { root: searchPage, query },
      { timeout: 60_000 },
    );
  } catch {
    return { count: null, links: await page.locator(resultLink).count() };
  }
  const count = Number(await page.getAttribute(searchPage, "data-count"));
  const links = await page.locator(resultLink).count();
  if (links < Math.min(count, shownAtOnce)) {
    console.warn(`  "${query}": ${count} results but ${links} shown`);
  }
  return { count, links };
}

/**
 * A first search on a fresh browser profile (empty cache), then a second one
 * on the same page. The first window starts before the page is opened: the
 * page loads Pagefind (script, worker, wasm, metadata) as soon as it opens
 * with ?q=, so that is part of what a first search costs; `pagefindBytes` is
 * that cost without the page's own HTML, styles and scripts.
 */
export async function measureSearches(
  browser: Browser,
  server: StaticServer,
  dist: string,
  options: SearchOptions,
): Promise<SearchMeasurement[]> {
  const { locale, first, second, keyDelayMs = 60, quietMs = 750 } = options;
  if (!existsSync(join(dist, locale, "search", "index.html"))) {
    throw new Error(`${dist} has no /${locale}/search/ page to search on`);
  }
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const network = await NetworkWindows.attach(page, server);
    const measurements: SearchMeasurement[] = [];

    let window = network.open();
    const url = `${server.origin}/${locale}/search/?q=${encodeURIComponent(first)}`;
    await page.goto(url, { waitUntil: "load" });
    let results = await waitForResults(page, first);
    await network.quiet(quietMs);
    let closed = window.close();
    measurements.push(
      summarise(
        first,
        "search-page",
        url,
        reconcile(closed.seen, closed.served),
        performance.now() - window.startedAt,
        results,
      ),
    );

    if (second) {
      const input = page.locator(searchInput);
      await input.fill("");
      await network.quiet(quietMs);
      window = network.open();
      await input.pressSequentially(second, { delay: keyDelayMs });
      results = await waitForResults(page, second);
      await network.quiet(quietMs);
      closed = window.close();
      measurements.push(
        summarise(
          second,
          "type-again",
          page.url(),
          reconcile(closed.seen, closed.served),
          performance.now() - window.startedAt,
          results,
        ),
      );
    }
    return measurements;
  } finally {
    await context.close();
  }
}

/**
 * Main-thread work of opening the search page with ?q= on a phone: 4x CPU
 * throttling and a phone viewport, from navigation until the results are
 * shown, as Chromium's own task accounting (Performance.getMetrics
 * TaskDuration, in ms). Pagefind's search itself runs in a worker and is not
 * counted; what counts is parsing and running the page's scripts, layout
 * and painting the results.
 */
export async function mainThreadWork(
  browser: Browser,
  server: StaticServer,
  locale: string,
  query: string,
): Promise<number | null> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const taskSeconds = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
    };
    const before = await taskSeconds();
    await page.goto(`${server.origin}/${locale}/search/?q=${encodeURIComponent(query)}`);
    const { count } = await waitForResults(page, query);
    if (count === null) return null;
    return Math.round(((await taskSeconds()) - before) * 1000);
  } finally {
    await context.close();
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const { values } = parseArgs({
    options: {
      dist: { type: "string" },
      locale: { type: "string", default: "en" },
      first: { type: "string", default: "quasar" },
      second: { type: "string", default: "password" },
    },
  });
  if (!values.dist) {
    console.error("Usage: tsx bench/search-transfer.ts --dist <built site> [--first w --second w]");
    process.exit(2);
  }
  const dist = resolve(values.dist);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const measured = await measureSearches(browser, server, dist, {
      locale: values.locale,
      first: values.first,
      second: values.second,
    });
    for (const m of measured) {
      console.log(
        `${m.how} "${m.query}": ${m.results} results, ${m.allBytes} bytes compressed ` +
          `(${m.uncompressedAllBytes} uncompressed) in ${m.requests} requests, ` +
          `${m.pagefindBytes} bytes from /pagefind/ (CDP alone: ${m.cdpAllBytes}), ${m.ms} ms`,
      );
      for (const f of [...m.pageFiles, ...m.pagefindFiles]) {
        const how = [f.encoding, f.fromWorker ? "worker" : null].filter(Boolean).join(", ");
        console.log(`  ${f.path}  ${f.bytes}${how ? `  (${how})` : ""}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
