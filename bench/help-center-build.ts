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
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { printTable, type Row, table } from "./build-report.ts";
import { gnuTime } from "./build-steps.ts";
import { markerWords } from "./generate-articles.ts";
import { benchDir, repoRoot } from "./paths.ts";
import { launchChromium } from "./search-transfer.ts";
import {
  appDir,
  build,
  expectedBuildScript,
  measureInBrowser,
  prepareSite,
  type RunResult,
  workRoot,
} from "./site-runs.ts";

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

type Site = ReturnType<typeof prepareSite>;

function git(...gitArgs: string[]): string {
  const result = spawnSync("git", gitArgs, { cwd: repoRoot, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : "";
}

/** The two sizes, once they are known to make sense and GNU time is there. */
function checkedSizes(): { n: number; baselineN: number } {
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
  return { n, baselineN };
}

/** Both builds, then (unless skipped) both sites' searches in one Chromium. */
async function runBoth(n: number, baselineN: number, baseSite: Site, targetSite: Site) {
  let base = await build(baselineN, baseSite, Number(args.seed));
  let target = baselineN === n ? base : await build(n, targetSite, Number(args.seed));

  let chromiumVersion: string | null = null;
  if (!args["skip-browser"] && (base.ok || target.ok)) {
    const browser = await launchChromium();
    chromiumVersion = browser.version();
    const words = { first: args.first, second: args.second };
    try {
      base = await measureInBrowser(base, baseSite, browser, words);
      target = baselineN === n ? base : await measureInBrowser(target, targetSite, browser, words);
    } finally {
      await browser.close();
    }
  }
  return { base, target, chromiumVersion };
}

/** bench/results/help-center-<date>.json: the options, the machine, the table and both runs. */
function writeResults(
  runs: { base: RunResult; target: RunResult; chromiumVersion: string | null },
  sizes: { n: number; baselineN: number },
  source: { commit: string; dirtyFiles: number },
  figures: { rows: Row[]; ratios: Record<string, number | null> },
): void {
  const { base, target, chromiumVersion } = runs;
  const { n, baselineN } = sizes;
  const { commit, dirtyFiles } = source;
  const { rows, ratios } = figures;
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
}

/** The work folders go unless --keep; the folder above them too once it is empty. */
function removeWork(sites: readonly Site[]): void {
  if (args.keep) {
    console.log(`Work folders kept under ${relative(repoRoot, workRoot)}/`);
  } else {
    for (const site of sites) {
      rmSync(site.siteDir, { recursive: true, force: true });
      rmSync(site.contentDir, { recursive: true, force: true });
    }
    if (existsSync(workRoot) && readdirSync(workRoot).length === 0)
      rmSync(workRoot, { recursive: true });
  }
}

async function main() {
  const { n, baselineN } = checkedSizes();

  // Snapshot the app for both runs first, so both build the same code even
  // while someone edits apps/help-center.
  mkdirSync(workRoot, { recursive: true });
  const baseSite = prepareSite(baselineN);
  const targetSite = baselineN === n ? baseSite : prepareSite(n);
  const commit = git("rev-parse", "--short", "HEAD");
  const dirtyFiles = git("status", "--porcelain", "--", "apps/help-center", "packages/core")
    .split("\n")
    .filter(Boolean).length;

  const runs = await runBoth(n, baselineN, baseSite, targetSite);
  const { base, target } = runs;

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

  writeResults(runs, { n, baselineN }, { commit, dirtyFiles }, { rows, ratios });
  removeWork([baseSite, targetSite]);
  if (!base.ok || !target.ok) process.exitCode = 1;
}

await main();
