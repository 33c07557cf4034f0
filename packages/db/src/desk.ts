import type { Actor, CategoryId, SeverityId } from "@frontline/core";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type AuditFor, insertAudit } from "./audit-log.ts";
import { type Db, first, type Tx, tablesOf, withTransaction } from "./client.ts";
import type { NewMail } from "./outbox.ts";
import { changeStatus } from "./request-status.ts";
import { insertEvent } from "./request-timeline.ts";
import { type RequestRow, StaleRequestError } from "./requests.ts";
import type { requests } from "./schema/index.ts";
import { refreshSla } from "./sla.ts";

/** Who acts on the desk, as the timeline names them. */
export interface DeskActor {
  readonly id: number;
  readonly name: string;
  readonly role: Extract<Actor, "agent" | "admin">;
}

/** A change to one request the caller read at `expectedVersion`. */
export interface DeskChange {
  readonly requestId: number;
  readonly expectedVersion: number;
  readonly by: DeskActor;
  readonly at: Date;
  /** Written with the change, made from the updated request. */
  readonly audit?: AuditFor<RequestRow>;
}

export async function getRequestById(db: Db, id: number): Promise<RequestRow | null> {
  const { requests } = tablesOf(db);
  return (await first(db.select().from(requests).where(eq(requests.id, id)).limit(1))) ?? null;
}

/** The requests merged into this one as duplicates. */
export async function listDuplicates(db: Db, requestId: number) {
  const { requests } = tablesOf(db);
  return db
    .select({ number: requests.number, subject: requests.subject })
    .from(requests)
    .where(eq(requests.mergedIntoId, requestId))
    .orderBy(asc(requests.id));
}

/** "Was this helpful?" totals for the articles a customer saw before filing. */
export async function feedbackForArticles(db: Db, articles: readonly string[]) {
  const { articleFeedback } = tablesOf(db);
  if (articles.length === 0) return [];
  return db
    .select({
      article: articleFeedback.article,
      // CASE reads a boolean on PostgreSQL and SQLite's 0/1 alike; PostgreSQL sums to bigint.
      helpful: sql<number>`sum(case when ${articleFeedback.helpful} then 1 else 0 end)`.mapWith(
        Number,
      ),
      notHelpful: sql<number>`sum(case when ${articleFeedback.helpful} then 0 else 1 end)`.mapWith(
        Number,
      ),
    })
    .from(articleFeedback)
    .where(inArray(articleFeedback.article, [...articles]))
    .groupBy(articleFeedback.article);
}

/**
 * Applies `set` to the request only if nobody changed it since the caller
 * read it, bumping its version; refused with StaleRequestError otherwise.
 */
export async function updateIfCurrent(
  tx: Tx,
  change: DeskChange,
  set: Partial<typeof requests.$inferInsert>,
) {
  const { requests } = tablesOf(tx);
  const updated = await first(
    tx
      .update(requests)
      .set({ ...set, updatedAt: change.at, version: sql`${requests.version} + 1` })
      .where(and(eq(requests.id, change.requestId), eq(requests.version, change.expectedVersion)))
      .returning(),
  );
  if (!updated)
    throw new StaleRequestError("The request changed meanwhile; reload it and try again");
  return updated;
}

export const byData = (by: DeskActor) => ({ byId: by.id, byName: by.name });

/** Gives the request to a staff member (or to nobody), on the internal timeline. */
export async function assignRequest(
  db: Db,
  change: DeskChange & {
    readonly from: number | null;
    readonly to: { id: number; name: string } | null;
  },
): Promise<RequestRow> {
  return withTransaction(db, async (tx) => {
    const updated = await updateIfCurrent(tx, change, { assigneeId: change.to?.id ?? null });
    await insertEvent(tx, {
      requestId: change.requestId,
      type: "assignment",
      actor: change.by.role,
      at: change.at,
      visibility: "internal",
      data: {
        from: change.from,
        to: change.to?.id ?? null,
        toName: change.to?.name ?? null,
        ...byData(change.by),
      },
    });
    await insertAudit(tx, change.audit, updated);
    return updated;
  });
}

/**
 * Changes severity and/or category. A new severity changes the SLA targets,
 * so the stored schedule is recomputed in the same transaction.
 */
export async function classifyRequest(
  db: Db,
  change: DeskChange & {
    readonly severity?: SeverityId;
    readonly category?: CategoryId;
    readonly summary: string;
    readonly before: { severity: SeverityId; category: CategoryId };
  },
): Promise<RequestRow> {
  return withTransaction(db, async (tx) => {
    const updated = await updateIfCurrent(tx, change, {
      ...(change.severity ? { severity: change.severity } : {}),
      ...(change.category ? { category: change.category } : {}),
    });
    await insertEvent(tx, {
      requestId: change.requestId,
      type: "internal-note",
      actor: change.by.role,
      at: change.at,
      visibility: "internal",
      // The sentence lives in data, not body: bodies of internal notes are the partner's
      // own words (an escalation lists them as steps tried), and this is a record.
      data: {
        summary: change.summary,
        kind: "classification",
        from: change.before,
        to: { severity: updated.severity, category: updated.category },
        ...byData(change.by),
      },
    });
    await insertAudit(tx, change.audit, updated);
    return (await refreshSla(tx, change.requestId)) ?? updated;
  });
}

/** An internal note: on the partner's timeline, never shown or mailed to the customer. */
export async function addInternalNote(
  db: Db,
  change: DeskChange & { readonly body: string; readonly attachments?: readonly string[] },
) {
  return withTransaction(db, async (tx) => {
    const updated = await updateIfCurrent(tx, change, {});
    await insertEvent(tx, {
      requestId: change.requestId,
      type: "internal-note",
      actor: change.by.role,
      at: change.at,
      visibility: "internal",
      body: change.body,
      data: { kind: "note", ...byData(change.by) },
      attachments: change.attachments ?? [],
    });
    await insertAudit(tx, change.audit, updated);
    return updated;
  });
}

/** Links the request to a known service incident, or unlinks it (null). */
export async function linkIncident(
  db: Db,
  change: DeskChange & {
    readonly from: number | null;
    readonly to: number | null;
    readonly summary: string;
  },
): Promise<RequestRow> {
  return withTransaction(db, async (tx) => {
    const updated = await updateIfCurrent(tx, change, { incidentId: change.to });
    await insertEvent(tx, {
      requestId: change.requestId,
      type: "internal-note",
      actor: change.by.role,
      at: change.at,
      visibility: "internal",
      data: {
        kind: "incident",
        summary: change.summary,
        from: change.from,
        to: change.to,
        ...byData(change.by),
      },
    });
    await insertAudit(tx, change.audit, updated);
    return updated;
  });
}

export interface Merge {
  readonly duplicate: RequestRow;
  readonly expectedVersion: number;
  readonly into: RequestRow;
  readonly by: DeskActor;
  readonly at: Date;
  /** Public, on the duplicate's timeline and in the customer's email. */
  readonly customerMessage: string;
  /** Internal, on the surviving request's timeline. */
  readonly note: string;
  readonly audit?: AuditFor<RequestRow>;
}

/**
 * Closes a duplicate through the lifecycle (with its public message and
 * email) and points it at the request that carries on, which gets a note;
 * all in one transaction, refused if either request moved meanwhile.
 */
export async function mergeRequest(db: Db, merge: Merge, mail: NewMail): Promise<RequestRow> {
  const { requests } = tablesOf(db);
  const { duplicate, into, by, at } = merge;
  return changeStatus(
    db,
    {
      requestId: duplicate.id,
      from: duplicate.status,
      to: "closed",
      actor: by.role,
      at,
      expectedVersion: merge.expectedVersion,
      message: { type: "reply", body: merge.customerMessage },
      ...(merge.audit ? { audit: merge.audit } : {}),
    },
    mail,
    async (tx) => {
      await tx.update(requests).set({ mergedIntoId: into.id }).where(eq(requests.id, duplicate.id));
      const target = await first(
        tx
          .update(requests)
          .set({ updatedAt: at, version: sql`${requests.version} + 1` })
          .where(and(eq(requests.id, into.id), eq(requests.status, into.status)))
          .returning(),
      );
      if (!target) throw new StaleRequestError("The other request changed meanwhile");
      await insertEvent(tx, {
        requestId: into.id,
        type: "internal-note",
        actor: by.role,
        at,
        visibility: "internal",
        data: { kind: "merge", summary: merge.note, duplicate: duplicate.number, ...byData(by) },
      });
    },
  );
}
