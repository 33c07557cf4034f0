import {
  canMoveEscalation,
  type EscalationPacket,
  type EscalationStatus,
  escalationMissingLabels,
  escalationReadiness,
  finishedEscalationStatuses,
  label,
  operatorSla,
  type Status,
  statusOfService,
} from "@frontline/core";
import {
  createEscalation,
  type EscalationRow,
  getEscalation,
  getRequestByNumber,
  listActiveIncidents,
  listEscalations,
  listEvents,
  type RequestRow,
  StaleRequestError,
  updateEscalation,
} from "@frontline/db";
import { type Actor, auditEntry, staffOf } from "../../platform/actor.ts";
import type { StaffPrincipal } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { mayMoveStatus } from "../requests/move-request-status.ts";
import { statusMail } from "../requests/request-mail.ts";

export async function requestForStaff(deps: AppDeps, number: string): Promise<RequestRow> {
  const row = await getRequestByNumber(deps.db, number.trim().toUpperCase());
  if (!row) throw problems.notFound(`There is no request ${number}.`);
  return row;
}

/**
 * A packet prefilled from what the desk already knows: the customer's own
 * description, the service health seen right now, the articles the
 * customer saw, and the partner's internal notes as the steps tried.
 */
export async function escalationDraft(deps: AppDeps, row: RequestRow, staff: StaffPrincipal) {
  const now = deps.clock.now();
  const incidents = await listActiveIncidents(deps.db);
  const incident = incidents.find((i) => i.service === row.service);
  const notes = (await listEvents(deps.db, row.id, { includeInternal: true })).filter(
    (e) => e.type === "internal-note",
  );
  const packet: EscalationPacket = {
    service: row.service,
    severity: row.severity,
    description: row.description,
    serviceHealth: {
      checkedAt: now,
      status: statusOfService(row.service, incidents),
      incidentId: incident ? String(incident.id) : null,
    },
    stepsTried: notes.map((n) => n.body ?? "").filter(Boolean),
    articlesSeen: [...new Set([...row.openedArticles, ...row.suggestedArticles])],
    selfHelpOffered: row.openedArticles.length > 0,
    partnerContact: staff.email,
  };
  return { number: row.number, version: row.version, packet, readiness: readinessOf(packet, now) };
}

function readinessOf(packet: EscalationPacket, now: Date) {
  const readiness = escalationReadiness(packet, now);
  return {
    ready: readiness.ready,
    missing: readiness.missing.map((item) => ({
      item,
      message: label(escalationMissingLabels[item], "en"),
    })),
  };
}

/** Escalates, or refuses with every missing item named so the partner fixes them at once. */
export async function escalateRequest(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  version: number,
  packet: EscalationPacket,
) {
  const staff = staffOf(actor);
  if (row.version !== version) throw problems.stale();
  const now = deps.clock.now();
  const readiness = readinessOf(packet, now);
  if (!readiness.ready) {
    throw problems.escalationNotReady(
      readiness.missing.map((m) => m.message).join("; "),
      readiness.missing.map((m) => ({ field: m.item, message: m.message, code: "missing" })),
    );
  }
  const role = staff.role === "admin" ? "admin" : "agent";
  if (!mayMoveStatus(deps, row, "escalated", role)) {
    throw problems.transitionNotAllowed(
      `A request that is ${row.status} cannot be escalated.`,
      "This request cannot be escalated now",
    );
  }
  try {
    const created = await createEscalation(
      deps.db,
      { request: row, packet, byId: staff.id, byRole: role, at: now },
      statusMail(deps.config, row, "escalated"),
      (escalation) =>
        auditEntry(deps, actor, {
          action: "request.escalate",
          target: row.number,
          detail: { escalationId: escalation.id },
        }),
    );
    return escalationView(deps, created, row);
  } catch (error) {
    if (error instanceof StaleRequestError) throw problems.stale();
    throw error;
  }
}

/**
 * A packet as the API and pages show it: the health check's time as ISO
 * 8601 (a stored packet comes back from JSON with it as a string already).
 */
export function packetJson(packet: EscalationPacket) {
  const health = packet.serviceHealth;
  return {
    ...packet,
    serviceHealth: health
      ? { ...health, checkedAt: new Date(health.checkedAt).toISOString() }
      : null,
  };
}

/** An escalation with the operator's two clocks, kept apart from the partner's. */
export function escalationView(
  deps: AppDeps,
  escalation: EscalationRow,
  request: Pick<RequestRow, "number" | "subject" | "organisation" | "service" | "severity">,
) {
  const sla = operatorSla(
    {
      severity: escalation.packet.severity,
      escalatedAt: escalation.submittedAt,
      acknowledgedAt: escalation.acknowledgedAt,
      finishedAt: escalation.finishedAt,
    },
    deps.clock.now(),
    deps.config.operatorPolicy,
  );
  const clock = (reading: typeof sla.firstResponse) => ({
    state: reading.state,
    dueAt: reading.dueAt.toISOString(),
    breached: reading.breached,
    atRisk: reading.atRisk,
  });
  return {
    id: escalation.id,
    version: escalation.version,
    status: escalation.status,
    operatorReference: escalation.operatorReference,
    request: {
      number: request.number,
      subject: request.subject,
      organisation: request.organisation,
      service: request.service,
      severity: request.severity,
    },
    packet: packetJson(escalation.packet),
    submittedAt: escalation.submittedAt.toISOString(),
    acknowledgedAt: escalation.acknowledgedAt?.toISOString() ?? null,
    finishedAt: escalation.finishedAt?.toISOString() ?? null,
    operatorSla: { firstResponse: clock(sla.firstResponse), resolution: clock(sla.resolution) },
  };
}

export async function listForStaff(deps: AppDeps, status?: EscalationStatus) {
  const rows = await listEscalations(deps.db, status ? [status] : undefined);
  return { items: rows.map((row) => escalationView(deps, row.escalation, row)) };
}

export async function findEscalation(deps: AppDeps, id: number) {
  const found = await getEscalation(deps.db, id);
  if (!found) throw problems.notFound(`There is no escalation ${id}.`);
  return found;
}

/** How an escalation's end moves the request: back to the partner, or resolved. */
const requestMoves: Partial<Record<EscalationStatus, Status>> = {
  "returned-to-partner": "open",
  resolved: "resolved",
};

export async function updateAsOperator(
  deps: AppDeps,
  actor: Actor,
  { escalation, request }: { escalation: EscalationRow; request: RequestRow },
  update: {
    version: number;
    status?: EscalationStatus;
    operatorReference?: string;
    message?: string;
  },
) {
  const staff = staffOf(actor);
  if (escalation.version !== update.version) throw problems.stale();
  if (finishedEscalationStatuses.includes(escalation.status)) {
    throw problems.escalationFinished(escalation.status);
  }
  if (
    update.status &&
    update.status !== escalation.status &&
    !canMoveEscalation(escalation.status, update.status)
  ) {
    throw problems.transitionNotAllowed(
      `An escalation that is ${escalation.status} cannot become ${update.status}.`,
    );
  }
  const moveTo =
    update.status && update.status !== escalation.status ? requestMoves[update.status] : undefined;
  const role = staff.role === "admin" ? "admin" : "operator";
  try {
    const updated = await updateEscalation(
      deps.db,
      {
        escalation,
        version: update.version,
        ...(update.status ? { status: update.status } : {}),
        ...(update.operatorReference ? { operatorReference: update.operatorReference } : {}),
        ...(update.message ? { message: update.message } : {}),
        actorRole: role,
        at: deps.clock.now(),
        ...(moveTo && request.status === "escalated"
          ? { requestMove: { request, to: moveTo, mail: statusMail(deps.config, request, moveTo) } }
          : {}),
      },
      (row) =>
        auditEntry(deps, actor, {
          action: "escalation.update",
          target: request.number,
          detail: {
            escalationId: row.id,
            status: row.status,
            operatorReference: row.operatorReference,
          },
        }),
    );
    return escalationView(deps, updated, request);
  } catch (error) {
    if (error instanceof StaleRequestError) throw problems.stale();
    throw error;
  }
}
