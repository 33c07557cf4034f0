import { formatRequestNumber, type SupportRequestInput } from "@frontline/core";
import { eq, lt, sql } from "drizzle-orm";
import { type Db, first, one, type Tx, tablesOf, withTransaction } from "./client.ts";
import { enqueueMail, type NewMail } from "./outbox.ts";
import { insertEvent } from "./request-timeline.ts";
import type { requests } from "./schema/index.ts";
import { refreshSla } from "./sla.ts";

/**
 * Filing a request: its number, its first timeline entry and its
 * confirmation email in one transaction, at most once per Idempotency-Key.
 * The timeline is in request-timeline.ts, status moves in request-status.ts.
 */

export type RequestRow = typeof requests.$inferSelect;

/** The same Idempotency-Key was sent before with a different body. */
export class IdempotencyConflictError extends Error {}

/** Someone changed the request since it was read; the change was not made. */
export class StaleRequestError extends Error {}

export interface NewRequest {
  readonly input: SupportRequestInput;
  readonly trackingTokenHash: string;
  readonly now: Date;
  readonly customerId?: number | null;
  /** Uploads sent with the request, by their token hashes. */
  readonly attachments?: readonly string[];
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
        timeZone: input.timeZone ?? null,
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
    attachments: request.attachments ?? [],
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
