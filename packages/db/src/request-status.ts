/**
 * Status moves: the move and any message that caused it on the timeline,
 * the customer's email and the audit entry, in one transaction that a
 * stale move (the status or version changed meanwhile) rolls back.
 */
import type { Actor, RequestEventType, Status } from "@frontline/core";
import { and, eq, sql } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, type Tx, tablesOf, withTransaction } from "./client.ts";
import { enqueueMail, type NewMail } from "./outbox.ts";
import { insertEvent, stopFirstResponseClock } from "./request-timeline.ts";
import { type RequestRow, StaleRequestError } from "./requests.ts";
import { refreshSla } from "./sla.ts";

export interface StatusChange {
  readonly requestId: number;
  /** The status the caller saw; the change is refused if it moved meanwhile. */
  readonly from: Status;
  readonly to: Status;
  readonly actor: Actor;
  readonly at: Date;
  /** A message that goes with the change, e.g. the customer's reply. */
  readonly message?: { type: RequestEventType; body: string; attachments?: readonly string[] };
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
      attachments: change.message.attachments ?? [],
    });
    // Staff's public words stop the first-response clock, whatever move they came with.
    if (change.message.type === "reply" && change.actor !== "customer") {
      await stopFirstResponseClock(tx, change.requestId, change.at);
    }
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
