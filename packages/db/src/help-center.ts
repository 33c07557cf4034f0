import type { ArticleFeedbackInput, IncidentView } from "@frontline/core";
import { desc, eq, isNull } from "drizzle-orm";
import type { Db } from "./client.ts";
import { articleFeedback, serviceIncidents } from "./schema/index.ts";

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
