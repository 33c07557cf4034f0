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
import type { Browser, CDPSession, Page } from "playwright-core";
import { chromiumPath, launchChromium } from "../tests/e2e/chromium.ts";
import { type ServedResponse, type StaticServer, serveStatic } from "./static-server.ts";

export { chromiumPath, launchChromium };

// The search page's own markup (src/pages/[locale]/search.astro): the box, the
// article title links, and the page root that says when an answer is shown.
const searchInput = "#search-page-input";
const resultLink = ".search-result-title .search-result-link";
const searchPage = "[data-search-page]";
/** Results the page shows at once (search-results.ts pageSize). */
const shownAtOnce = 5;
const staleMs = 3_000;

export interface FileTransfer {
  readonly path: string;
  /** Bytes on the wire (headers and body, compressed where the server sent a copy), reconciled with the server's count. */
  readonly bytes: number;
  /** The same response with the file's uncompressed body. */
  readonly uncompressedBytes: number;
  readonly encoding: "br" | "gzip" | null;
  readonly cdpBytes: number | null;
  readonly serverBodyBytes: number | null;
  readonly fromWorker: boolean;
}

export interface SearchMeasurement {
  readonly query: string;
  /** How the search was started: opening the search page with ?q=, or typing into the box. */
  readonly how: "search-page" | "type-again";
  readonly url: string;
  /** Everything transferred in the window (page, styles, scripts, Pagefind), compressed as served. */
  readonly allBytes: number;
  /** Only the files under /pagefind/, compressed as served. */
  readonly pagefindBytes: number;
  /** The same two with every body uncompressed: what a server without compression would send. */
  readonly uncompressedAllBytes: number;
  readonly uncompressedPagefindBytes: number;
  /** Sum of CDP's figures alone, before reconciliation with the server. */
  readonly cdpAllBytes: number;
  readonly requests: number;
  /** The number of results Pagefind found (the page's data-count); null if none was shown in time. */
  readonly results: number | null;
  readonly resultLinks: number;
  readonly ms: number;
  readonly pagefindFiles: readonly FileTransfer[];
  /** Everything else: the page, its styles and scripts. */
  readonly pageFiles: readonly FileTransfer[];
  /** Pagefind files by kind: meta, index, fragment, filter, wasm, script, entry, css. */
  readonly pagefindByKind: Readonly<Record<string, { files: number; bytes: number }>>;
}

export interface SearchOptions {
  readonly locale: string;
  readonly first: string;
  readonly second?: string;
  /** Typing speed; the page searches once typing pauses (search-page.ts). */
  readonly keyDelayMs?: number;
  readonly quietMs?: number;
}

interface Seen {
  url: string;
  bytes: number;
  fromWorker: boolean;
}

function kindOf(path: string): string {
  if (path.includes("/index/")) return "index";
  if (path.includes("/fragment/")) return "fragment";
  if (path.includes("/filter/")) return "filter";
  if (path.endsWith(".pf_meta")) return "meta";
  if (path.includes("/wasm.")) return "wasm";
  if (path.endsWith(".json")) return "entry";
  if (path.endsWith(".css")) return "css";
  return "script";
}

/**
 * Watches one page's network over CDP, including its dedicated workers, and
 * cuts it into windows (one per search).
 */
class NetworkWindows {
  private readonly urls = new Map<string, { url: string; fromWorker: boolean }>();
  /** Request id → when it started. */
  private readonly inFlight = new Map<string, number>();
  private current: Seen[] = [];
  private lastActivity = performance.now();
  private nextId = 1;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly server: StaticServer,
  ) {}

  static async attach(page: Page, server: StaticServer): Promise<NetworkWindows> {
    const cdp = await page.context().newCDPSession(page);
    const windows = new NetworkWindows(cdp, server);
    await windows.listen();
    return windows;
  }

  /**
   * Request ids are shared between the page and its workers: a worker's own
   * script is requested by the page's session and finishes in the worker's.
   */
  private onEvent(method: string, params: Record<string, unknown>, fromWorker: boolean) {
    const id = String(params.requestId);
    if (method === "Network.requestWillBeSent") {
      const request = params.request as { url: string };
      this.urls.set(id, { url: request.url, fromWorker });
      if (request.url.startsWith("http")) this.inFlight.set(id, performance.now());
      this.lastActivity = performance.now();
    } else if (method === "Network.loadingFinished" || method === "Network.loadingFailed") {
      this.inFlight.delete(id);
      this.lastActivity = performance.now();
      const seen = this.urls.get(id);
      if (seen?.url.startsWith("http")) {
        const bytes = method === "Network.loadingFinished" ? Number(params.encodedDataLength) : 0;
        this.current.push({ url: seen.url, bytes, fromWorker });
      }
    }
  }

  private async listen() {
    const { cdp } = this;
    cdp.on("Network.requestWillBeSent", (e) => this.onEvent("Network.requestWillBeSent", e, false));
    cdp.on("Network.loadingFinished", (e) => this.onEvent("Network.loadingFinished", e, false));
    cdp.on("Network.loadingFailed", (e) => this.onEvent("Network.loadingFailed", e, false));
    // Workers: the non-flat protocol, so their messages arrive on this session.
    cdp.on("Target.attachedToTarget", (e) => {
      const sessionId = e.sessionId;
      const send = (method: string) =>
        cdp
          .send("Target.sendMessageToTarget", {
            sessionId,
            message: JSON.stringify({ id: this.nextId++, method, params: {} }),
          })
          .catch(() => undefined);
      void send("Network.enable").then(() => send("Runtime.runIfWaitingForDebugger"));
    });
    cdp.on("Target.receivedMessageFromTarget", (e) => {
      const message = JSON.parse(e.message) as {
        method?: string;
        params?: Record<string, unknown>;
      };
      if (message.method && message.params) this.onEvent(message.method, message.params, true);
    });
    await cdp.send("Network.enable");
    await cdp.send("Target.setAutoAttach", {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: false,
    });
  }

  /** Starts a new window; returns a function that closes it. */
  open(): {
    startedAt: number;
    serverFrom: number;
    close: () => { seen: Seen[]; served: ServedResponse[] };
  } {
    this.current = [];
    const serverFrom = this.server.log.length;
    return {
      startedAt: performance.now(),
      serverFrom,
      close: () => {
        const seen = this.current;
        this.current = [];
        return { seen, served: this.server.log.slice(serverFrom) };
      },
    };
  }

  /** Waits until nothing is in flight (browser and server) for `quietMs`. */
  async quiet(quietMs: number, timeoutMs = 20_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const now = performance.now();
      const last = Math.max(this.lastActivity, this.server.log.at(-1)?.at ?? 0);
      // The server knows best what is still being sent. A request Chromium
      // started but never reported finished (a worker's own script, when the
      // worker attaches late) stops counting as busy after a few seconds.
      const pendingInBrowser = [...this.inFlight.values()].some((t) => now - t < staleMs);
      const busy = pendingInBrowser || this.server.inFlight() > 0;
      if (!busy && now - last >= quietMs) return;
      if (now > deadline) {
        const pending = [...this.inFlight.keys()].map((id) => this.urls.get(id)?.url ?? id);
        console.warn(
          `  network did not settle within ${timeoutMs} ms (in flight: ${pending.join(", ") || "none"}, ` +
            `server: ${this.server.inFlight()}); measuring anyway`,
        );
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Pairs what Chromium reported with what the server wrote, request by request. */
function reconcile(seen: Seen[], served: ServedResponse[]): FileTransfer[] {
  const byPath = new Map<string, ServedResponse[]>();
  for (const s of served) {
    const list = byPath.get(s.path) ?? [];
    list.push(s);
    byPath.set(s.path, list);
  }
  const files: FileTransfer[] = seen.map((s) => {
    const path = new URL(s.url).pathname;
    const match = byPath.get(path)?.shift();
    const serverBodyBytes = match ? match.bytes : null;
    // Below the body size, CDP counted the headers only (a worker's own script).
    const bytes =
      serverBodyBytes !== null && s.bytes < serverBodyBytes ? s.bytes + serverBodyBytes : s.bytes;
    return {
      path,
      bytes,
      uncompressedBytes: match ? bytes - match.bytes + match.identityBytes : bytes,
      encoding: match?.encoding ?? null,
      cdpBytes: s.bytes,
      serverBodyBytes,
      fromWorker: s.fromWorker,
    };
  });
  // Requests the server answered but Chromium did not report (should not happen).
  for (const rest of byPath.values()) {
    for (const s of rest) {
      files.push({
        path: s.path,
        bytes: s.bytes,
        uncompressedBytes: s.identityBytes,
        encoding: s.encoding,
        cdpBytes: null,
        serverBodyBytes: s.bytes,
        fromWorker: false,
      });
    }
  }
  return files;
}

function summarise(
  query: string,
  how: SearchMeasurement["how"],
  url: string,
  files: FileTransfer[],
  ms: number,
  results: { count: number | null; links: number },
): SearchMeasurement {
  const pagefindFiles = files.filter((f) => f.path.startsWith("/pagefind/"));
  const pagefindByKind: Record<string, { files: number; bytes: number }> = {};
  for (const f of pagefindFiles) {
    const kind = kindOf(f.path);
    const entry = pagefindByKind[kind] ?? { files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += f.bytes;
    pagefindByKind[kind] = entry;
  }
  const sum = (list: readonly FileTransfer[], pick: (f: FileTransfer) => number) =>
    list.reduce((total, f) => total + pick(f), 0);
  return {
    query,
    how,
    url,
    allBytes: sum(files, (f) => f.bytes),
    pagefindBytes: sum(pagefindFiles, (f) => f.bytes),
    uncompressedAllBytes: sum(files, (f) => f.uncompressedBytes),
    uncompressedPagefindBytes: sum(pagefindFiles, (f) => f.uncompressedBytes),
    cdpAllBytes: sum(files, (f) => f.cdpBytes ?? 0),
    requests: files.length,
    results: results.count,
    resultLinks: results.links,
    ms: Math.round(ms),
    pagefindFiles,
    pageFiles: files.filter((f) => !f.path.startsWith("/pagefind/")),
    pagefindByKind,
  };
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
