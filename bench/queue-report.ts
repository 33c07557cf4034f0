/**
 * What the queue benchmark (queue.ts) measured at one size, and the table
 * that puts the baseline and the target side by side with their ratio.
 */

export interface Timing {
  readonly median: number;
  readonly p95: number;
}

export interface Measured {
  readonly label: string;
  readonly path: string;
  readonly timing: Timing;
  /** What the page held, to show the query did real work. */
  readonly items: number;
  /** Requests matching the query, summed over statuses; null for HTML pages. */
  readonly matching: number | null;
}

export interface SizeResult {
  readonly requests: number;
  readonly seedSeconds: number;
  readonly databaseMB: number;
  readonly rows: Measured[];
  readonly http: Timing;
  readonly words: { common: string; rare: string };
}

const ms = (value: number) => value.toFixed(2);

export function table(baseline: SizeResult, target: SizeResult): string {
  const header = [
    "query",
    `${baseline.requests.toLocaleString("en")}: median ms`,
    "p95 ms",
    `${target.requests.toLocaleString("en")}: median ms`,
    "p95 ms",
    "ratio (median)",
    "matching",
  ];
  const lines = target.rows.map((row, i) => {
    const base = baseline.rows[i] as Measured;
    return [
      row.label.replace(target.words.rare, `${target.words.rare} / ${baseline.words.rare}`),
      ms(base.timing.median),
      ms(base.timing.p95),
      ms(row.timing.median),
      ms(row.timing.p95),
      (row.timing.median / base.timing.median).toFixed(2),
      row.matching === null || base.matching === null
        ? ""
        : `${row.matching.toLocaleString("en")} / ${base.matching.toLocaleString("en")}`,
    ];
  });
  lines.push([
    "default page over HTTP (loopback)",
    ms(baseline.http.median),
    ms(baseline.http.p95),
    ms(target.http.median),
    ms(target.http.p95),
    (target.http.median / baseline.http.median).toFixed(2),
    "",
  ]);
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
