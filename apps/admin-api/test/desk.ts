import { randomBytes } from "node:crypto";
import type { SupportRequestInput } from "@frontline/core";
import { changeStatus, createRequest, getRequestByNumber, type RequestRow } from "@frontline/db";
import type { AppConfig } from "../src/platform/deps.ts";
import { defaultRateLimits } from "../src/platform/deps.ts";
import { staffWithToken } from "./staff.ts";
import { fixedClock, readJson, type TestApp, testApp, validRequest } from "./test-app.ts";

type Clock = ReturnType<typeof fixedClock>;

/** Requests put straight into storage and moved there, as the form and the desk would. */
function storage(db: TestApp["db"], clock: Clock) {
  /** Files a request straight into storage at `at` (default: now), as the form would. */
  async function file(
    fields: Partial<SupportRequestInput> = {},
    options: { at?: string; customerId?: number | null } = {},
  ): Promise<RequestRow> {
    const input = {
      ...validRequest,
      suggestedArticles: [],
      openedArticles: [],
      ...fields,
    } as SupportRequestInput;
    return createRequest(db, {
      input,
      trackingTokenHash: randomBytes(32).toString("hex"),
      now: options.at ? new Date(options.at) : clock.now(),
      customerId: options.customerId ?? null,
    });
  }

  /** Moves a request through the lifecycle as staff, at the clock's time. */
  async function move(row: RequestRow, to: RequestRow["status"]) {
    const current = (await getRequestByNumber(db, row.number)) ?? row;
    return changeStatus(db, {
      requestId: current.id,
      from: current.status,
      to,
      actor: "agent",
      at: clock.now(),
    });
  }

  return { file, move };
}

/** Calls to the desk API, as the agent unless other headers are given. */
function deskApi(test: TestApp, agentHeaders: Record<string, string>) {
  const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    test.app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  /** GET as the agent (or someone else), answering the JSON body. */
  const get = async (path: string, headers = agentHeaders) =>
    readJson(await send("GET", path, headers));

  /** The queue as the agent sees it for these query parameters. */
  const queue = (query = "", headers = agentHeaders) => get(`/api/v1/queue${query}`, headers);

  const detail = (number: string, headers = agentHeaders) =>
    get(`/api/v1/desk/requests/${number}`, headers);

  /** Posts an action with the version the caller read (current unless given). */
  async function act(
    number: string,
    action: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = agentHeaders,
  ) {
    const version = body.version ?? (await getRequestByNumber(test.db, number))?.version;
    return send("POST", `/api/v1/desk/requests/${number}/${action}`, headers, {
      ...body,
      version,
    });
  }

  return { send, get, queue, detail, act };
}

/**
 * A desk to test against: the real app on a real SQLite file, a fixed
 * clock, and an admin, two agents and an operator with API tokens.
 */
export async function deskTest(overrides: Partial<AppConfig> = {}) {
  const clock = fixedClock("2026-11-21T09:30:00Z");
  const test = await testApp(
    {
      rateLimits: {
        ...defaultRateLimits,
        submit: { limit: 10_000, windowMs: 60_000 },
        public: { limit: 10_000, windowMs: 60_000 },
      },
      ...overrides,
    },
    clock,
  );
  const admin = await staffWithToken(test.db, "admin");
  const agent = await staffWithToken(test.db, "agent");
  const otherAgent = await staffWithToken(test.db, "agent", "second.agent@partner.example");
  const operator = await staffWithToken(test.db, "operator");
  return {
    ...test,
    clock,
    admin,
    agent,
    otherAgent,
    operator,
    ...storage(test.db, clock),
    ...deskApi(test, agent.headers),
  };
}

export type DeskTest = Awaited<ReturnType<typeof deskTest>>;

/** The numbers of a queue page, in order. */
// biome-ignore lint/suspicious/noExplicitAny: queue pages are JSON read in tests
export const numbers = (page: any): string[] => page.items.map((i: { number: string }) => i.number);
