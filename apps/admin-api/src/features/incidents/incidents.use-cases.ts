import type { IncidentView } from "@frontline/core";
import { type AuditEntry, getIncident } from "@frontline/db";
import { type Actor, auditEntry } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";

export const view = (incident: IncidentView) => ({
  ...incident,
  startedAt: incident.startedAt.toISOString(),
  updatedAt: incident.updatedAt.toISOString(),
  resolvedAt: incident.resolvedAt?.toISOString() ?? null,
});

/** The audit entry of a change to an incident; the change's own transaction writes it. */
export function incidentAudit(
  deps: AppDeps,
  who: Actor,
  action: string,
  incident: Pick<IncidentView, "id">,
  detail: Record<string, unknown>,
): AuditEntry {
  return auditEntry(deps, who, { action, target: `incident:${incident.id}`, detail });
}

export async function activeIncident(deps: AppDeps, id: number): Promise<IncidentView> {
  const incident = await getIncident(deps.db, id);
  if (!incident) throw problems.notFound(`There is no incident ${id}.`);
  if (incident.resolvedAt) throw problems.incidentResolved();
  return incident;
}
