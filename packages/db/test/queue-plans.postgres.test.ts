import { categoryIds, defaultServices, type Status, searchTerms } from "@frontline/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countQueueByStatus,
  type Db,
  listQueue,
  type OpenDatabase,
  openDatabase,
  type QueueFilters,
} from "../src/index.ts";
import { asPostgres } from "../src/postgres/transactions.ts";
import { type TestDatabase, tempDatabase } from "./temp-db.ts";

/**
 * The queue's reads on PostgreSQL use an index at a size where reading the
 * whole table would show: 20,000 requests, nine in ten of them finished,
 * as a desk that has run for a while holds them. Each statement the queue
 * sends is captured and EXPLAINed; no plan may scan requests or their
 * search rows from end to end.
 */
const REQUESTS = 20_000;
const now = new Date("2026-11-21T10:00:00Z");
const open: Status[] = ["new", "open", "waiting-on-customer", "escalated"];

let database: TestDatabase;
let logged: OpenDatabase;
let statements: { query: string; params: unknown[] }[] = [];

beforeAll(async () => {
  database = await tempDatabase();
  await fill(database.db);
  logged = openDatabase(database.url, {
    poolSize: 1,
    logQuery: (query, params) => statements.push({ query, params }),
  });
}, 120_000);
afterAll(async () => {
  await logged?.close();
  await database?.cleanup();
});

async function fill(db: Db) {
  const services = defaultServices.map((s) => `'${s.id}'`).join(",");
  const categories = categoryIds.map((c) => `'${c}'`).join(",");
  await asPostgres(db).execute(
    sql.raw(`INSERT INTO requests (number, locale, category, service, severity, status, subject,
      description, organisation, contact_name, contact_email, tracking_token_hash, created_at,
      updated_at, sla_due_at)
    SELECT 'SR-2026-' || lpad(i::text, 6, '0'),
      (ARRAY['en','de','it','zh-cn'])[1 + i % 4],
      (ARRAY[${categories}])[1 + i % ${categoryIds.length}],
      (ARRAY[${services}])[1 + i % ${defaultServices.length}],
      (ARRAY['A','B','C'])[1 + i % 3],
      CASE WHEN i % 10 = 0 THEN (ARRAY['new','open','waiting-on-customer','escalated'])[1 + i / 10 % 4]
           ELSE (ARRAY['resolved','closed'])[1 + i % 2] END,
      'Mailbox ' || i || ' cannot sync', 'Outlook shows error ' || (i % 500) || ' on start',
      'org' || (i % 300) || '.example', 'Contact ' || i, 'c' || i || '@org.example', md5(i::text),
      timestamptz '2026-01-01' + i * interval '20 minutes',
      timestamptz '2026-01-01' + i * interval '21 minutes',
      CASE WHEN i % 10 = 0 THEN timestamptz '2026-11-21' + (i % 97) * interval '1 hour' END
    FROM generate_series(1, ${REQUESTS}) AS i`),
  );
  await asPostgres(db).execute(sql`VACUUM ANALYZE`);
}

/** The plans of every statement `read` sends, each as the nodes' types and tables. */
async function plansOf(read: (db: Db) => Promise<unknown>) {
  statements = [];
  await read(logged.db);
  const plans: { query: string; scans: string[] }[] = [];
  for (const { query, params } of statements) {
    const [head = "", ...rest] = query.split(/\$\d+/);
    const explained = await asPostgres(database.db).execute<{ "QUERY PLAN": unknown }>(
      sql.join([
        sql.raw(`EXPLAIN (FORMAT JSON) ${head}`),
        ...rest.map((piece, i) => sql`${params[i]}${sql.raw(piece)}`),
      ]),
    );
    plans.push({ query, scans: fullScans(explained.rows[0]?.["QUERY PLAN"]) });
  }
  return plans;
}

/**
 * Relations a plan reads from end to end: scanned whole, or walked in some
 * index's order while each row's document is tested against the search
 * (the GIN index unused), which reads as many rows as a scan.
 */
function fullScans(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(fullScans);
  if (!node || typeof node !== "object") return [];
  const plan = node as Record<string, unknown>;
  const relation = plan["Relation Name"];
  const testsEveryDocument = typeof plan.Filter === "string" && plan.Filter.includes("@@");
  const here =
    typeof relation === "string" && (plan["Node Type"] === "Seq Scan" || testsEveryDocument)
      ? [relation]
      : [];
  return [...here, ...fullScans(plan.Plan), ...fullScans(plan.Plans)];
}

const page = { sort: "sla", order: "asc", limit: 25, now } as const;

const queues: [
  string,
  QueueFilters,
  Partial<typeof page> & { after?: { key: number; id: number } },
][] = [
  ["the default queue, by SLA", { statuses: open }, {}],
  [
    "the second page, by filing time",
    { statuses: open },
    { sort: "created" as never, after: { key: Date.parse("2026-06-01"), id: 10_000 } },
  ],
  ["a severity", { statuses: open, severities: ["A"] }, {}],
  ["a category and a service", { categories: [categoryIds[0]], services: ["mail"] }, {}],
  ["a customer", { customer: 1 }, {}],
  ["an assignee", { assignee: 1 }, {}],
  ["an incident", { incidentId: 1 }, {}],
  ["a word", { search: searchTerms("mailbox 1234") }, {}],
  ["a reference number", { number: "SR-2026-001234" }, {}],
];

describe("the queue on PostgreSQL", () => {
  it.each(queues)(
    "reads %s through an index, its counts per status too",
    async (_, filters, options) => {
      const plans = await plansOf(async (db) => {
        await listQueue(db, filters, { ...page, ...options });
        await countQueueByStatus(db, filters, now);
      });
      expect(plans.length).toBeGreaterThan(0);
      expect(
        plans.filter((p) => p.scans.some((t) => t === "requests" || t === "request_search")),
      ).toEqual([]);
    },
  );
});
