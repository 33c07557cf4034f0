/**
 * What a sign-in flood does to everyone else: the help center's home page
 * is fetched over and over on loopback, first on a quiet server (the
 * baseline), then while 40 clients post sign-in forms as fast as they are
 * answered (each from its own address, through a trusted proxy, as a
 * botnet would). Reports p50/p99 of the page in both phases, the ratio, and
 * how the flood was answered. Real server process, real scrypt (64 MiB).
 *
 *   npm exec -- tsx bench/sign-in-flood.ts [--seconds 10] [--flood 40]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServerProcess } from "../tests/e2e/server-process.ts";
import { quantile } from "./stats.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    flood: { type: "string", default: "40" },
  },
});
const phaseMs = Number(args.seconds) * 1000;

const percentile = (values: number[], p: number) => quantile(values, p / 100);

/** Fetches the page one request after the other until the phase ends; ms per answer. */
async function pageTimes(url: string, until: number): Promise<number[]> {
  const times: number[] = [];
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function floodWorker(
  origin: string,
  index: number,
  until: number,
  statuses: Map<number, number>,
) {
  const address = `127.1.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  while (performance.now() < until) {
    const form = await fetch(`${origin}/admin/sign-in`, {
      headers: { "X-Forwarded-For": address },
    });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const answer = await fetch(`${origin}/admin/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": address,
        Cookie: cookie,
      },
      body: new URLSearchParams({
        _csrf: csrf,
        email: `admin${index}@frontline.local`,
        password: `guess ${Math.random()}`,
        next: "",
      }),
    });
    await answer.arrayBuffer();
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "frontline-bench-flood-"));
const server = await startServerProcess({
  DATABASE_URL: join(dataDir, "bench.db"),
  TRUST_PROXY: "true",
});
try {
  const page = `${server.url}/en/`;
  await pageTimes(page, performance.now() + 1000); // warm up
  const quiet = await pageTimes(page, performance.now() + phaseMs);
  const statuses = new Map<number, number>();
  const until = performance.now() + phaseMs;
  const flood = Array.from({ length: Number(args.flood) }, (_, i) =>
    floodWorker(server.url, i, until, statuses),
  );
  const busy = await pageTimes(page, until);
  await Promise.all(flood);
  const line = (name: string, t: number[]) =>
    `  ${name.padEnd(26)} ${t.length} answers, p50 ${percentile(t, 50).toFixed(1)} ms, p99 ${percentile(t, 99).toFixed(1)} ms`;
  console.log(
    `/en/ while ${args.flood} clients flood the sign-in form, ${args.seconds} s per phase:`,
  );
  console.log(line("quiet (baseline)", quiet));
  console.log(line("during the flood", busy));
  console.log(
    `  ratio flood/quiet: p99 ${(percentile(busy, 99) / percentile(quiet, 99)).toFixed(2)}`,
  );
  console.log(`  sign-in answers: ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(", ")}`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
