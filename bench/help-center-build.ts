/**
 * Help-center build benchmark: generates a synthetic corpus (N articles in
 * each of the four languages), builds and indexes a private copy of
 * apps/help-center with it, and measures build wall time, pages per second,
 * peak memory, index size, and the bytes a first and a second search
 * transfer in Chromium. A small baseline corpus is built in the same run;
 * the targets are the ratios target/baseline, never absolute timings.
 *
 *   npm run bench -- [--n 1000] [--baseline 100] [--keep]
 *
 * See bench/README.md for what each figure means.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { locales } from "@frontline/core";
import type { Browser } from "playwright-core";
import { type GeneratedCorpus, generateArticles, markerWords } from "./generate-articles.ts";
import {
  launchChromium,
  mainThreadWork,
  measureSearches,
  type SearchMeasurement,
} from "./search-transfer.ts";
import { serveStatic } from "./static-server.ts";
import { quantile } from "./stats.ts";

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(benchDir);
const appDir = join(repoRoot, "apps", "help-center");
const workRoot = join(benchDir, ".work");
const binDir = join(repoRoot, "node_modules", ".bin");
const gnuTime = "/usr/bin/time";
/** What the benchmark copies of the app: everything the build reads. */
const appEntries = [
  "src",
  "public",
  "astro.config.mjs",
  "tsconfig.json",
  "package.json",
  "scripts",
];
const expectedBuildScript =
  "tsx scripts/check-content.ts && astro build && pagefind --site dist && tsx scripts/precompress.ts dist";
/** The build steps, as the app's build script runs them. */
const stepNames = ["check", "astro", "pagefind", "precompress"] as const;

const { values: args } = parseArgs({
  options: {
    n: { type: "string", default: "1000" },
    baseline: { type: "string", default: "100" },
    keep: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    first: { type: "string", default: markerWords.en },
    second: { type: "string", default: "password" },
    "skip-browser": { type: "boolean", default: false },
  },
});

// ---------------------------------------------------------------------------
// Build steps under GNU time

interface StepResult {
  readonly name: string;
  readonly command: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** Wall seconds as GNU time reports them. */
  readonly seconds: number;
  /** Peak resident set of the largest process of the step (MB). */
  readonly peakRssMb: number;
  readonly log: string;
}

async function runStep(
  name: string,
  bin: string,
  binArgs: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
): Promise<StepResult> {
  const log = join(logDir, `${name}.log`);
  const timeFile = join(logDir, `${name}.time`);
  const out = openSync(log, "w");
  const started = performance.now();
  const child = spawn(gnuTime, ["-f", "%e %M", "-o", timeFile, bin, ...binArgs], {
    cwd,
    env,
    stdio: ["ignore", out, out],
  });
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
    (resolve) => child.on("close", (code, signal) => resolve({ code, signal })),
  );
  const elapsed = (performance.now() - started) / 1000;
  // On failure GNU time writes "Command exited with non-zero status N" (or
  // "Command terminated by signal N") before the figures.
  const timeText = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim() : "";
  const figures = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(timeText);
  const killedBy = /terminated by signal (\d+)/.exec(timeText)?.[1];
  return {
    name,
    command: `${relative(repoRoot, bin)} ${binArgs.join(" ")}`,
    exitCode: code,
    signal: killedBy ? `signal ${killedBy}` : signal,
    seconds: figures ? Number(figures[1]) : Math.round(elapsed * 100) / 100,
    peakRssMb: figures ? Math.round(Number(figures[2]) / 1024) : 0,
    log,
  };
}

function tail(file: string, lines = 25): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

/** Why a step failed, in one line, from its exit status and log. */
function diagnose(step: StepResult): string {
  const text = existsSync(step.log) ? readFileSync(step.log, "utf8") : "";
  if (/heap out of memory|Reached heap limit/i.test(text))
    return `V8 heap exhausted (JavaScript heap out of memory) at ${step.peakRssMb} MB RSS`;
  if (step.signal === "signal 9" || step.exitCode === 137)
    return `killed (SIGKILL, likely the kernel OOM killer) at ${step.peakRssMb} MB RSS`;
  if (step.signal) return `terminated by ${step.signal}`;
  const errorLine = text.split("\n").find((line) => /error/i.test(line));
  return `exit code ${step.exitCode}${errorLine ? `: ${errorLine.trim().slice(0, 200)}` : ""}`;
}

// ---------------------------------------------------------------------------
// Measuring the built site

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

interface DistMetrics {
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

function measureDist(dist: string, pagefindLog: string): DistMetrics {
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

interface AstroPageTimes {
  /** Mean and max render time of article pages, from Astro's "(+12ms)" log lines. */
  readonly articleMeanMs: number | null;
  readonly articleMaxMs: number | null;
  /** The same for every other page (home, categories, FAQ, …). */
  readonly otherMeanMs: number | null;
  readonly otherMaxMs: number | null;
}

function astroPageTimes(log: string): AstroPageTimes {
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

// ---------------------------------------------------------------------------
// One run: corpus, copy of the app, build, measurements

interface MarkerCheck {
  readonly locale: string;
  readonly word: string;
  readonly expected: number;
  readonly found: number | null;
  readonly pagefindBytes: number;
}

interface RunResult {
  readonly articlesPerLocale: number;
  readonly corpus: Omit<GeneratedCorpus, "dir" | "markerSlugs"> & { markerArticles: number };
  readonly markerSlugs: readonly string[];
  readonly ok: boolean;
  readonly failure?: { step: string; reason: string; logTail: string };
  readonly steps: StepResult[];
  readonly buildSeconds: number;
  readonly peakRssMb: number;
  readonly dist?: DistMetrics;
  readonly astroPages?: AstroPageTimes;
  readonly searches?: SearchMeasurement[];
  readonly markerChecks?: MarkerCheck[];
  /** Main-thread ms of opening the search page with ?q= at 4x CPU throttling (median of 3). */
  readonly mainThreadMs?: number | null;
}

function prepareSite(n: number): { siteDir: string; contentDir: string } {
  const siteDir = join(workRoot, `site-${n}`);
  const contentDir = join(workRoot, `content-${n}`);
  rmSync(siteDir, { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(join(siteDir, "logs"), { recursive: true });
  for (const name of appEntries) {
    const from = join(appDir, name);
    if (existsSync(from)) cpSync(from, join(siteDir, name), { recursive: true });
  }
  return { siteDir, contentDir };
}

async function build(n: number, site: { siteDir: string; contentDir: string }): Promise<RunResult> {
  const { siteDir, contentDir } = site;
  console.log(`\n== N=${n} (${n * locales.length} articles): build`);
  const generated = generateArticles({ n, dir: contentDir, seed: Number(args.seed) });
  const { dir: _dir, markerSlugs, ...corpusStats } = generated;
  const corpus = { ...corpusStats, markerArticles: markerSlugs.length };
  console.log(
    `  corpus: ${generated.files} files, ${(generated.bytes / 1e6).toFixed(1)} MB, ` +
      `${generated.words.min}–${generated.words.max} words (mean ${generated.words.mean})`,
  );

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${binDir}:${process.env.PATH ?? ""}`,
    FRONTLINE_CONTENT_DIR: contentDir,
    ASTRO_TELEMETRY_DISABLED: "1",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  };
  const logDir = join(siteDir, "logs");
  const plan: [string, string, string[]][] = [
    ["check", join(binDir, "tsx"), ["scripts/check-content.ts"]],
    ["astro", join(binDir, "astro"), ["build"]],
    ["pagefind", join(binDir, "pagefind"), ["--site", "dist"]],
    ["precompress", join(binDir, "tsx"), ["scripts/precompress.ts", "dist"]],
  ];
  const steps: StepResult[] = [];
  for (const [name, bin, binArgs] of plan) {
    process.stdout.write(`  ${name.padEnd(11)} … `);
    const step = await runStep(name, bin, binArgs, siteDir, env, logDir);
    steps.push(step);
    console.log(`${step.seconds.toFixed(2)} s, peak ${step.peakRssMb} MB`);
    if (step.exitCode !== 0 || step.signal) {
      const reason = diagnose(step);
      console.log(`  FAILED: ${reason}\n  log: ${step.log}\n${tail(step.log)}`);
      return {
        articlesPerLocale: n,
        corpus,
        markerSlugs,
        ok: false,
        failure: { step: name, reason, logTail: tail(step.log) },
        steps,
        buildSeconds: round(steps.reduce((t, s) => t + s.seconds, 0)),
        peakRssMb: Math.max(...steps.map((s) => s.peakRssMb)),
      };
    }
  }
  const buildSeconds = round(steps.reduce((t, s) => t + s.seconds, 0));
  const peakRssMb = Math.max(...steps.map((s) => s.peakRssMb));
  const dist = measureDist(join(siteDir, "dist"), join(logDir, "pagefind.log"));
  const astroPages = astroPageTimes(join(logDir, "astro.log"));
  console.log(
    `  built ${dist.pages} pages in ${buildSeconds} s; index ${dist.indexBytes} bytes ` +
      `(${dist.indexedPages} pages indexed)`,
  );
  return {
    articlesPerLocale: n,
    corpus,
    markerSlugs,
    ok: true,
    steps,
    buildSeconds,
    peakRssMb,
    dist,
    astroPages,
  };
}

/** Chromium runs only after the builds, so it takes no memory or CPU from them. */
async function measureInBrowser(
  run: RunResult,
  site: { siteDir: string },
  browser: Browser,
): Promise<RunResult> {
  if (!run.ok) return run;
  console.log(`\n== N=${run.articlesPerLocale}: searches in Chromium`);
  const distDir = join(site.siteDir, "dist");
  const server = await serveStatic(distDir);
  try {
    const searches = await measureSearches(browser, server, distDir, {
      locale: "en",
      first: args.first,
      second: args.second,
    });
    for (const s of searches) {
      console.log(
        `  "${s.query}" (${s.how}): ${s.results} results, ${s.allBytes} bytes, ` +
          `${s.pagefindBytes} from /pagefind/ in ${s.pagefindFiles.length} files`,
      );
    }
    // Median of three: a single figure on a shared two-core machine wanders.
    const work: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ms = await mainThreadWork(browser, server, "en", args.first);
      if (ms !== null) work.push(ms);
    }
    const mainThreadMs = work.length ? quantile(work, 0.5) : null;
    console.log(`  main-thread work of the search page on a throttled phone: ${mainThreadMs} ms`);
    // Does each language's index find its marker word in exactly the marked articles?
    const markerChecks: MarkerCheck[] = [];
    for (const locale of locales) {
      const [m] = await measureSearches(browser, server, distDir, {
        locale,
        first: markerWords[locale],
      });
      markerChecks.push({
        locale,
        word: markerWords[locale],
        expected: run.markerSlugs.length,
        found: m?.results ?? null,
        pagefindBytes: m?.pagefindBytes ?? 0,
      });
    }
    console.log(
      `  marker words found: ${markerChecks.map((c) => `${c.locale} ${c.found}/${c.expected}`).join(", ")}`,
    );
    return { ...run, searches, markerChecks, mainThreadMs };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------
// Report

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const fmtInt = (n: number | null | undefined) =>
  n === null || n === undefined ? "–" : Math.round(n).toLocaleString("en-US");
const fmt = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(digits);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;

interface Row {
  readonly metric: string;
  readonly baseline: string;
  readonly target: string;
  readonly ratio: string;
}

function table(
  base: RunResult,
  target: RunResult,
): { rows: Row[]; ratios: Record<string, number | null> } {
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
  const rounded = (n: number | null) => (n === null ? null : round(n, 3));

  const ratios: Record<string, number | null> = {
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
  const chunks = (r: RunResult, i: number) => {
    const kinds = search(r, i)?.pagefindByKind;
    return kinds ? `${kinds.index?.files ?? 0} / ${kinds.fragment?.files ?? 0}` : "–";
  };

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
  return { rows, ratios };
}

function printTable(rows: Row[], base: RunResult, target: RunResult) {
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

function git(...gitArgs: string[]): string {
  const result = spawnSync("git", gitArgs, { cwd: repoRoot, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : "";
}

// ---------------------------------------------------------------------------

async function main() {
  const n = Number(args.n);
  const baselineN = Number(args.baseline);
  for (const [name, value] of [
    ["--n", n],
    ["--baseline", baselineN],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a positive integer`);
  }
  if (!existsSync(gnuTime)) throw new Error(`GNU time is needed at ${gnuTime}`);
  const appPackage = JSON.parse(readFileSync(join(appDir, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  if (appPackage.scripts?.build !== expectedBuildScript) {
    console.warn(
      `warning: apps/help-center's build script is now "${appPackage.scripts?.build}"; ` +
        `the benchmark runs "${expectedBuildScript}".`,
    );
  }

  // Snapshot the app for both runs first, so both build the same code even
  // while someone edits apps/help-center.
  mkdirSync(workRoot, { recursive: true });
  const baseSite = prepareSite(baselineN);
  const targetSite = baselineN === n ? baseSite : prepareSite(n);
  const commit = git("rev-parse", "--short", "HEAD");
  const dirtyFiles = git("status", "--porcelain", "--", "apps/help-center", "packages/core")
    .split("\n")
    .filter(Boolean).length;

  let base = await build(baselineN, baseSite);
  let target = baselineN === n ? base : await build(n, targetSite);

  let chromiumVersion: string | null = null;
  if (!args["skip-browser"] && (base.ok || target.ok)) {
    const browser = await launchChromium();
    chromiumVersion = browser.version();
    try {
      base = await measureInBrowser(base, baseSite, browser);
      target = baselineN === n ? base : await measureInBrowser(target, targetSite, browser);
    } finally {
      await browser.close();
    }
  }

  const { rows, ratios } = table(base, target);
  console.log("");
  printTable(rows, base, target);
  console.log(
    "\nRatios (<-): per-page figures near 1.0 mean linear growth; below 1.0 fixed costs are " +
      "being spread over more pages, above 1.0 each page costs more as the site grows.",
  );
  for (const r of [base, target]) {
    if (!r.ok)
      console.log(`\nN=${r.articlesPerLocale} FAILED in ${r.failure?.step}: ${r.failure?.reason}`);
  }

  const date = new Date().toISOString().slice(0, 10);
  const resultsDir = join(benchDir, "results");
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `help-center-${date}.json`);
  const forJson = ({ markerSlugs: _slugs, ...r }: RunResult) => ({
    ...r,
    steps: r.steps.map(({ log: _log, ...s }) => s),
  });
  const report = {
    benchmark: "help-center-build",
    date: new Date().toISOString(),
    commit,
    uncommittedAppFiles: dirtyFiles,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "",
      memoryMb: Math.round(totalmem() / 1024 / 1024),
      node: process.version,
      chromium: chromiumVersion,
    },
    options: {
      n,
      baseline: baselineN,
      seed: Number(args.seed),
      firstSearch: args.first,
      secondSearch: args.second,
    },
    ratios,
    table: rows,
    baseline: forJson(base),
    target: forJson(target),
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults: ${relative(repoRoot, file)}`);

  if (args.keep) {
    console.log(`Work folders kept under ${relative(repoRoot, workRoot)}/`);
  } else {
    for (const site of [baseSite, targetSite]) {
      rmSync(site.siteDir, { recursive: true, force: true });
      rmSync(site.contentDir, { recursive: true, force: true });
    }
    if (existsSync(workRoot) && readdirSync(workRoot).length === 0)
      rmSync(workRoot, { recursive: true });
  }
  if (!base.ok || !target.ok) process.exitCode = 1;
}

await main();
