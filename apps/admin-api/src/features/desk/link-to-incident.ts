import { getIncident, linkIncident } from "@frontline/db";
import { problems } from "../../platform/problems.ts";
import { deskAction, deskChange, guarded, requestAudit } from "./desk.guards.ts";

// Links a request to a known service incident, or unlinks it.

export const linkToIncident = deskAction<{ version: number; incidentId: number | null }>(
  async (deps, actor, row, input) => {
    const incident =
      input.incidentId === null ? null : await getIncident(deps.db, input.incidentId);
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
  },
);
