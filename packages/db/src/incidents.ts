import type { IncidentView } from "@frontline/core";
import { and, desc, eq, isNull, notInArray, sql } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, one, type Tx, tablesOf, withTransaction } from "./client.ts";
import type { NewMail } from "./outbox.ts";
import { applyStatusChange, type StatusChange } from "./request-status.ts";
import type { RequestRow } from "./requests.ts";

export type NewIncident = Omit<IncidentView, "id" | "updatedAt" | "resolvedAt">;

export async function createIncident(
  db: Db,
  incident: NewIncident,
  now: Date,
  audit?: AuditFor<IncidentView>,
): Promise<IncidentView> {
  const { serviceIncidents } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const created = await one(
      tx
        .insert(serviceIncidents)
        .values({ ...incident, updatedAt: now, resolvedAt: null })
        .returning(),
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

/** Updates an incident's status, impact or text; merges message translations. */
export async function updateIncident(
  db: Db,
  id: number,
  change: IncidentChange,
  now: Date,
  audit?: AuditFor<IncidentView>,
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
    if (updated) await insertAudit(tx, audit, updated);
    return updated ?? null;
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
