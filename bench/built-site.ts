/**
 * What a build produced: pages and bytes in dist, Pagefind's index in
 * total, in the part that grows with content and per language, and Astro's
 * own render time per page from its log.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { round } from "./stats.ts";

/** Visits every file but the .br/.gz copies of precompress, so sizes stay those of the site. */
function walk(dir: string, visit: (path: string, size: number) => void) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) visit(path, statSync(path).size);
  }
}

interface LanguageIndex {
  readonly pages: number;
  readonly bytes: number;
  readonly files: number;
}

export interface DistMetrics {
  readonly pages: number;
  readonly articlePages: number;
  readonly distBytes: number;
  /** Everything under dist/pagefind. */
  readonly indexBytes: number;
  /** The part that grows with content: metadata, index chunks, fragments, filters. */
  readonly indexDataBytes: number;
  readonly indexFiles: number;
  readonly indexedPages: number;
  readonly languages: Readonly<Record<string, LanguageIndex>>;
  /** Pagefind's own summary lines ("Indexed 4000 pages", …). */
  readonly pagefindSummary: readonly string[];
}

export function measureDist(dist: string, pagefindLog: string): DistMetrics {
  let pages = 0;
  let articlePages = 0;
  let distBytes = 0;
  walk(dist, (path, size) => {
    distBytes += size;
    if (path.endsWith(`${"/"}index.html`)) {
      pages += 1;
      if (relative(dist, path).split("/")[1] === "articles") articlePages += 1;
    }
  });
  const pagefindDir = join(dist, "pagefind");
  let indexBytes = 0;
  let indexDataBytes = 0;
  let indexFiles = 0;
  const entry = JSON.parse(readFileSync(join(pagefindDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  };
  const languages: Record<string, { pages: number; bytes: number; files: number }> = {};
  for (const [code, info] of Object.entries(entry.languages)) {
    languages[code] = { pages: info.page_count, bytes: 0, files: 0 };
  }
  const languageOf = (name: string): string | undefined => {
    for (const [code, info] of Object.entries(entry.languages)) {
      if (name.startsWith(`${code}_`) || name === `pagefind.${info.hash}.pf_meta`) return code;
      // Languages without a stemmer (zh-cn) use wasm.unknown.pagefind.
      if (name === `wasm.${info.wasm ?? "unknown"}.pagefind`) return code;
    }
    return undefined;
  };
  walk(pagefindDir, (path, size) => {
    indexBytes += size;
    indexFiles += 1;
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (/\.pf_(meta|index|fragment|filter)$/.test(name)) indexDataBytes += size;
    const code = languageOf(name);
    const language = code ? languages[code] : undefined;
    if (language) {
      language.bytes += size;
      language.files += 1;
    }
  });
  const summary = existsSync(pagefindLog)
    ? readFileSync(pagefindLog, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => /^(Indexed|Total|Language|Finished in)/.test(line))
    : [];
  return {
    pages,
    articlePages,
    distBytes,
    indexBytes,
    indexDataBytes,
    indexFiles,
    indexedPages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0),
    languages,
    pagefindSummary: summary,
  };
}

export interface AstroPageTimes {
  /** Mean and max render time of article pages, from Astro's "(+12ms)" log lines. */
  readonly articleMeanMs: number | null;
  readonly articleMaxMs: number | null;
  /** The same for every other page (home, categories, FAQ, …). */
  readonly otherMeanMs: number | null;
  readonly otherMaxMs: number | null;
}

export function astroPageTimes(log: string): AstroPageTimes {
  const article: number[] = [];
  const other: number[] = [];
  const text = existsSync(log) ? readFileSync(log, "utf8") : "";
  for (const match of text.matchAll(/(\/\S*index\.html) \(\+(\d+)ms\)/g)) {
    (match[1]?.includes("/articles/") ? article : other).push(Number(match[2]));
  }
  const mean = (list: number[]) =>
    list.length ? round(list.reduce((a, b) => a + b, 0) / list.length, 1) : null;
  const max = (list: number[]) => (list.length ? Math.max(...list) : null);
  return {
    articleMeanMs: mean(article),
    articleMaxMs: max(article),
    otherMeanMs: mean(other),
    otherMaxMs: max(other),
  };
}
