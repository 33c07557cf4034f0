/**
 * A request's timeline: entries written inside a caller's transaction or on
 * their own (with their email and audit entry), read oldest first, and the
 * first-response clock a partner's first public answer stops.
 */
import {
  type Actor,
  defaultVisibility,
  type EventVisibility,
  type RequestEventType,
} from "@frontline/core";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { claimUploads } from "./attachments.ts";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, one, type Tx, tablesOf, withTransaction } from "./client.ts";
import { enqueueMail, type NewMail } from "./outbox.ts";
import type { requestEvents } from "./schema/index.ts";
import { refreshSla } from "./sla.ts";

export type RequestEventRow = typeof requestEvents.$inferSelect;

export interface NewEvent {
  readonly requestId: number;
  readonly type: RequestEventType;
  readonly actor: Actor;
  readonly at: Date;
  readonly body?: string | null;
  readonly data?: Record<string, unknown> | null;
  readonly visibility?: EventVisibility;
  /** Uploads the entry carries, by their token hashes; claimed in the same transaction. */
  readonly attachments?: readonly string[];
}

/** Writes one timeline entry inside the caller's transaction. */
export async function insertEvent(tx: Tx, event: NewEvent): Promise<RequestEventRow> {
  const { requestEvents } = tablesOf(tx);
  const row = await one(
    tx
      .insert(requestEvents)
      .values({
        requestId: event.requestId,
        type: event.type,
        actor: event.actor,
        visibility: event.visibility ?? defaultVisibility(event.type),
        body: event.body ?? null,
        data: event.data ?? null,
        createdAt: event.at,
      })
      .returning(),
  );
  await claimUploads(
    tx,
    { requestId: event.requestId, eventId: row.id, at: event.at },
    event.attachments ?? [],
  );
  return row;
}

/**
 * Adds one entry to a request's timeline (and its email, if any) and marks
 * the request changed; a partner's public answer also stops the
 * first-response clock, in the same transaction.
 */
export async function appendEvent(
  db: Db,
  event: NewEvent,
  mail?: NewMail,
  options: { audit?: AuditFor<RequestEventRow>; answersCustomer?: boolean } = {},
): Promise<RequestEventRow> {
  const { requests } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const row = await insertEvent(tx, event);
    await tx
      .update(requests)
      .set({ updatedAt: event.at, version: sql`${requests.version} + 1` })
      .where(eq(requests.id, event.requestId));
    if (mail) await enqueueMail(tx, event.requestId, mail, event.at);
    if (options.answersCustomer) await stopFirstResponseClock(tx, event.requestId, event.at);
    await insertAudit(tx, options.audit, row);
    return row;
  });
}

/** The timeline, oldest first; only public events unless asked otherwise. */
export async function listEvents(
  db: Db,
  requestId: number,
  options: { includeInternal: boolean } = { includeInternal: false },
): Promise<RequestEventRow[]> {
  const { requestEvents } = tablesOf(db);
  const forRequest = eq(requestEvents.requestId, requestId);
  return db
    .select()
    .from(requestEvents)
    .where(
      options.includeInternal
        ? forRequest
        : and(forRequest, eq(requestEvents.visibility, "public")),
    )
    .orderBy(asc(requestEvents.id));
}

/** Stops the first-response clock; only the first public answer counts. */
export async function markFirstResponse(db: Db, requestId: number, at: Date): Promise<void> {
  await withTransaction(db, async (tx) => stopFirstResponseClock(tx, requestId, at));
}

export async function stopFirstResponseClock(tx: Tx, requestId: number, at: Date): Promise<void> {
  const { requests } = tablesOf(tx);
  const marked = await tx
    .update(requests)
    .set({ firstResponseAt: at })
    .where(and(eq(requests.id, requestId), isNull(requests.firstResponseAt)))
    .returning({ id: requests.id });
  // The resolution clock takes over from the first-response clock.
  if (marked.length > 0) await refreshSla(tx, requestId);
}
