import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, schema } from "@frontline/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { burstFiling } from "./filings.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

const IN_FLIGHT = 200;
let dataDir = "";
let server: ServerProcess | null = null;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "frontline-shutdown-"));
});
afterEach(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Pending {
  /** Resolves once the server has read the headers (it answered 100 Continue). */
  readonly received: Promise<void>;
  /** Sends the rest of the body; resolves with the final answer. */
  finish(): Promise<{ status: number; body: string }>;
}

/**
 * A customer's filing, held open halfway: the headers go out with
 * `Expect: 100-continue`, so the server's "go on" proves it is handling the
 * request; the body follows only when `finish` is called. Each request
 * comes from its own client address (through a trusted proxy), so the
 * per-client filing limit does not refuse the burst.
 */
function holdFiling(origin: string, index: number): Pending {
  const body = JSON.stringify(burstFiling(index));
  const url = new URL("/api/v1/requests", origin);
  const sent = httpRequest(url, {
    method: "POST",
    agent: false,
    headers: {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(body),
      Expect: "100-continue",
      "X-Forwarded-For": `127.0.${Math.floor(index / 250)}.${(index % 250) + 1}`,
    },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    sent.once("response", resolve);
    sent.once("error", reject);
  });
  // A cut request fails before anyone awaits it; that is reported by finish().
  answered.catch(() => {});
  const received = new Promise<void>((resolve) => sent.once("continue", resolve));
  return {
    received,
    async finish() {
      sent.end(body);
      const response = await answered;
      let text = "";
      for await (const chunk of response) text += chunk;
      return { status: response.statusCode ?? 0, body: text };
    },
  };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

describe("stopping the server", () => {
  it(`lets all ${IN_FLIGHT} requests in flight at SIGTERM finish with their real answer, then exits 0`, async () => {
    const databasePath = join(dataDir, "shutdown.db");
    const running = await startServerProcess({ DATABASE_URL: databasePath, TRUST_PROXY: "true" });
    server = running;
    const port = Number(new URL(running.url).port);
    const burst = Array.from({ length: IN_FLIGHT }, (_, i) => holdFiling(running.url, i));
    await Promise.all(burst.map((filing) => filing.received));

    running.child.kill("SIGTERM");
    await expect.poll(() => running.output(), { timeout: 30_000 }).toContain("SIGTERM: finishing");
    expect(await refusesConnections(port)).toBe(true);

    const answers = await Promise.all(burst.map((filing) => filing.finish()));
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const numbers = new Set(answers.map((a) => (JSON.parse(a.body) as { number: string }).number));
    expect(numbers.size).toBe(IN_FLIGHT);
    expect(await running.exited).toBe(0);

    const database = openDatabase(databasePath);
    try {
      expect(await database.db.$count(schema.requests)).toBe(IN_FLIGHT);
    } finally {
      database.close();
    }
  });

  it("cuts requests still open when the grace period ends, and still exits 0", async () => {
    server = await startServerProcess({
      DATABASE_URL: join(dataDir, "grace.db"),
      SHUTDOWN_GRACE_SECONDS: "1",
    });
    const stalled = holdFiling(server.url, 0);
    await stalled.received;
    server.child.kill("SIGTERM");
    // The body never comes; the server must not wait for it forever.
    expect(await server.exited).toBe(0);
    await expect(stalled.finish()).rejects.toThrow();
  });
});
