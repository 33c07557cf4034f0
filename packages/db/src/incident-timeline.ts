import type { IncidentView } from "@frontline/core";
import { asc, desc, gte, inArray, isNull, or } from "drizzle-orm";
import { type Db, tablesOf } from "./client.ts";
import type { IncidentUpdate } from "./incidents.ts";

export interface IncidentWithTimeline extends IncidentView {
  /** Newest first, as the status page shows them. */
  readonly updates: readonly IncidentUpdate[];
}

/** How far back the status page and the feeds look for resolved incidents. */
export const INCIDENT_HISTORY_DAYS = 90;

/** Each incident's updates, newest first (by time, then by the order they were written). */
export async function timelinesOf(
  db: Db,
  incidentIds: readonly number[],
): Promise<Map<number, IncidentUpdate[]>> {
  const { incidentUpdates } = tablesOf(db);
  const byIncident = new Map<number, IncidentUpdate[]>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return byIncident;
  const rows = await db
    .select()
    .from(incidentUpdates)
    .where(inArray(incidentUpdates.incidentId, [...incidentIds]))
    .orderBy(
      asc(incidentUpdates.incidentId),
      desc(incidentUpdates.createdAt),
      desc(incidentUpdates.id),
    );
  for (const row of rows) byIncident.get(row.incidentId)?.push(row);
  return byIncident;
}

/**
 * What the status page shows: the incidents going on, and those resolved
 * within the history window, each with its timeline; newest start first.
 */
export async function incidentHistory(
  db: Db,
  now: Date,
  days = INCIDENT_HISTORY_DAYS,
): Promise<IncidentWithTimeline[]> {
  const { serviceIncidents } = tablesOf(db);
  const since = new Date(now.getTime() - days * 86_400_000);
  const incidents = await db
    .select()
    .from(serviceIncidents)
    .where(or(isNull(serviceIncidents.resolvedAt), gte(serviceIncidents.resolvedAt, since)))
    .orderBy(desc(serviceIncidents.startedAt), desc(serviceIncidents.id))
    .limit(500);
  const timelines = await timelinesOf(
    db,
    incidents.map((incident) => incident.id),
  );
  return incidents.map((incident) => ({ ...incident, updates: timelines.get(incident.id) ?? [] }));
}
