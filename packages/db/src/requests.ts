import {
  type Actor,
  defaultVisibility,
  type EventVisibility,
  formatRequestNumber,
  type RequestEventType,
  type Status,
  type SupportRequestInput,
} from "@frontline/core";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, one, type Tx, tablesOf, withTransaction } from "./client.ts";
import { enqueueMail, type NewMail } from "./outbox.ts";
import type { requestEvents, requests } from "./schema/index.ts";
import { refreshSla } from "./sla.ts";

export type RequestRow = typeof requests.$inferSelect;
export type RequestEventRow = typeof requestEvents.$inferSelect;

/** The same Idempotency-Key was sent before with a different body. */
export class IdempotencyConflictError extends Error {}

/** Someone changed the request since it was read; the change was not made. */
export class StaleRequestError extends Error {}

export interface NewRequest {
  readonly input: SupportRequestInput;
  readonly trackingTokenHash: string;
  readonly now: Date;
  readonly customerId?: number | null;
  /** The confirmation email, composed once the number is known. */
  readonly mail?: (row: RequestRow) => NewMail;
}

/**
 * Takes the next number of the year and stores the request, its "created"
 * event and its confirmation email; runs inside the caller's transaction,
 * so none exists without the others and no number is handed out twice.
 */
async function insertRequest(tx: Tx, request: NewRequest): Promise<RequestRow> {
  const { requests, requestSequences } = tablesOf(tx);
  const { input, now } = request;
  const year = now.getUTCFullYear();
  const sequence = await one(
    tx
      .insert(requestSequences)
      .values({ year, last: 1 })
      .onConflictDoUpdate({
        target: requestSequences.year,
        set: { last: sql`${requestSequences.last} + 1` },
      })
      .returning({ last: requestSequences.last }),
  );
  const row = await one(
    tx
      .insert(requests)
      .values({
        number: formatRequestNumber(year, sequence.last),
        customerId: request.customerId ?? null,
        locale: input.locale,
        category: input.category,
        service: input.service,
        severity: input.severity,
        subject: input.subject,
        description: input.description,
        organisation: input.organisation,
        contactName: input.name,
        contactEmail: input.email,
        trackingTokenHash: request.trackingTokenHash,
        incidentId: input.incidentId ?? null,
        suggestedArticles: input.suggestedArticles,
        openedArticles: input.openedArticles,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  await insertEvent(tx, {
    requestId: row.id,
    type: "created",
    actor: "customer",
    at: now,
    body: input.description,
  });
  if (request.mail) await enqueueMail(tx, row.id, request.mail(row), now);
  return (await refreshSla(tx, row.id)) ?? row;
}

/** Files a request in one transaction. */
export async function createRequest(db: Db, request: NewRequest): Promise<RequestRow> {
  return withTransaction(db, async (tx) => insertRequest(tx, request));
}

export interface Idempotency {
  readonly key: string;
  /** SHA-256 of the body, so a reused key with another body is caught. */
  readonly bodyHash: string;
  /**
   * The response to keep for replays, made from the stored request. It must
   * hold no secret: it sits in the database for a day.
   */
  readonly response: (row: RequestRow) => { readonly number: string };
  /**
   * The hash of the tracking token this call hands out. On a replay the
   * request's token is replaced by it: the first answer (and its token) may
   * never have arrived, and a stored token would be a secret at rest.
   */
  readonly replayTokenHash: string;
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

export type CreatedOnce =
  | { readonly replayed: false; readonly row: RequestRow; readonly response: unknown }
  | { readonly replayed: true; readonly response: unknown };

/**
 * Files a request at most once per Idempotency-Key: a repeat with the same
 * body gets the first response back; the key and the request are written in
 * the same transaction, so a double submit can never create two.
 */
export async function createRequestOnce(
  db: Db,
  request: NewRequest,
  idempotency: Idempotency,
): Promise<CreatedOnce> {
  const { idempotencyKeys, requests } = tablesOf(db);
  return withTransaction(
    db,
    async (tx) => {
      // Keys are kept for a day: long enough for any retry, short enough not to pile up.
      const expired = new Date(request.now.getTime() - IDEMPOTENCY_TTL_MS);
      await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, expired));
      const earlier = await first(
        tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, idempotency.key)).limit(1),
      );
      if (earlier && earlier.bodyHash !== idempotency.bodyHash) {
        throw new IdempotencyConflictError(
          "This Idempotency-Key was used with a different request",
        );
      }
      if (earlier) {
        const stored = earlier.responseBody as { number: string };
        await tx
          .update(requests)
          .set({ trackingTokenHash: idempotency.replayTokenHash })
          .where(eq(requests.number, stored.number));
        return { replayed: true, response: stored };
      }
      const row = await insertRequest(tx, request);
      const response = idempotency.response(row);
      await tx.insert(idempotencyKeys).values({
        key: idempotency.key,
        bodyHash: idempotency.bodyHash,
        responseStatus: 201,
        responseBody: response,
        createdAt: request.now,
      });
      return { replayed: false, row, response };
    },
    { serializable: true },
  );
}

export async function getRequestByNumber(db: Db, number: string): Promise<RequestRow | null> {
  const { requests } = tablesOf(db);
  const row = await first(db.select().from(requests).where(eq(requests.number, number)).limit(1));
  return row ?? null;
}

export interface NewEvent {
  readonly requestId: number;
  readonly type: RequestEventType;
  readonly actor: Actor;
  readonly at: Date;
  readonly body?: string | null;
  readonly data?: Record<string, unknown> | null;
  readonly visibility?: EventVisibility;
}

/** Writes one timeline entry inside the caller's transaction. */
export async function insertEvent(tx: Tx, event: NewEvent): Promise<RequestEventRow> {
  const { requestEvents } = tablesOf(tx);
  return one(
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

export interface StatusChange {
  readonly requestId: number;
  /** The status the caller saw; the change is refused if it moved meanwhile. */
  readonly from: Status;
  readonly to: Status;
  readonly actor: Actor;
  readonly at: Date;
  /** A message that goes with the change, e.g. the customer's reply. */
  readonly message?: { type: RequestEventType; body: string };
  /** The version the caller saw; when given, any change since then refuses the move. */
  readonly expectedVersion?: number;
  /** Who moved it, for the audit log (customers' own moves are on the timeline only). */
  readonly audit?: AuditFor<RequestRow>;
}

/**
 * Moves a request to a new status, recording the move (and any message
 * that caused it) on the timeline, with an email, all in one transaction.
 * The caller checks the lifecycle with core first; this refuses stale moves.
 */
export async function changeStatus(
  db: Db,
  change: StatusChange,
  mail?: NewMail,
  /** More writes that must succeed or fail with the move (an escalation record, say). */
  alongside?: (tx: Tx, updated: RequestRow) => Promise<void>,
): Promise<RequestRow> {
  return withTransaction(db, async (tx) => applyStatusChange(tx, change, mail, alongside));
}

/** changeStatus inside a transaction the caller holds, for moves that belong to a larger change. */
export async function applyStatusChange(
  tx: Tx,
  change: StatusChange,
  mail?: NewMail,
  alongside?: (tx: Tx, updated: RequestRow) => Promise<void>,
): Promise<RequestRow> {
  const { requests } = tablesOf(tx);
  if (change.message) {
    await insertEvent(tx, {
      requestId: change.requestId,
      type: change.message.type,
      actor: change.actor,
      at: change.at,
      body: change.message.body,
    });
  }
  await insertEvent(tx, {
    requestId: change.requestId,
    type: "status-change",
    actor: change.actor,
    at: change.at,
    data: { from: change.from, to: change.to },
    visibility: "public",
  });
  const updated = await first(
    tx
      .update(requests)
      .set({
        status: change.to,
        updatedAt: change.at,
        version: sql`${requests.version} + 1`,
        ...(change.to === "resolved" ? { resolvedAt: change.at } : {}),
      })
      .where(
        and(
          eq(requests.id, change.requestId),
          eq(requests.status, change.from),
          change.expectedVersion === undefined
            ? undefined
            : eq(requests.version, change.expectedVersion),
        ),
      )
      .returning(),
  );
  if (!updated)
    throw new StaleRequestError("The request changed meanwhile; reload it and try again");
  if (mail) await enqueueMail(tx, change.requestId, mail, change.at);
  await alongside?.(tx, updated);
  await insertAudit(tx, change.audit, updated);
  return (await refreshSla(tx, change.requestId)) ?? updated;
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

async function stopFirstResponseClock(tx: Tx, requestId: number, at: Date): Promise<void> {
  const { requests } = tablesOf(tx);
  const marked = await tx
    .update(requests)
    .set({ firstResponseAt: at })
    .where(and(eq(requests.id, requestId), isNull(requests.firstResponseAt)))
    .returning({ id: requests.id });
  // The resolution clock takes over from the first-response clock.
  if (marked.length > 0) await refreshSla(tx, requestId);
}
