import {
  type EscalationPacket,
  type EscalationStatus,
  escalationMissingLabels,
  escalationReadiness,
  label,
  operatorSla,
  type Status,
  statusOfService,
} from "@frontline/core";
import {
  type EscalationRow,
  getEscalation,
  getRequestByNumber,
  listActiveIncidents,
  listAttachments,
  listEscalations,
  listEvents,
  type RequestRow,
} from "@frontline/db";
import type { StaffPrincipal } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { attachmentSummary } from "../attachments/attachments.use-cases.ts";
import type { EscalationSort } from "./escalations.routes.ts";

export async function requestForStaff(deps: AppDeps, number: string): Promise<RequestRow> {
  const row = await getRequestByNumber(deps.db, number.trim().toUpperCase());
  if (!row) throw problems.notFound(`There is no request ${number}.`);
  return row;
}

/**
 * A packet prefilled only with what is known to be true: the customer's
 * own description, the service health seen right now, the articles the
 * customer opened, and the partner as contact. What the agent must vouch
 * for starts empty: the internal notes are offered as steps tried, not
 * copied in, and self-troubleshooting is unconfirmed until ticked.
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
    stepsTried: [],
    articlesSeen: [...new Set(row.openedArticles)],
    selfHelpOffered: false,
    partnerContact: staff.email,
  };
  return {
    number: row.number,
    version: row.version,
    packet,
    notesToOffer: notes.flatMap((n) => (n.body ? [{ id: n.id, body: n.body }] : [])),
    articlesSuggested: row.suggestedArticles.filter((slug) => !row.openedArticles.includes(slug)),
    readiness: readinessOf(packet, now),
  };
}

export function readinessOf(packet: EscalationPacket, now: Date) {
  const readiness = escalationReadiness(packet, now);
  return {
    ready: readiness.ready,
    missing: readiness.missing.map((item) => ({
      item,
      message: label(escalationMissingLabels[item], "en"),
    })),
  };
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

export const ESCALATIONS_PER_PAGE = 25;

type EscalationView = ReturnType<typeof escalationView>;

/** When the operator's running clock falls due; finished ones (nothing due) sort last. */
function nextDue(view: EscalationView): number {
  const { firstResponse, resolution } = view.operatorSla;
  if (firstResponse.state === "running") return Date.parse(firstResponse.dueAt);
  if (resolution.state === "running") return Date.parse(resolution.dueAt);
  return Number.POSITIVE_INFINITY;
}

/**
 * A page of escalations: by the operator's SLA (the running clock due
 * soonest first, finished ones last) or newest first. The clocks are
 * worked out per escalation from the operator's policy, so the list is
 * sorted here, over at most the latest 5,000 of the status asked for.
 */
export async function listForStaff(
  deps: AppDeps,
  options: { status?: EscalationStatus | undefined; sort?: EscalationSort; page?: number } = {},
) {
  const rows = await listEscalations(deps.db, options.status ? [options.status] : undefined);
  const views = rows.map((row) => escalationView(deps, row.escalation, row));
  if ((options.sort ?? "sla") === "sla") {
    views.sort((a, b) => nextDue(a) - nextDue(b) || b.id - a.id);
  }
  const pages = Math.max(1, Math.ceil(views.length / ESCALATIONS_PER_PAGE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const start = (page - 1) * ESCALATIONS_PER_PAGE;
  return {
    items: views.slice(start, start + ESCALATIONS_PER_PAGE),
    page,
    pages,
    total: views.length,
  };
}

/** An escalation with every file of its request, for its page and GET. */
export async function escalationDetail(
  deps: AppDeps,
  found: { escalation: EscalationRow; request: RequestRow },
) {
  const files = await listAttachments(deps.db, found.request.id);
  return {
    ...escalationView(deps, found.escalation, found.request),
    files: files.map(attachmentSummary),
  };
}

export async function findEscalation(deps: AppDeps, id: number) {
  const found = await getEscalation(deps.db, id);
  if (!found) throw problems.notFound(`There is no escalation ${id}.`);
  return found;
}

/**
 * How an escalation's end moves the request: back to the partner either
 * way. A resolution by the operator is for the partner to word for the
 * customer, in the customer's language (the desk shows it as "resolved by
 * the operator, awaiting your reply"); the customer never reads the
 * operator's internal text or a bare "Resolved".
 */
export const requestMoves: Partial<Record<EscalationStatus, Status>> = {
  "returned-to-partner": "open",
  resolved: "open",
};
