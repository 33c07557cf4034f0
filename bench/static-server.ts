/**
 * A tiny static file server for a built site: `index.html` for folders, the
 * site's 404.html for anything missing, no caching headers. Like the app
 * server, it sends the build's precompressed copies (`<file>.br`, then
 * `<file>.gz`) to a client that accepts them, with `Vary: Accept-Encoding`;
 * files without a copy (anything under 1 KB, and Pagefind's gzipped index
 * files to a client without br) go as they are on disk. It logs every response with
 * the bytes written, as a cross-check of what the browser reports.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface ServedResponse {
  readonly at: number;
  readonly path: string;
  readonly status: number;
  /** Body bytes written (compressed, where a copy was sent). */
  readonly bytes: number;
  /** The file's own size: what the body would have been uncompressed. */
  readonly identityBytes: number;
  readonly encoding: "br" | "gzip" | null;
}

/** The encodings a request accepts with a weight above zero ("br;q=0" refuses br). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of String(header ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

/** The precompressed copy to send, best first, if the client takes it and the build wrote it. */
function pickVariant(file: string, accepted: Set<string>) {
  const copies = [
    { encoding: "br", path: `${file}.br` },
    { encoding: "gzip", path: `${file}.gz` },
  ] as const;
  const available = copies.filter((c) => existsSync(c.path));
  const chosen = available.find(
    (c) => accepted.has(c.encoding) || (c.encoding === "gzip" && accepted.has("x-gzip")),
  );
  return { varies: available.length > 0, chosen: chosen ?? null };
}

export interface StaticServer {
  readonly origin: string;
  /** Every response so far, in order of completion. */
  readonly log: ServedResponse[];
  /** Requests received and not yet answered completely. */
  inFlight(): number;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const log: ServedResponse[] = [];
  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    const url = new URL(req.url ?? "/", "http://localhost");
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = "/";
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) file = join(root, "404.html");
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, "404.html");
    }
    const identityBytes = existsSync(file) ? statSync(file).size : 9;
    let encoding: ServedResponse["encoding"] = null;
    const done = (bytes: number) => {
      inFlight -= 1;
      log.push({
        at: performance.now(),
        path: url.pathname,
        status,
        bytes,
        identityBytes,
        encoding,
      });
    };
    if (!existsSync(file)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      done(9);
      return;
    }
    const { varies, chosen } = pickVariant(file, acceptedEncodings(req.headers["accept-encoding"]));
    const body = chosen ? chosen.path : file;
    encoding = chosen ? chosen.encoding : null;
    const size = statSync(body).size;
    res.writeHead(status, {
      "Content-Type": types[extname(file)] ?? "application/octet-stream",
      "Content-Length": size,
      ...(encoding ? { "Content-Encoding": encoding } : {}),
      ...(varies ? { Vary: "Accept-Encoding" } : {}),
    });
    if (req.method === "HEAD") {
      res.end();
      done(0);
      return;
    }
    const stream = createReadStream(body);
    stream.pipe(res);
    res.on("close", () => done(size));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
