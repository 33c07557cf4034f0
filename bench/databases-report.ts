/**
 * What the databases benchmark (databases.ts) measured, and the one table
 * that shows SQLite, PostgreSQL and two PostgreSQL instances side by side
 * with the ratios PostgreSQL/SQLite and two instances/one.
 */
import type { LoadFigures, Route } from "./http-load.ts";

export type Setup = "sqlite" | "postgres" | "postgres2";

export const setupLabels: Record<Setup, string> = {
  sqlite: "SQLite",
  postgres: "PG",
  postgres2: "PG×2",
};

export interface RouteResult {
  readonly route: Route;
  /** Requests the query matched (the sum of its counts) on SQLite and on PostgreSQL. */
  readonly matching: { sqlite: number | null; postgres: number | null };
  readonly figures: Partial<Record<Setup, LoadFigures>>;
}

export interface SizeResult {
  readonly requests: number;
  readonly seedSeconds: number;
  readonly copySeconds: number;
  readonly analyzeSeconds: number;
  readonly sqliteMB: number;
  readonly postgresMB: number;
  readonly words: { common: string; rare: string };
  readonly routes: RouteResult[];
}

const fixed = (n: number | undefined, digits: number) =>
  n === undefined || Number.isNaN(n) ? "" : n.toFixed(digits);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 || Number.isNaN(a / b) ? "" : (a / b).toFixed(2);

/** "PG×2: 3×503, 2 errors", for the setups that got anything but 2xx. */
function failures(figures: RouteResult["figures"]): string {
  const parts: string[] = [];
  for (const [setup, f] of Object.entries(figures) as [Setup, LoadFigures][]) {
    const bad = Object.entries(f.non2xx).map(([status, n]) => `${n}×${status}`);
    if (f.errors > 0) bad.push(`${f.errors} errors`);
    // Requests still running when the run ends are not counted: say so rather than "none".
    if (f.requestsPerSecond === 0) bad.push("no answer within the run");
    if (bad.length > 0) parts.push(`${setupLabels[setup]}: ${bad.join(", ")}`);
  }
  return parts.join("; ") || "none";
}

export function table(sizes: readonly SizeResult[]): string {
  const setups: Setup[] = ["sqlite", "postgres", "postgres2"];
  const header = [
    "requests",
    "route",
    ...setups.flatMap((s) => [`${setupLabels[s]} req/s`, "p50 ms", "p99 ms"]),
    "PG/SQLite req/s",
    "PG/SQLite p50",
    "PG×2/PG req/s",
    "matching SQLite / PG",
    "non-2xx, errors",
  ];
  const lines = sizes.flatMap((size) =>
    size.routes.map(({ route, figures, matching }) => [
      size.requests.toLocaleString("en"),
      route.label,
      ...setups.flatMap((s) => [
        fixed(figures[s]?.requestsPerSecond, 0),
        fixed(figures[s]?.p50, 1),
        fixed(figures[s]?.p99, 1),
      ]),
      ratio(figures.postgres?.requestsPerSecond, figures.sqlite?.requestsPerSecond),
      ratio(figures.postgres?.p50, figures.sqlite?.p50),
      ratio(figures.postgres2?.requestsPerSecond, figures.postgres?.requestsPerSecond),
      matching.sqlite === null
        ? ""
        : `${matching.sqlite.toLocaleString("en")} / ${matching.postgres?.toLocaleString("en")}`,
      failures(figures),
    ]),
  );
  const all = [header, ...lines];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const render = (r: string[]) =>
    `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  return [
    render(header),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...lines.map(render),
  ].join("\n");
}

/** One line per size: how long the databases took to make and how big they are. */
export function sizeNotes(sizes: readonly SizeResult[]): string {
  return sizes
    .map(
      (s) =>
        `${s.requests.toLocaleString("en")} requests: seed ${s.seedSeconds.toFixed(1)} s, copy to PostgreSQL ${s.copySeconds.toFixed(1)} s, VACUUM ANALYZE ${s.analyzeSeconds.toFixed(1)} s; SQLite ${s.sqliteMB.toFixed(0)} MB, PostgreSQL ${s.postgresMB.toFixed(0)} MB; words "${s.words.common}" / "${s.words.rare}"`,
    )
    .join("\n");
}
