import {
  checkTransition,
  type IncidentInput,
  type IncidentView,
  type Locale,
} from "@frontline/core";
import {
  changeStatus,
  createIncident,
  getIncident,
  type IncidentChange,
  openRequestsOfIncident,
  recordAudit,
  resolveIncident,
  updateIncident,
} from "@frontline/db";
import type { StaffPrincipal } from "../platform/auth.ts";
import type { AppDeps } from "../platform/deps.ts";
import { Problem } from "../platform/problem.ts";
import { statusMail } from "../requests/request-mail.ts";

type Audit = { staff: StaffPrincipal; clientAddress: string };

const view = (incident: IncidentView) => ({
  ...incident,
  startedAt: incident.startedAt.toISOString(),
  updatedAt: incident.updatedAt.toISOString(),
  resolvedAt: incident.resolvedAt?.toISOString() ?? null,
});

async function audit(
  deps: AppDeps,
  who: Audit,
  action: string,
  incident: IncidentView,
  detail: Record<string, unknown>,
) {
  await recordAudit(deps.db, {
    at: deps.clock.now(),
    actorId: who.staff.id,
    actorLabel: who.staff.email,
    action,
    target: `incident:${incident.id}`,
    detail,
    clientAddress: who.clientAddress,
  });
}

export async function postIncident(deps: AppDeps, input: IncidentInput, who: Audit) {
  const incident = await createIncident(deps.db, input, deps.clock.now());
  await audit(deps, who, "incident.create", incident, {
    service: input.service,
    impact: input.impact,
  });
  return view(incident);
}

async function activeIncident(deps: AppDeps, id: number): Promise<IncidentView> {
  const incident = await getIncident(deps.db, id);
  if (!incident) throw Problem.notFound(`There is no incident ${id}.`);
  if (incident.resolvedAt)
    throw new Problem(
      409,
      "incident-resolved",
      "This incident is resolved",
      "Post a new incident if the problem is back.",
    );
  return incident;
}

export async function changeIncident(
  deps: AppDeps,
  id: number,
  change: IncidentChange,
  who: Audit,
) {
  await activeIncident(deps, id);
  const updated = await updateIncident(deps.db, id, change, deps.clock.now());
  if (!updated) throw Problem.notFound(`There is no incident ${id}.`);
  await audit(deps, who, "incident.update", updated, { ...change });
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
  who: Audit,
) {
  await activeIncident(deps, id);
  const now = deps.clock.now();
  const incident = await resolveIncident(deps.db, id, now, options.message);
  if (!incident) throw Problem.notFound(`There is no incident ${id}.`);
  const resolvedRequests: string[] = [];
  const leftForPartner: string[] = [];
  const role = who.staff.role;
  for (const request of options.resolveLinkedRequests
    ? await openRequestsOfIncident(deps.db, id)
    : []) {
    if (!checkTransition(request.status, "resolved", role, { now }).ok) {
      leftForPartner.push(request.number);
      continue;
    }
    const text = incident.message[request.locale] ?? incident.message.en ?? "";
    await changeStatus(
      deps.db,
      {
        requestId: request.id,
        from: request.status,
        to: "resolved",
        actor: role,
        at: now,
        message: { type: "reply", body: text },
      },
      statusMail(deps.config, request, "resolved"),
    );
    resolvedRequests.push(request.number);
  }
  await audit(deps, who, "incident.resolve", incident, { resolvedRequests, leftForPartner });
  return { incident: view(incident), resolvedRequests, leftForPartner };
}
