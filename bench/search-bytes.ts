/**
 * A search's bytes: what Chromium reported, reconciled request by request
 * with what the static server wrote (Chromium reports a worker's own script
 * with its headers only), then added up for the whole window and for the
 * files under /pagefind/ by kind.
 */
import type { Seen } from "./network-windows.ts";
import type { ServedResponse } from "./static-server.ts";

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

/** Pairs what Chromium reported with what the server wrote, request by request. */
export function reconcile(seen: Seen[], served: ServedResponse[]): FileTransfer[] {
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

export function summarise(
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
