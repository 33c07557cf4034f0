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
import { launchChromium, measureSearches, type SearchMeasurement } from "./search-transfer.ts";
import { serveStatic } from "./static-server.ts";

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
const expectedBuildScript = "tsx scripts/check-content.ts && astro build && pagefind --site dist";

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

function walk(dir: string, visit: (path: string, size: number) => void) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else if (entry.isFile()) visit(path, statSync(path).size);
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
      if (info.wasm && name === `wasm.${info.wasm}.pagefind`) return code;
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
  readonly ok: boolean;
  readonly failure?: { step: string; reason: string; logTail: string };
  readonly steps: StepResult[];
  readonly buildSeconds: number;
  readonly peakRssMb: number;
  readonly dist?: DistMetrics;
  readonly searches?: SearchMeasurement[];
  readonly markerChecks?: MarkerCheck[];
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

async function buildAndMeasure(
  n: number,
  site: { siteDir: string; contentDir: string },
  browser: Browser | null,
): Promise<RunResult> {
  const { siteDir, contentDir } = site;
  const label = `N=${n} (${n * locales.length} articles)`;
  console.log(`\n== ${label}`);
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
  ];
  const steps: StepResult[] = [];
  for (const [name, bin, binArgs] of plan) {
    process.stdout.write(`  ${name.padEnd(8)} … `);
    const step = await runStep(name, bin, binArgs, siteDir, env, logDir);
    steps.push(step);
    console.log(`${step.seconds.toFixed(2)} s, peak ${step.peakRssMb} MB`);
    if (step.exitCode !== 0 || step.signal) {
      const reason = diagnose(step);
      console.log(`  FAILED: ${reason}\n  log: ${step.log}\n${tail(step.log)}`);
      return {
        articlesPerLocale: n,
        corpus,
        ok: false,
        failure: { step: name, reason, logTail: tail(step.log) },
        steps,
        buildSeconds: steps.reduce((t, s) => t + s.seconds, 0),
        peakRssMb: Math.max(...steps.map((s) => s.peakRssMb)),
      };
    }
  }
  const buildSeconds = Math.round(steps.reduce((t, s) => t + s.seconds, 0) * 100) / 100;
  const peakRssMb = Math.max(...steps.map((s) => s.peakRssMb));
  const dist = measureDist(join(siteDir, "dist"), join(logDir, "pagefind.log"));
  console.log(
    `  built ${dist.pages} pages in ${buildSeconds} s; index ${dist.indexBytes} bytes ` +
      `(${dist.indexedPages} pages indexed)`,
  );

  let searches: SearchMeasurement[] | undefined;
  let markerChecks: MarkerCheck[] | undefined;
  if (browser) {
    const distDir = join(siteDir, "dist");
    const server = await serveStatic(distDir);
    try {
      searches = await measureSearches(browser, server, distDir, {
        locale: "en",
        first: args.first,
        second: args.second,
      });
      for (const s of searches) {
        console.log(
          `  search "${s.query}" (${s.how}): ${s.results} results, ${s.allBytes} bytes, ` +
            `${s.pagefindBytes} from /pagefind/ in ${s.pagefindFiles.length} files`,
        );
      }
      // Does each language's index find its marker word in exactly the marked articles?
      markerChecks = [];
      for (const locale of locales) {
        const [m] = await measureSearches(browser, server, distDir, {
          locale,
          first: markerWords[locale],
        });
        markerChecks.push({
          locale,
          word: markerWords[locale],
          expected: markerSlugs.length,
          found: m?.results ?? null,
          pagefindBytes: m?.pagefindBytes ?? 0,
        });
      }
      console.log(
        `  marker words found: ${markerChecks
          .map((c) => `${c.locale} ${c.found}/${c.expected}`)
          .join(", ")}`,
      );
    } finally {
      await server.close();
    }
  }
  return {
    articlesPerLocale: n,
    corpus,
    ok: true,
    steps,
    buildSeconds,
    peakRssMb,
    dist,
    searches,
    markerChecks,
  };
}

// ---------------------------------------------------------------------------
// Report

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
  const msPerPage = (r: RunResult) => {
    const p = pages(r);
    return r.ok && p ? (r.buildSeconds * 1000) / p : null;
  };
  const pagesPerSecond = (r: RunResult) => {
    const p = pages(r);
    return r.ok && p ? p / r.buildSeconds : null;
  };
  const astroMsPerPage = (r: RunResult) => {
    const s = step(r, "astro");
    const p = pages(r);
    return s && p ? (s.seconds * 1000) / p : null;
  };
  const indexPerPage = (r: RunResult) =>
    r.dist ? r.dist.indexDataBytes / r.dist.indexedPages : null;
  const search = (r: RunResult, i: number) => r.searches?.[i];

  const ratios: Record<string, number | null> = {
    timePerPage: ratio(msPerPage(target), msPerPage(base)),
    astroTimePerPage: ratio(astroMsPerPage(target), astroMsPerPage(base)),
    peakMemory: ratio(target.peakRssMb, base.peakRssMb),
    indexBytesPerPage: ratio(indexPerPage(target), indexPerPage(base)),
    firstSearchPagefindBytes: ratio(
      search(target, 0)?.pagefindBytes,
      search(base, 0)?.pagefindBytes,
    ),
    secondSearchPagefindBytes: ratio(
      search(target, 1)?.pagefindBytes,
      search(base, 1)?.pagefindBytes,
    ),
    firstSearchAllBytes: ratio(search(target, 0)?.allBytes, search(base, 0)?.allBytes),
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

  add("articles (N × 4 languages)", (r) => r.articlesPerLocale * locales.length);
  add("pages built (index.html)", pages);
  for (const name of ["check", "astro", "pagefind"]) {
    add(
      `  ${name} wall s`,
      (r) => step(r, name)?.seconds,
      (n) => fmt(n),
    );
  }
  add(
    "build wall s (total)",
    (r) => (r.ok ? r.buildSeconds : null),
    (n) => fmt(n),
  );
  add("pages per second", pagesPerSecond, (n) => fmt(n, 1));
  add("ms per page (total)  ← time/page ratio", msPerPage, (n) => fmt(n, 1), ratios.timePerPage);
  add("ms per page (astro build)", astroMsPerPage, (n) => fmt(n, 1), ratios.astroTimePerPage);
  for (const name of ["check", "astro", "pagefind"]) {
    add(`  ${name} peak RSS MB`, (r) => step(r, name)?.peakRssMb);
  }
  add("peak RSS MB (max of steps)  ← memory ratio", (r) => r.peakRssMb, fmtInt, ratios.peakMemory);
  add("index size bytes (dist/pagefind)", (r) => r.dist?.indexBytes);
  add("index data bytes (meta+index+fragment+filter)", (r) => r.dist?.indexDataBytes);
  add("pages indexed", (r) => r.dist?.indexedPages);
  add("index data bytes per page  ← index ratio", indexPerPage, fmtInt, ratios.indexBytesPerPage);
  for (const locale of locales) {
    add(`  ${locale} index bytes`, (r) => r.dist?.languages[locale]?.bytes);
  }
  add("1st search: /pagefind/ bytes  ← search ratio", (r) => search(r, 0)?.pagefindBytes);
  add("1st search: all bytes (incl. page)", (r) => search(r, 0)?.allBytes);
  add("1st search: pf_meta bytes", (r) => search(r, 0)?.pagefindByKind.meta?.bytes);
  add(
    "1st search: index chunks / fragments",
    (r) => {
      const k = search(r, 0)?.pagefindByKind;
      return k ? (k.index?.files ?? 0) * 1000 + (k.fragment?.files ?? 0) : null;
    },
    (n) => (n === null || n === undefined ? "–" : `${Math.floor(n / 1000)} / ${n % 1000}`),
    null,
  );
  add("1st search: results", (r) => search(r, 0)?.results);
  add("2nd search: /pagefind/ bytes  ← search ratio", (r) => search(r, 1)?.pagefindBytes);
  add(
    "2nd search: index chunks / fragments",
    (r) => {
      const k = search(r, 1)?.pagefindByKind;
      return k ? (k.index?.files ?? 0) * 1000 + (k.fragment?.files ?? 0) : null;
    },
    (n) => (n === null || n === undefined ? "–" : `${Math.floor(n / 1000)} / ${n % 1000}`),
    null,
  );
  add("2nd search: results", (r) => search(r, 1)?.results);
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
  const w = {
    metric: Math.max(...all.map((r) => r.metric.length)),
    baseline: Math.max(...all.map((r) => r.baseline.length)),
    target: Math.max(...all.map((r) => r.target.length)),
    ratio: Math.max(...all.map((r) => r.ratio.length)),
  };
  const line = (r: Row) =>
    `| ${r.metric.padEnd(w.metric)} | ${r.baseline.padStart(w.baseline)} | ${r.target.padStart(w.target)} | ${r.ratio.padStart(w.ratio)} |`;
  console.log(line(head));
  console.log(
    `|${"-".repeat(w.metric + 2)}|${"-".repeat(w.baseline + 1)}:|${"-".repeat(w.target + 1)}:|${"-".repeat(w.ratio + 1)}:|`,
  );
  for (const r of rows) console.log(line(r));
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

  const browser = args["skip-browser"] ? null : await launchChromium();
  const chromiumVersion = browser?.version() ?? null;
  let base: RunResult;
  let target: RunResult;
  try {
    base = await buildAndMeasure(baselineN, baseSite, browser);
    target = baselineN === n ? base : await buildAndMeasure(n, targetSite, browser);
  } finally {
    await browser?.close();
  }

  const { rows, ratios } = table(base, target);
  console.log("");
  printTable(rows, base, target);
  console.log(
    "\nRatios: time per page and index bytes per page near 1.0 mean linear growth; " +
      "below 1.0 the fixed costs are being spread, above 1.0 the cost per page grows with size.",
  );
  for (const r of [base, target]) {
    if (!r.ok)
      console.log(`\nN=${r.articlesPerLocale} FAILED in ${r.failure?.step}: ${r.failure?.reason}`);
  }

  const date = new Date().toISOString().slice(0, 10);
  const resultsDir = join(benchDir, "results");
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `help-center-${date}.json`);
  const stripRun = (r: RunResult) => ({
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
    baseline: stripRun(base),
    target: stripRun(target),
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
