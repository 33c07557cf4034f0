import type { BrowserContext, Page } from "playwright-core";

export interface CrawlFailure {
  readonly page: string;
  readonly problem: string;
}

export interface CrawlResult {
  /** Every address visited, in order. */
  readonly visited: readonly string[];
  readonly failures: readonly CrawlFailure[];
  /** Each visited HTML document as the server sent it, for the conformance check. */
  readonly documents: ReadonlyMap<string, string>;
}

export interface CrawlOptions {
  readonly origin: string;
  readonly start: readonly string[];
  /** Which same-origin paths to follow; others are left alone (another crawl covers them). */
  readonly follow: (path: string) => boolean;
  /** A safety net: a crawl that finds more pages than this reports it instead of running on. */
  readonly maxPages?: number;
}

/**
 * Visits every page reachable by links from `start` in a real browser, the
 * way a reader clicking through would. A page fails on a 4xx/5xx answer
 * (for the page or anything it loads), an uncaught script error, or an
 * error in the browser's console (a CSP refusal shows up there).
 */
export async function crawl(context: BrowserContext, options: CrawlOptions): Promise<CrawlResult> {
  const maxPages = options.maxPages ?? 1_000;
  const queue = options.start.map((path) => new URL(path, options.origin).href);
  const seen = new Set(queue);
  const visited: string[] = [];
  const failures: CrawlFailure[] = [];
  const documents = new Map<string, string>();
  const page = await context.newPage();
  let current = "";
  const fail = (problem: string) => failures.push({ page: current, problem });
  page.on("pageerror", (error) => fail(`uncaught error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") fail(`console error: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) fail(`${response.status()} for ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // Aborted: the crawl moved on to the next page while this one still loaded.
    if (reason !== "net::ERR_ABORTED") fail(`request failed: ${request.url()} (${reason})`);
  });

  while (queue.length > 0) {
    const url = queue.shift() as string;
    current = new URL(url).pathname + new URL(url).search;
    if (visited.length >= maxPages) {
      fail(`more than ${maxPages} pages; the crawl stopped here`);
      break;
    }
    visited.push(current);
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response) continue;
    if ((response.headers()["content-type"] ?? "").startsWith("text/html")) {
      documents.set(current, await response.text());
    }
    for (const href of await linksOn(page)) {
      const target = new URL(href);
      target.hash = "";
      if (target.origin !== options.origin || !options.follow(target.pathname)) continue;
      if (seen.has(target.href)) continue;
      seen.add(target.href);
      queue.push(target.href);
    }
  }
  await page.close();
  return { visited, failures, documents };
}

function linksOn(page: Page): Promise<string[]> {
  return page.$$eval("a[href]", (anchors) =>
    anchors.map((a) => (a as HTMLAnchorElement).href).filter((href) => href.startsWith("http")),
  );
}
