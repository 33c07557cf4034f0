import {
  type Actor,
  defaultVisibility,
  type EventVisibility,
  formatRequestNumber,
  type RequestEventType,
  type SupportRequestInput,
} from "@frontline/core";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { requestEvents, requestSequences, requests } from "./schema/index.ts";

export type RequestRow = typeof requests.$inferSelect;
export type RequestEventRow = typeof requestEvents.$inferSelect;

export interface NewRequest {
  readonly input: SupportRequestInput;
  readonly trackingTokenHash: string;
  readonly now: Date;
  readonly customerId?: number | null;
}

/**
 * Files a request: takes the next number of the year, stores the request and
 * its "created" event in one transaction, so no request exists without its
 * timeline and no number is handed out twice.
 */
export async function createRequest(db: Db, request: NewRequest): Promise<RequestRow> {
  const { input, now } = request;
  return db.transaction((tx) => {
    const year = now.getUTCFullYear();
    const sequence = tx
      .insert(requestSequences)
      .values({ year, last: 1 })
      .onConflictDoUpdate({
        target: requestSequences.year,
        set: { last: sql`${requestSequences.last} + 1` },
      })
      .returning({ last: requestSequences.last })
      .get();
    const row = tx
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
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    tx.insert(requestEvents)
      .values({
        requestId: row.id,
        type: "created",
        actor: "customer",
        visibility: "public",
        body: input.description,
        createdAt: now,
      })
      .run();
    return row;
  });
}

export async function getRequestByNumber(db: Db, number: string): Promise<RequestRow | null> {
  const row = db.select().from(requests).where(eq(requests.number, number)).get();
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

/** Adds one entry to a request's timeline and marks the request as changed. */
export async function appendEvent(db: Db, event: NewEvent): Promise<RequestEventRow> {
  return db.transaction((tx) => {
    const row = tx
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
      .returning()
      .get();
    tx.update(requests)
      .set({ updatedAt: event.at, version: sql`${requests.version} + 1` })
      .where(eq(requests.id, event.requestId))
      .run();
    return row;
  });
}

/** The timeline, oldest first; only public events unless asked otherwise. */
export async function listEvents(
  db: Db,
  requestId: number,
  options: { includeInternal: boolean } = { includeInternal: false },
): Promise<RequestEventRow[]> {
  const forRequest = eq(requestEvents.requestId, requestId);
  return db
    .select()
    .from(requestEvents)
    .where(
      options.includeInternal
        ? forRequest
        : and(forRequest, eq(requestEvents.visibility, "public")),
    )
    .orderBy(asc(requestEvents.id))
    .all();
}
