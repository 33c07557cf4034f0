import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ReceivedMail, startSmtpServer } from "@frontline/admin-api/test-smtp";
import { openDatabase, schema } from "@frontline/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { burstFiling } from "./filings.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

const BURST = 2_000;
/** Acknowledgements the client has read when the server is killed. */
const KILL_AFTER = 400;

let dataDir = "";
const running: ServerProcess[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "frontline-crash-"));
});
afterEach(async () => {
  await Promise.allSettled(running.splice(0).map((server) => server.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  running.push(server);
  return server;
}

/** Filing number `index`: each from its own address (through the trusted proxy), each with its own key. */
function filing(index: number) {
  return {
    headers: {
      "Content-Type": "application/json",
      "Idempotency-Key": `crash-burst-${index.toString().padStart(4, "0")}`,
      "X-Forwarded-For": `10.${index >> 16}.${(index >> 8) & 255}.${index & 255}`,
    },
    body: burstFiling(index, `customer-${index}@contoso.example`),
  };
}

interface Filed {
  readonly number: string;
  readonly trackingToken: string;
}

async function file(origin: string, index: number): Promise<{ status: number; filed?: Filed }> {
  const { headers, body } = filing(index);
  const response = await fetch(`${origin}/api/v1/requests`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Filed;
  return { status: response.status, filed: response.status === 201 ? answer : undefined };
}

/** Runs `task` for 0…count-1, at most `width` at a time; results in index order. */
async function inParallel<T>(
  count: number,
  width: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

async function countRequests(databaseUrl: string): Promise<number> {
  const database = openDatabase(databaseUrl);
  try {
    return await database.db.$count(schema.requests);
  } finally {
    database.close();
  }
}

describe("a crash (SIGKILL) of the server", () => {
  it(`loses no request acknowledged with 201 during a burst of ${BURST} concurrent filings, and duplicates none`, async () => {
    const databaseUrl = join(dataDir, "crash.db");
    const env = { DATABASE_URL: databaseUrl, TRUST_PROXY: "true" };
    const first = await start(env);
    const acknowledged = new Map<number, Filed>();
    let cut = 0;
    await Promise.all(
      Array.from({ length: BURST }, async (_, index) => {
        try {
          const { status, filed } = await file(first.url, index);
          if (status !== 201 || !filed) throw new Error(`filing ${index} answered ${status}`);
          acknowledged.set(index, filed);
          if (acknowledged.size === KILL_AFTER) first.crash();
        } catch (error) {
          // Only the kill may cut a filing; any other answer fails the test.
          if (error instanceof Error && error.message.startsWith("filing")) throw error;
          cut += 1;
        }
      }),
    );
    await first.exited;
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(cut).toBeGreaterThan(0);

    const second = await start(env);
    const found = await countRequests(databaseUrl);
    // Committed but cut before the answer reached the client is allowed; lost is not.
    expect(found).toBeGreaterThanOrEqual(acknowledged.size);
    // Every acknowledged request is there, intact, under its number and token.
    for (const [index, filed] of acknowledged) {
      const tracked = await fetch(`${second.url}/api/v1/requests/${filed.number}`, {
        headers: {
          "X-Tracking-Token": filed.trackingToken,
          "X-Forwarded-For": filing(index).headers["X-Forwarded-For"],
        },
      });
      expect(tracked.status).toBe(200);
      const body = (await tracked.json()) as { subject: string; description: string };
      expect(body.subject).toBe(filing(index).body.subject);
      expect(body.description).toBe(filing(index).body.description);
    }
    // The customers' retries, with the same keys: acknowledged ones get their number back.
    // At a customer's pace, a few dozen at a time: the burst was the crash's job.
    const retried = await inParallel(BURST, 32, (index) => file(second.url, index));
    expect(retried.filter((answer) => answer.status !== 201)).toEqual([]);
    for (const [index, filed] of acknowledged) {
      expect(retried[index]?.filed?.number).toBe(filed.number);
    }
    expect(await second.stop()).toBe(0);
    // Thousands of tracking tokens went through, and a crash: none is in the log.
    const log = first.output() + second.output();
    const tokens = [...acknowledged.values(), ...retried.flatMap((a) => a.filed ?? [])];
    expect(tokens.filter((filed) => log.includes(filed.trackingToken))).toEqual([]);

    const database = openDatabase(databaseUrl);
    try {
      const rows = await database.db.select().from(schema.requests);
      expect(rows).toHaveLength(BURST);
      expect(await database.db.$count(schema.idempotencyKeys)).toBe(BURST);
      expect(new Set(rows.map((row) => row.number)).size).toBe(BURST);
      expect(new Set(rows.map((row) => row.contactEmail)).size).toBe(BURST);
    } finally {
      database.close();
    }
    console.info(
      `crash: ${acknowledged.size} acknowledged before the kill, ${found} found after the restart, ${cut} cut; ${BURST} filed once each after the retries`,
    );
  });
});

describe("the mail outbox after a crash", () => {
  it("sends each mail once: what was delivered is not sent again, what was cut mid-delivery is sent on restart", async () => {
    const databaseUrl = join(dataDir, "outbox.db");
    const received: ReceivedMail[] = [];
    let offered = 0;
    let crashMidDelivery: (() => Promise<void>) | null = null;
    const smtp = await startSmtpServer(0, received, {
      async beforeAccept() {
        offered += 1;
        // The fourth message: the server dies while waiting for the 250.
        if (offered === 4 && crashMidDelivery) {
          await crashMidDelivery();
          return false;
        }
        return true;
      },
    });
    try {
      const env = {
        DATABASE_URL: databaseUrl,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        TRUST_PROXY: "true",
      };
      const first = await start(env);
      crashMidDelivery = async () => {
        first.crash();
        await first.exited;
      };
      const numbers: string[] = [];
      for (let index = 0; index < 6; index++) {
        numbers.push((await file(first.url, index)).filed?.number ?? "");
      }
      await expect.poll(() => offered, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
      await first.exited;
      expect(received).toHaveLength(3);

      crashMidDelivery = null;
      const second = await start(env);
      await expect.poll(() => received.length, { timeout: 30_000 }).toBe(6);
      expect(await second.stop()).toBe(0);

      const subjects = received.map((mail) => mail.subject);
      for (const number of numbers) {
        expect(subjects.filter((subject) => subject.includes(number))).toHaveLength(1);
      }
      expect(new Set(received.map((mail) => mail.messageId)).size).toBe(6);
      const database = openDatabase(databaseUrl);
      try {
        const outbox = await database.db.select().from(schema.mailOutbox);
        expect(outbox.map((mail) => mail.status)).toEqual(Array(6).fill("sent"));
      } finally {
        database.close();
      }
    } finally {
      await smtp.close();
    }
  });
});
