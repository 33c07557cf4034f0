import { isDeepStrictEqual } from "node:util";
import {
  defaultPartnerPolicy,
  defaultSlaSettings,
  type SlaPolicy,
  type SlaSettings,
  type Status,
  type StatusChange,
  slaSchedule,
} from "@frontline/core";
import type Database from "better-sqlite3";
import { and, asc, eq, inArray, isNotNull, notInArray } from "drizzle-orm";
import {
  type Db,
  dialectOf,
  first,
  type Queries,
  type Tx,
  tablesOf,
  withRawConnection,
  withTransaction,
} from "./client.ts";
import type { RequestRow } from "./requests.ts";

interface StoredPolicy {
  readonly policy: SlaPolicy;
  readonly settings: SlaSettings;
}

/** The policy the stored due instants follow; the default until a server applied its own. */
async function storedPolicy(db: Queries): Promise<StoredPolicy> {
  const { slaPolicy } = tablesOf(db);
  const row = await first(db.select().from(slaPolicy).where(eq(slaPolicy.id, 1)).limit(1));
  if (!row) return { policy: defaultPartnerPolicy, settings: defaultSlaSettings };
  return { policy: row.policy, settings: { atRiskFraction: row.atRiskFraction } };
}

type SlaFields = Pick<RequestRow, "id" | "severity" | "status" | "createdAt" | "firstResponseAt">;

function scheduleOf(
  request: SlaFields,
  history: readonly StatusChange[],
  { policy, settings }: StoredPolicy,
) {
  return slaSchedule(
    {
      severity: request.severity,
      status: request.status,
      createdAt: request.createdAt,
      firstResponseAt: request.firstResponseAt,
      statusHistory: history,
    },
    policy,
    settings,
  );
}

function toChange(row: { at: Date; data: Record<string, unknown> | null }): StatusChange | null {
  const to = row.data?.to;
  return typeof to === "string" ? { status: to as Status, at: row.at } : null;
}

/**
 * Recomputes one request's stored SLA schedule from its history. Call it in
 * the transaction that changed its status, severity or first response, so
 * the queue never shows a due time the request no longer has.
 */
export async function refreshSla(tx: Tx, requestId: number): Promise<RequestRow | undefined> {
  const { requests, requestEvents } = tablesOf(tx);
  const request = await first(
    tx.select().from(requests).where(eq(requests.id, requestId)).limit(1),
  );
  if (!request) return undefined;
  const events = await tx
    .select({ at: requestEvents.createdAt, data: requestEvents.data })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.type, "status-change")))
    .orderBy(asc(requestEvents.id));
  const history = events.flatMap((row) => toChange(row) ?? []);
  const schedule = scheduleOf(request, history, await storedPolicy(tx));
  return first(
    tx
      .update(requests)
      .set({ slaDueAt: schedule.dueAt, slaRiskAt: schedule.riskAt })
      .where(eq(requests.id, requestId))
      .returning(),
  );
}

/**
 * Recomputes the schedule of every request that is not finished, reading all
 * histories in one pass; for a changed policy and after bulk loads. Works on
 * the raw connection, so it runs inside whatever transaction is open on it.
 */
export function refreshAllSla(client: Database.Database): number {
  const stored = storedPolicyRaw(client);
  const active = client
    .prepare(
      `SELECT id, severity, status, created_at AS createdAt, first_response_at AS firstResponseAt
       FROM requests WHERE status NOT IN ('resolved', 'closed')`,
    )
    .all() as {
    id: number;
    severity: RequestRow["severity"];
    status: Status;
    createdAt: number;
    firstResponseAt: number | null;
  }[];
  const histories = new Map<number, StatusChange[]>();
  const rows = client
    .prepare(
      `SELECT e.request_id AS requestId, e.created_at AS at, e.data AS data
       FROM request_events e JOIN requests r ON r.id = e.request_id
       WHERE e.type = 'status-change' AND r.status NOT IN ('resolved', 'closed')
       ORDER BY e.request_id, e.id`,
    )
    .iterate() as IterableIterator<{ requestId: number; at: number; data: string | null }>;
  for (const row of rows) {
    const change = toChange({ at: new Date(row.at), data: row.data ? JSON.parse(row.data) : null });
    if (!change) continue;
    const list = histories.get(row.requestId) ?? [];
    list.push(change);
    histories.set(row.requestId, list);
  }
  const update = client.prepare("UPDATE requests SET sla_due_at = ?, sla_risk_at = ? WHERE id = ?");
  for (const r of active) {
    const request = {
      ...r,
      createdAt: new Date(r.createdAt),
      firstResponseAt: r.firstResponseAt === null ? null : new Date(r.firstResponseAt),
    };
    const schedule = scheduleOf(request, histories.get(r.id) ?? [], stored);
    update.run(schedule.dueAt?.getTime() ?? null, schedule.riskAt?.getTime() ?? null, r.id);
  }
  // Finished requests have nothing due, whatever was stored before.
  client
    .prepare(
      "UPDATE requests SET sla_due_at = NULL, sla_risk_at = NULL WHERE status IN ('resolved', 'closed') AND sla_due_at IS NOT NULL",
    )
    .run();
  return active.length;
}

function storedPolicyRaw(client: Database.Database): StoredPolicy {
  const row = client
    .prepare("SELECT policy, at_risk_fraction AS atRiskFraction FROM sla_policy WHERE id = 1")
    .get() as { policy: string; atRiskFraction: number } | undefined;
  if (!row) return { policy: defaultPartnerPolicy, settings: defaultSlaSettings };
  return { policy: JSON.parse(row.policy), settings: { atRiskFraction: row.atRiskFraction } };
}

/**
 * Makes the configured policy the one stored due instants follow. A server
 * calls it at start-up; when the policy differs from the stored one, every
 * request's schedule is recomputed in the same transaction. Returns whether
 * anything changed.
 */
export async function applySlaPolicy(
  db: Db,
  policy: SlaPolicy,
  now: Date,
  settings: SlaSettings = defaultSlaSettings,
): Promise<boolean> {
  const { slaPolicy } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const row = await first(tx.select().from(slaPolicy).where(eq(slaPolicy.id, 1)).limit(1));
    const same =
      row !== undefined &&
      // Compared as values: PostgreSQL's jsonb gives the keys back in its own order.
      isDeepStrictEqual(row.policy, policy) &&
      row.atRiskFraction === settings.atRiskFraction;
    if (same) return false;
    const values = { policy, atRiskFraction: settings.atRiskFraction, updatedAt: now };
    await tx
      .insert(slaPolicy)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: slaPolicy.id, set: values });
    if (dialectOf(tx) === "postgres") await refreshAllSlaWithQueries(tx);
    else await withRawConnection(tx, refreshAllSla);
    return true;
  });
}

/**
 * refreshAllSla in drizzle's words, for PostgreSQL: the same two reads and
 * one update per unfinished request, inside the caller's transaction.
 */
async function refreshAllSlaWithQueries(tx: Tx): Promise<void> {
  const { requests, requestEvents } = tablesOf(tx);
  const stored = await storedPolicy(tx);
  const unfinished = notInArray(requests.status, ["resolved", "closed"]);
  const active = await tx.select().from(requests).where(unfinished);
  const events = await tx
    .select({
      requestId: requestEvents.requestId,
      at: requestEvents.createdAt,
      data: requestEvents.data,
    })
    .from(requestEvents)
    .innerJoin(requests, eq(requests.id, requestEvents.requestId))
    .where(and(eq(requestEvents.type, "status-change"), unfinished))
    .orderBy(asc(requestEvents.requestId), asc(requestEvents.id));
  const histories = new Map<number, StatusChange[]>();
  for (const event of events) {
    const change = toChange(event);
    if (change) histories.set(event.requestId, [...(histories.get(event.requestId) ?? []), change]);
  }
  for (const request of active) {
    const schedule = scheduleOf(request, histories.get(request.id) ?? [], stored);
    await tx
      .update(requests)
      .set({ slaDueAt: schedule.dueAt, slaRiskAt: schedule.riskAt })
      .where(eq(requests.id, request.id));
  }
  // Finished requests have nothing due, whatever was stored before.
  await tx
    .update(requests)
    .set({ slaDueAt: null, slaRiskAt: null })
    .where(and(inArray(requests.status, ["resolved", "closed"]), isNotNull(requests.slaDueAt)));
}
