import type { IncidentInput, IncidentView, Locale } from "@frontline/core";
import {
  type AuditEntry,
  createIncident,
  getIncident,
  type IncidentChange,
  type IncidentClosing,
  resolveIncident,
  updateIncident,
} from "@frontline/db";
import { type Actor, auditEntry, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { mayMoveStatus, planStatusMove } from "../requests/move-request-status.ts";

const view = (incident: IncidentView) => ({
  ...incident,
  startedAt: incident.startedAt.toISOString(),
  updatedAt: incident.updatedAt.toISOString(),
  resolvedAt: incident.resolvedAt?.toISOString() ?? null,
});

/** The audit entry of a change to an incident; the change's own transaction writes it. */
function incidentAudit(
  deps: AppDeps,
  who: Actor,
  action: string,
  incident: Pick<IncidentView, "id">,
  detail: Record<string, unknown>,
): AuditEntry {
  return auditEntry(deps, who, { action, target: `incident:${incident.id}`, detail });
}

export async function postIncident(deps: AppDeps, input: IncidentInput, who: Actor) {
  const incident = await createIncident(deps.db, input, deps.clock.now(), (created) =>
    incidentAudit(deps, who, "incident.create", created, {
      service: input.service,
      impact: input.impact,
    }),
  );
  return view(incident);
}

async function activeIncident(deps: AppDeps, id: number): Promise<IncidentView> {
  const incident = await getIncident(deps.db, id);
  if (!incident) throw problems.notFound(`There is no incident ${id}.`);
  if (incident.resolvedAt) throw problems.incidentResolved();
  return incident;
}

export async function changeIncident(
  deps: AppDeps,
  id: number,
  change: IncidentChange,
  who: Actor,
) {
  await activeIncident(deps, id);
  const updated = await updateIncident(
    deps.db,
    id,
    change,
    deps.clock.now(),
    incidentAudit(deps, who, "incident.update", { id }, { ...change }),
  );
  if (!updated) throw problems.notFound(`There is no incident ${id}.`);
  return view(updated);
}

/**
 * Resolves an incident. With resolveLinkedRequests, every open request
 * filed about it gets the closing message as a public reply and moves to
 * resolved, where the caller's role may do that along the lifecycle; the
 * rest are listed for the partner.
 */
export async function closeIncident(
  deps: AppDeps,
  id: number,
  options: { message?: Partial<Record<Locale, string>>; resolveLinkedRequests: boolean },
  who: Actor,
) {
  await activeIncident(deps, id);
  const now = deps.clock.now();
  const role = staffOf(who).role;
  const leftForPartner: string[] = [];
  // Decided inside the resolution's transaction, on the requests as they are then.
  const closing: IncidentClosing = (incident, open) => {
    leftForPartner.length = 0;
    if (!options.resolveLinkedRequests) return [];
    return open.flatMap((request) => {
      if (!mayMoveStatus(deps, request, "resolved", role)) {
        leftForPartner.push(request.number);
        return [];
      }
      const text = incident.message[request.locale] ?? incident.message.en ?? "";
      return [
        planStatusMove(deps, request, "resolved", role, { message: { type: "reply", body: text } }),
      ];
    });
  };
  const resolved = await resolveIncident(deps.db, id, now, options.message, closing, (result) =>
    incidentAudit(deps, who, "incident.resolve", result.incident, {
      resolvedRequests: result.moved.map((request) => request.number),
      leftForPartner,
    }),
  );
  if (!resolved) {
    // Resolved meanwhile by someone else: the same 409 as resolving a resolved incident.
    await activeIncident(deps, id);
    throw problems.notFound(`There is no incident ${id}.`);
  }
  const resolvedRequests = resolved.moved.map((request) => request.number);
  return { incident: view(resolved.incident), resolvedRequests, leftForPartner };
}
