import type { ArticleFeedbackInput, IncidentView } from "@frontline/core";
import { and, desc, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { articleFeedback, requests, serviceIncidents } from "./schema/index.ts";

export type NewIncident = Omit<IncidentView, "id" | "updatedAt" | "resolvedAt">;

export async function createIncident(
  db: Db,
  incident: NewIncident,
  now: Date,
): Promise<IncidentView> {
  return db
    .insert(serviceIncidents)
    .values({ ...incident, updatedAt: now, resolvedAt: null })
    .returning()
    .get();
}

/** Incidents still going on, most recent first. */
export async function listActiveIncidents(db: Db): Promise<IncidentView[]> {
  return db
    .select()
    .from(serviceIncidents)
    .where(isNull(serviceIncidents.resolvedAt))
    .orderBy(desc(serviceIncidents.startedAt))
    .all();
}

/**
 * Records a "Was this helpful?" answer. The same submission sent again (the
 * vote, then a comment) updates the one row rather than counting twice.
 */
export async function recordFeedback(db: Db, feedback: ArticleFeedbackInput, now: Date) {
  const values = {
    submissionId: feedback.submissionId,
    locale: feedback.locale,
    article: feedback.article,
    helpful: feedback.helpful,
    comment: feedback.comment ?? null,
  };
  return db
    .insert(articleFeedback)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: articleFeedback.submissionId,
      // A repeated vote without a comment keeps the comment sent before.
      set: {
        helpful: values.helpful,
        updatedAt: now,
        ...(feedback.comment === undefined ? {} : { comment: values.comment }),
      },
    })
    .returning()
    .get();
}

export async function getIncident(db: Db, id: number): Promise<IncidentView | null> {
  return db.select().from(serviceIncidents).where(eq(serviceIncidents.id, id)).get() ?? null;
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
): Promise<IncidentView | null> {
  const current = await getIncident(db, id);
  if (!current) return null;
  return db
    .update(serviceIncidents)
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.impact ? { impact: change.impact } : {}),
      ...(change.message ? { message: { ...current.message, ...change.message } } : {}),
      updatedAt: now,
    })
    .where(eq(serviceIncidents.id, id))
    .returning()
    .get();
}

export async function resolveIncident(
  db: Db,
  id: number,
  now: Date,
  message?: IncidentView["message"],
): Promise<IncidentView | null> {
  const current = await getIncident(db, id);
  if (!current) return null;
  return db
    .update(serviceIncidents)
    .set({
      status: "resolved",
      resolvedAt: now,
      updatedAt: now,
      ...(message ? { message: { ...current.message, ...message } } : {}),
    })
    .where(eq(serviceIncidents.id, id))
    .returning()
    .get();
}

/** Every incident, active first then newest. */
export async function listIncidents(db: Db, limit = 200): Promise<IncidentView[]> {
  return db
    .select()
    .from(serviceIncidents)
    .orderBy(sql`${serviceIncidents.resolvedAt} is not null`, desc(serviceIncidents.startedAt))
    .limit(limit)
    .all();
}

/** Requests filed about an incident that are still being worked on. */
export async function openRequestsOfIncident(db: Db, incidentId: number) {
  return db
    .select()
    .from(requests)
    .where(
      and(eq(requests.incidentId, incidentId), notInArray(requests.status, ["resolved", "closed"])),
    )
    .all();
}
