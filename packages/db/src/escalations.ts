import type { EscalationPacket, EscalationStatus, Status } from "@frontline/core";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, one, type Tx, tablesOf, withTransaction } from "./client.ts";
import type { NewMail } from "./outbox.ts";
import { changeStatus } from "./request-status.ts";
import { insertEvent } from "./request-timeline.ts";
import { type RequestRow, StaleRequestError } from "./requests.ts";
import type { escalations } from "./schema/index.ts";

export type EscalationRow = typeof escalations.$inferSelect;

export interface NewEscalation {
  readonly request: RequestRow;
  readonly packet: EscalationPacket;
  readonly byId: number;
  readonly byRole: "agent" | "admin";
  readonly at: Date;
}

/**
 * Hands a request to the operator: the request moves to "escalated" (the
 * customer sees it), the packet is stored as its own record and noted on
 * the timeline for the partner, all in one transaction.
 */
export async function createEscalation(
  db: Db,
  escalation: NewEscalation,
  mail: NewMail,
  audit?: AuditFor<EscalationRow>,
): Promise<EscalationRow> {
  const { escalations } = tablesOf(db);
  let created: EscalationRow | undefined;
  await changeStatus(
    db,
    {
      requestId: escalation.request.id,
      from: escalation.request.status,
      to: "escalated",
      actor: escalation.byRole,
      at: escalation.at,
    },
    mail,
    async (tx) => {
      created = await one(
        tx
          .insert(escalations)
          .values({
            requestId: escalation.request.id,
            packet: escalation.packet,
            submittedBy: escalation.byId,
            submittedAt: escalation.at,
            updatedAt: escalation.at,
          })
          .returning(),
      );
      await insertEvent(tx, {
        requestId: escalation.request.id,
        type: "escalation",
        actor: escalation.byRole,
        at: escalation.at,
        visibility: "internal",
        body: escalation.packet.description,
        data: { escalationId: created.id, stepsTried: escalation.packet.stepsTried },
      });
      await insertAudit(tx, audit, created);
    },
  );
  if (!created) throw new Error("escalation was not stored");
  return created;
}

/** One escalation with the request it is about. */
export async function getEscalation(
  db: Db,
  id: number,
): Promise<{ escalation: EscalationRow; request: RequestRow } | null> {
  const { escalations, requests } = tablesOf(db);
  const row = await first(
    db
      .select({ escalation: escalations, request: requests })
      .from(escalations)
      .innerJoin(requests, eq(escalations.requestId, requests.id))
      .where(eq(escalations.id, id))
      .limit(1),
  );
  return row ?? null;
}

export async function escalationsOfRequest(db: Db, requestId: number): Promise<EscalationRow[]> {
  const { escalations } = tablesOf(db);
  return db
    .select()
    .from(escalations)
    .where(eq(escalations.requestId, requestId))
    .orderBy(desc(escalations.id));
}

/** Escalations with their request's headline, newest first, optionally by status. */
export async function listEscalations(db: Db, statuses?: readonly EscalationStatus[]) {
  const { escalations, requests } = tablesOf(db);
  return db
    .select({
      escalation: escalations,
      number: requests.number,
      subject: requests.subject,
      organisation: requests.organisation,
      service: requests.service,
      severity: requests.severity,
    })
    .from(escalations)
    .innerJoin(requests, eq(escalations.requestId, requests.id))
    .where(statuses?.length ? inArray(escalations.status, [...statuses]) : undefined)
    .orderBy(desc(escalations.submittedAt), desc(escalations.id))
    .limit(5_000);
}

export interface OperatorUpdate {
  readonly escalation: EscalationRow;
  /** The version the operator saw; a stale update is refused. */
  readonly version: number;
  readonly status?: EscalationStatus;
  readonly operatorReference?: string;
  readonly message?: string;
  readonly actorRole: "operator" | "admin";
  readonly at: Date;
  /** When the update moves the request too (returned or resolved), and its email. */
  readonly requestMove?: { request: RequestRow; to: Status; mail?: NewMail };
}

/**
 * Records the operator's update: the escalation's status and reference, a
 * partner-only timeline entry, and, where it ends the escalation, the
 * request's own move; one transaction, refused if someone updated first.
 */
export async function updateEscalation(
  db: Db,
  update: OperatorUpdate,
  audit?: AuditFor<EscalationRow>,
): Promise<EscalationRow> {
  const { escalations } = tablesOf(db);
  const apply = async (tx: Tx): Promise<EscalationRow> => {
    const finished = update.status === "resolved" || update.status === "returned-to-partner";
    const row = await first(
      tx
        .update(escalations)
        .set({
          ...(update.status ? { status: update.status } : {}),
          ...(update.operatorReference !== undefined
            ? { operatorReference: update.operatorReference }
            : {}),
          ...(update.status === "acknowledged" ? { acknowledgedAt: update.at } : {}),
          ...(finished ? { finishedAt: update.at } : {}),
          updatedAt: update.at,
          version: sql`${escalations.version} + 1`,
        })
        .where(
          and(eq(escalations.id, update.escalation.id), eq(escalations.version, update.version)),
        )
        .returning(),
    );
    if (!row)
      throw new StaleRequestError("The escalation changed meanwhile; reload it and try again");
    await insertEvent(tx, {
      requestId: update.escalation.requestId,
      type: "operator-update",
      actor: update.actorRole === "operator" ? "operator" : "admin",
      at: update.at,
      visibility: "internal",
      body: update.message ?? null,
      data: { escalationId: row.id, status: row.status, operatorReference: row.operatorReference },
    });
    await insertAudit(tx, audit, row);
    return row;
  };
  const move = update.requestMove;
  if (!move) return withTransaction(db, apply);
  let result: EscalationRow | undefined;
  await changeStatus(
    db,
    {
      requestId: move.request.id,
      from: move.request.status,
      to: move.to,
      actor: update.actorRole,
      at: update.at,
    },
    move.mail,
    async (tx) => {
      result = await apply(tx);
    },
  );
  if (!result) throw new Error("escalation update was not stored");
  return result;
}
