import type { IncidentStage, IncidentView } from "@frontline/core";
import { and, desc, eq, isNull, notInArray, sql } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, one, type Tx, tablesOf, withTransaction } from "./client.ts";
import { type IncidentSubscription, subscribersOf } from "./incident-subscriptions.ts";
import { enqueueMail, type NewMail } from "./outbox.ts";
import { applyStatusChange, type StatusChange } from "./request-status.ts";
import type { RequestRow } from "./requests.ts";
import type { incidentUpdates } from "./schema/index.ts";

export type NewIncident = Omit<IncidentView, "id" | "updatedAt" | "resolvedAt">;
export type IncidentUpdate = typeof incidentUpdates.$inferSelect;

/**
 * The mail an update sends to the service's subscribers, one per
 * subscriber in their language; decided by the caller (it knows the
 * words and signs the links), written in the update's own transaction.
 */
export type IncidentNotice = (
  incident: IncidentView,
  update: IncidentUpdate,
  subscribers: readonly IncidentSubscription[],
) => readonly NewMail[];

/** Adds one entry to an incident's timeline, and queues the subscribers' mail about it. */
async function appendUpdate(
  tx: Tx,
  incident: IncidentView,
  update: { stage: IncidentStage; message: IncidentView["message"] },
  now: Date,
  notice: IncidentNotice | undefined,
): Promise<IncidentUpdate> {
  const { incidentUpdates } = tablesOf(tx);
  const written = await one(
    tx
      .insert(incidentUpdates)
      .values({ incidentId: incident.id, ...update, createdAt: now })
      .returning(),
  );
  if (notice) {
    // One after another: the inserts share the transaction's connection.
    for (const mail of notice(incident, written, await subscribersOf(tx, incident.service))) {
      await enqueueMail(tx, null, mail, now);
    }
  }
  return written;
}

const stageOf = (status: string): IncidentStage =>
  (["investigating", "identified", "monitoring", "resolved"] as const).find((s) => s === status) ??
  "investigating";

export async function createIncident(
  db: Db,
  incident: NewIncident,
  now: Date,
  audit?: AuditFor<IncidentView>,
  notice?: IncidentNotice,
): Promise<IncidentView> {
  const { serviceIncidents } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const created = await one(
      tx
        .insert(serviceIncidents)
        .values({ ...incident, updatedAt: now, resolvedAt: null })
        .returning(),
    );
    await appendUpdate(
      tx,
      created,
      { stage: stageOf(created.status), message: created.message },
      now,
      notice,
    );
    await insertAudit(tx, audit, created);
    return created;
  });
}

/** Incidents still going on, most recent first. */
export async function listActiveIncidents(db: Db): Promise<IncidentView[]> {
  const { serviceIncidents } = tablesOf(db);
  return db
    .select()
    .from(serviceIncidents)
    .where(isNull(serviceIncidents.resolvedAt))
    .orderBy(desc(serviceIncidents.startedAt));
}

export async function getIncident(db: Db, id: number): Promise<IncidentView | null> {
  const { serviceIncidents } = tablesOf(db);
  return (
    (await first(db.select().from(serviceIncidents).where(eq(serviceIncidents.id, id)).limit(1))) ??
    null
  );
}

export interface IncidentChange {
  readonly status?: string;
  readonly impact?: IncidentView["impact"];
  readonly message?: IncidentView["message"];
}

/**
 * Updates an incident's status, impact or text; merges message
 * translations. A new stage or message is an entry on the timeline, with
 * the languages written this time only (older translations would be stale
 * there); a change of impact alone is not.
 */
export async function updateIncident(
  db: Db,
  id: number,
  change: IncidentChange,
  now: Date,
  audit?: AuditFor<IncidentView>,
  notice?: IncidentNotice,
): Promise<IncidentView | null> {
  const { serviceIncidents } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const current = await incidentIn(tx, id);
    if (!current) return null;
    const updated = await first(
      tx
        .update(serviceIncidents)
        .set({
          ...(change.status ? { status: change.status } : {}),
          ...(change.impact ? { impact: change.impact } : {}),
          ...(change.message ? { message: { ...current.message, ...change.message } } : {}),
          updatedAt: now,
        })
        .where(eq(serviceIncidents.id, id))
        .returning(),
    );
    if (!updated) return null;
    if (change.message || (change.status && change.status !== current.status)) {
      await appendUpdate(
        tx,
        updated,
        { stage: stageOf(updated.status), message: change.message ?? {} },
        now,
        notice,
      );
    }
    await insertAudit(tx, audit, updated);
    return updated;
  });
}

const incidentIn = (tx: Tx, id: number) => {
  const { serviceIncidents } = tablesOf(tx);
  return first(tx.select().from(serviceIncidents).where(eq(serviceIncidents.id, id)).limit(1));
};

/** The requests an incident's resolution moves, and how: decided by the caller's rules. */
export type IncidentClosing = (
  incident: IncidentView,
  openRequests: readonly RequestRow[],
) => readonly { readonly change: StatusChange; readonly mail?: NewMail }[];

export interface ResolvedIncident {
  readonly incident: IncidentView;
  /** The linked requests the resolution moved. */
  readonly moved: readonly RequestRow[];
}

/**
 * Resolves an incident and moves its linked open requests as `closing`
 * says, with their timeline entries, emails and the audit entry, in one
 * transaction: a crash or a refused move leaves everything as it was, never
 * an incident resolved with half its requests still open. Null when the
 * incident does not exist or is already resolved.
 */
export async function resolveIncident(
  db: Db,
  id: number,
  now: Date,
  message?: IncidentView["message"],
  closing: IncidentClosing = () => [],
  audit?: AuditFor<ResolvedIncident>,
  notice?: IncidentNotice,
): Promise<ResolvedIncident | null> {
  const { serviceIncidents, requests } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const current = await incidentIn(tx, id);
    if (!current || current.resolvedAt) return null;
    const incident = await first(
      tx
        .update(serviceIncidents)
        .set({
          status: "resolved",
          resolvedAt: now,
          updatedAt: now,
          ...(message ? { message: { ...current.message, ...message } } : {}),
        })
        .where(eq(serviceIncidents.id, id))
        .returning(),
    );
    if (!incident) return null;
    await appendUpdate(tx, incident, { stage: "resolved", message: message ?? {} }, now, notice);
    const open = await tx
      .select()
      .from(requests)
      .where(and(eq(requests.incidentId, id), notInArray(requests.status, ["resolved", "closed"])));
    // One after another: the moves share the transaction's connection.
    const moved: RequestRow[] = [];
    for (const { change, mail } of closing(incident, open)) {
      moved.push(await applyStatusChange(tx, change, mail));
    }
    const result = { incident, moved };
    await insertAudit(tx, audit, result);
    return result;
  });
}

/** Every incident, active first then newest. */
export async function listIncidents(db: Db, limit = 200): Promise<IncidentView[]> {
  const { serviceIncidents } = tablesOf(db);
  return db
    .select()
    .from(serviceIncidents)
    .orderBy(sql`${serviceIncidents.resolvedAt} is not null`, desc(serviceIncidents.startedAt))
    .limit(limit);
}

/** Requests filed about an incident that are still being worked on. */
export async function openRequestsOfIncident(db: Db, incidentId: number) {
  const { requests } = tablesOf(db);
  return db
    .select()
    .from(requests)
    .where(
      and(eq(requests.incidentId, incidentId), notInArray(requests.status, ["resolved", "closed"])),
    );
}
