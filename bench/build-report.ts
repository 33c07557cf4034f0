/**
 * The help-center benchmark's report: every figure of the baseline and the
 * target side by side with their ratio, the ratios that say how the build
 * scales, the table as printed, and the JSON kept under bench/results/.
 */
import { locales } from "@frontline/core";
import { type RunResult, stepNames } from "./site-runs.ts";
import { round } from "./stats.ts";

const fmtInt = (n: number | null | undefined) =>
  n === null || n === undefined ? "–" : Math.round(n).toLocaleString("en-US");
const fmt = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(digits);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;

export interface Row {
  readonly metric: string;
  readonly baseline: string;
  readonly target: string;
  readonly ratio: string;
}

// Figures of one run, null (or undefined) where the run did not get that far.
const step = (r: RunResult, name: string) => r.steps.find((s) => s.name === name);
const pages = (r: RunResult) => r.dist?.pages;
const perPage = (r: RunResult, seconds: number | undefined) => {
  const p = pages(r);
  return r.ok && p && seconds !== undefined ? (seconds * 1000) / p : null;
};
const msPerPage = (r: RunResult) => perPage(r, r.buildSeconds);
const astroMsPerPage = (r: RunResult) => perPage(r, step(r, "astro")?.seconds);
const pagesPerSecond = (r: RunResult) => {
  const p = pages(r);
  return r.ok && p ? p / r.buildSeconds : null;
};
const indexPerPage = (r: RunResult) =>
  r.dist ? r.dist.indexDataBytes / r.dist.indexedPages : null;
const search = (r: RunResult, i: number) => r.searches?.[i];
const chunks = (r: RunResult, i: number) => {
  const kinds = search(r, i)?.pagefindByKind;
  return kinds ? `${kinds.index?.files ?? 0} / ${kinds.fragment?.files ?? 0}` : "–";
};

/** The ratios target/baseline that say how the build scales (the rows marked "<-"). */
function ratiosOf(base: RunResult, target: RunResult): Record<string, number | null> {
  const rounded = (n: number | null) => (n === null ? null : round(n, 3));
  return {
    timePerPage: rounded(ratio(msPerPage(target), msPerPage(base))),
    astroTimePerPage: rounded(ratio(astroMsPerPage(target), astroMsPerPage(base))),
    peakMemory: rounded(ratio(target.peakRssMb, base.peakRssMb)),
    indexBytesPerPage: rounded(ratio(indexPerPage(target), indexPerPage(base))),
    firstSearchPagefindBytes: rounded(
      ratio(search(target, 0)?.pagefindBytes, search(base, 0)?.pagefindBytes),
    ),
    secondSearchPagefindBytes: rounded(
      ratio(search(target, 1)?.pagefindBytes, search(base, 1)?.pagefindBytes),
    ),
    firstSearchAllBytes: rounded(ratio(search(target, 0)?.allBytes, search(base, 0)?.allBytes)),
    secondSearchAllBytes: rounded(ratio(search(target, 1)?.allBytes, search(base, 1)?.allBytes)),
  };
}

/** Every row of the table, in the order bench/README.md explains them. */
function rowsOf(base: RunResult, target: RunResult, ratios: Record<string, number | null>): Row[] {
  const rows: Row[] = [];
  const add = (
    metric: string,
    pick: (r: RunResult) => number | null | undefined,
    format: (n: number | null | undefined) => string = fmtInt,
    ratioValue: number | null | undefined = ratio(pick(target), pick(base)),
  ) =>
    rows.push({
      metric,
      baseline: format(pick(base)),
      target: format(pick(target)),
      ratio: fmt(ratioValue),
    });
  const addText = (metric: string, pick: (r: RunResult) => string) =>
    rows.push({ metric, baseline: pick(base), target: pick(target), ratio: "" });
  const seconds = (n: number | null | undefined) => fmt(n);
  const oneDecimal = (n: number | null | undefined) => fmt(n, 1);
  add("articles (N × 4 languages)", (r) => r.articlesPerLocale * locales.length);
  add("pages built (index.html)", pages);
  for (const name of stepNames) {
    add(`  ${name} wall s`, (r) => step(r, name)?.seconds, seconds);
  }
  add("build wall s (total)", (r) => (r.ok ? r.buildSeconds : null), seconds);
  add("pages per second", pagesPerSecond, oneDecimal);
  add("ms per page, whole build  <- time/page ratio", msPerPage, oneDecimal, ratios.timePerPage);
  add("ms per page, astro build", astroMsPerPage, oneDecimal, ratios.astroTimePerPage);
  add("  astro log: mean ms per article page", (r) => r.astroPages?.articleMeanMs, oneDecimal);
  add("  astro log: mean ms per other page", (r) => r.astroPages?.otherMeanMs, oneDecimal);
  for (const name of stepNames) {
    add(`  ${name} peak RSS MB`, (r) => step(r, name)?.peakRssMb);
  }
  add("peak RSS MB, max of steps  <- memory ratio", (r) => r.peakRssMb, fmtInt, ratios.peakMemory);
  add("index size bytes (dist/pagefind)", (r) => r.dist?.indexBytes);
  add("index data bytes (meta+index+fragment+filter)", (r) => r.dist?.indexDataBytes);
  add("pages indexed", (r) => r.dist?.indexedPages);
  add("index data bytes per page  <- index ratio", indexPerPage, fmtInt, ratios.indexBytesPerPage);
  for (const locale of locales) {
    add(`  ${locale} index bytes (incl. its wasm)`, (r) => r.dist?.languages[locale]?.bytes);
  }
  add("1st search: all bytes, compressed (incl. the page)", (r) => search(r, 0)?.allBytes);
  add(
    "1st search: /pagefind/ bytes, compressed  <- search ratio",
    (r) => search(r, 0)?.pagefindBytes,
  );
  add("1st search: all bytes, uncompressed", (r) => search(r, 0)?.uncompressedAllBytes);
  add("1st search: pf_meta bytes", (r) => search(r, 0)?.pagefindByKind.meta?.bytes);
  addText("1st search: index chunks / fragments", (r) => chunks(r, 0));
  add("1st search: results", (r) => search(r, 0)?.results);
  add("2nd search: all bytes, compressed", (r) => search(r, 1)?.allBytes);
  add(
    "2nd search: /pagefind/ bytes, compressed  <- search ratio",
    (r) => search(r, 1)?.pagefindBytes,
  );
  add("2nd search: all bytes, uncompressed", (r) => search(r, 1)?.uncompressedAllBytes);
  add("search page main-thread ms, phone at 4x CPU throttling", (r) => r.mainThreadMs ?? undefined);
  addText("2nd search: index chunks / fragments", (r) => chunks(r, 1));
  add("2nd search: results", (r) => search(r, 1)?.results);
  addText("marker words found (en de it zh-cn)", (r) =>
    r.markerChecks
      ? r.markerChecks
          .map((c) => (c.found === c.expected ? "ok" : `${c.found}/${c.expected}`))
          .join(" ")
      : "–",
  );
  return rows;
}

export function table(
  base: RunResult,
  target: RunResult,
): { rows: Row[]; ratios: Record<string, number | null> } {
  const ratios = ratiosOf(base, target);
  return { rows: rowsOf(base, target, ratios), ratios };
}

export function printTable(rows: Row[], base: RunResult, target: RunResult) {
  const head: Row = {
    metric: "metric",
    baseline: `baseline N=${base.articlesPerLocale}`,
    target: `target N=${target.articlesPerLocale}`,
    ratio: "target/baseline",
  };
  const all = [head, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const w = {
    metric: width("metric"),
    baseline: width("baseline"),
    target: width("target"),
    ratio: width("ratio"),
  };
  const line = (r: Row) =>
    [
      "",
      r.metric.padEnd(w.metric),
      r.baseline.padStart(w.baseline),
      r.target.padStart(w.target),
      r.ratio.padStart(w.ratio),
      "",
    ].join(" | ");
  const rule = [w.metric + 2, w.baseline + 1, w.target + 1, w.ratio + 1]
    .map((n, i) => (i === 0 ? "-".repeat(n) : `${"-".repeat(n)}:`))
    .join("|");
  console.log(line(head).trim());
  console.log(`|${rule}|`);
  for (const r of rows) console.log(line(r).trim());
}
