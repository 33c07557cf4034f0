/**
 * How long the API reference at /api/docs takes to become usable (Swagger UI
 * has drawn the operations), with the server's compression against the
 * same page fetched uncompressed, in one run on the same machine. The
 * browser's network is throttled to a common office/mobile link so the
 * bytes on the wire count as they would for a partner away from loopback.
 *
 *   npm exec -- tsx bench/api-docs.ts [--runs 5] [--mbps 10] [--rtt 40]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "../tests/e2e/chromium.ts";
import { startServerProcess } from "../tests/e2e/server-process.ts";
import { quantile } from "./stats.ts";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    mbps: { type: "string", default: "10" },
    rtt: { type: "string", default: "40" },
  },
});
const runs = Number(args.runs);
const bytesPerSecond = (Number(args.mbps) * 1_000_000) / 8;

const median = (values: number[]) => quantile(values, 0.5);

const dataDir = mkdtempSync(join(tmpdir(), "frontline-bench-docs-"));
const server = await startServerProcess({ DATABASE_URL: join(dataDir, "bench.db") });
const browser = await launchChromium();
try {
  const results: Record<string, { ms: number[]; bytes: number[] }> = {};
  for (const mode of ["uncompressed", "compressed"] as const) {
    results[mode] = { ms: [], bytes: [] };
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: Number(args.rtt),
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
      // "Uncompressed" is a browser that asks for no coding: what the server sent before.
      if (mode === "uncompressed") {
        await cdp.send("Network.setExtraHTTPHeaders", {
          headers: { "Accept-Encoding": "identity" },
        });
      }
      let bytes = 0;
      cdp.on("Network.loadingFinished", (event) => {
        bytes += event.encodedDataLength;
      });
      const started = performance.now();
      await page.goto(`${server.url}/api/docs`);
      await page.locator(".opblock").first().waitFor({ timeout: 120_000 });
      results[mode].ms.push(performance.now() - started);
      results[mode].bytes.push(bytes);
      await context.close();
    }
  }
  const plain = results.uncompressed as { ms: number[]; bytes: number[] };
  const packed = results.compressed as { ms: number[]; bytes: number[] };
  console.log(
    `/api/docs until usable, ${args.mbps} Mbit/s, ${args.rtt} ms RTT, median of ${runs}:`,
  );
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(13)} ${Math.round(median(r.ms))} ms, ${Math.round(median(r.bytes) / 1000)} kB on the wire`,
    );
  }
  console.log(
    `  ratio compressed/uncompressed: time ${(median(packed.ms) / median(plain.ms)).toFixed(2)}, bytes ${(median(packed.bytes) / median(plain.bytes)).toFixed(2)}`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
