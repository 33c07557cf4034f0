/**
 * Watches one page's network over CDP and cuts it into windows, one per
 * search. Pagefind fetches its index from a web worker, whose requests a
 * page's CDP session does not see, so workers are attached with
 * `Target.setAutoAttach` and their events counted too.
 */
import type { CDPSession, Page } from "playwright-core";
import type { ServedResponse, StaticServer } from "./static-server.ts";

/** A request in browser and server stops counting as in flight after this long (see quiet). */
const staleMs = 3_000;

/** One finished request as Chromium reported it: `encodedDataLength` of Network.loadingFinished. */
export interface Seen {
  url: string;
  bytes: number;
  fromWorker: boolean;
}

/**
 * Watches one page's network over CDP, including its dedicated workers, and
 * cuts it into windows (one per search).
 */
export class NetworkWindows {
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
