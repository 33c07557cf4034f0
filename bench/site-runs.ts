/**
 * One run of the help-center benchmark at one size: the corpus, a private
 * copy of the app, its build step by step, the built site's figures, and
 * (after every build, so the browser takes nothing from them) the searches
 * in Chromium.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { locales } from "@frontline/core";
import type { Browser } from "playwright-core";
import { diagnose, runStep, type StepResult, tail } from "./build-steps.ts";
import {
  type AstroPageTimes,
  astroPageTimes,
  type DistMetrics,
  measureDist,
} from "./built-site.ts";
import { type GeneratedCorpus, generateArticles, markerWords } from "./generate-articles.ts";
import { benchDir, binDir, repoRoot } from "./paths.ts";
import { mainThreadWork, measureSearches, type SearchMeasurement } from "./search-transfer.ts";
import { serveStatic } from "./static-server.ts";
import { quantile, round } from "./stats.ts";

export const appDir = join(repoRoot, "apps", "help-center");
export const workRoot = join(benchDir, ".work");
/** What the benchmark copies of the app: everything the build reads. */
const appEntries = [
  "src",
  "public",
  "astro.config.mjs",
  "tsconfig.json",
  "package.json",
  "scripts",
];
export const expectedBuildScript =
  "tsx scripts/check-content.ts && astro build && pagefind --site dist && tsx scripts/precompress.ts dist";
/** The build steps, as the app's build script runs them. */
export const stepNames = ["check", "astro", "pagefind", "precompress"] as const;

export interface MarkerCheck {
  readonly locale: string;
  readonly word: string;
  readonly expected: number;
  readonly found: number | null;
  readonly pagefindBytes: number;
}

export interface RunResult {
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

export function prepareSite(n: number): { siteDir: string; contentDir: string } {
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

export async function build(
  n: number,
  site: { siteDir: string; contentDir: string },
  seed: number,
): Promise<RunResult> {
  const { siteDir, contentDir } = site;
  console.log(`\n== N=${n} (${n * locales.length} articles): build`);
  const generated = generateArticles({ n, dir: contentDir, seed });
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
export async function measureInBrowser(
  run: RunResult,
  site: { siteDir: string },
  browser: Browser,
  words: { first: string; second: string },
): Promise<RunResult> {
  if (!run.ok) return run;
  console.log(`\n== N=${run.articlesPerLocale}: searches in Chromium`);
  const distDir = join(site.siteDir, "dist");
  const server = await serveStatic(distDir);
  try {
    const searches = await measureSearches(browser, server, distDir, {
      locale: "en",
      first: words.first,
      second: words.second,
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
      const ms = await mainThreadWork(browser, server, "en", words.first);
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
