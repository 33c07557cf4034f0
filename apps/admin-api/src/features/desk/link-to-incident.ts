import { getIncident, linkIncident, type RequestRow } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { deskChange, ensureCurrent, guarded, requestAudit } from "./desk.guards.ts";

// Links a request to a known service incident, or unlinks it.

export async function linkToIncident(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: { version: number; incidentId: number | null },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const incident = input.incidentId === null ? null : await getIncident(deps.db, input.incidentId);
  if (input.incidentId !== null && !incident) {
    throw problems.validation([
      { field: "incidentId", message: "There is no such incident.", code: "unknown_incident" },
    ]);
  }
  if (row.incidentId === input.incidentId) return row;
  const summary = incident
    ? `Linked to incident #${incident.id} (${incident.service}, ${incident.impact}).`
    : `Unlinked from incident #${row.incidentId}.`;
  const updated = await guarded(() =>
    linkIncident(deps.db, {
      ...deskChange(deps, actor, row, input.version),
      from: row.incidentId,
      to: input.incidentId,
      summary,
      audit: requestAudit(deps, actor, "request.link-incident", row, {
        from: row.incidentId,
        to: input.incidentId,
      }),
    }),
  );
  return updated;
}
