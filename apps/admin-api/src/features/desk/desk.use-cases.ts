import {
  type IncidentView,
  parseRequestNumber,
  requestSla,
  type Status,
  type StatusChange,
} from "@frontline/core";
import {
  feedbackForArticles,
  getCustomer,
  getIncident,
  getRequestById,
  getRequestByNumber,
  getStaffUser,
  listActiveIncidents,
  listDuplicates,
  listEvents,
  listStaffUsers,
  type RequestEventRow,
  type RequestRow,
  subscriptionsOf,
  tagsOf,
} from "@frontline/db";
import type { StaffPrincipal } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { articleTitle } from "../../platform/static-site/article-titles.ts";
import { actingOnBehalf } from "../admin-portals/admin-portals.use-cases.ts";
import {
  type attachmentSummary,
  attachmentsByEvent,
} from "../attachments/attachments.use-cases.ts";
import { slaSummary } from "../queue/queue.use-cases.ts";
import { allowedMoves } from "../requests/move-request-status.ts";
import { ratingOf } from "../requests/requests.use-cases.ts";
import { deskActor } from "./desk.staff.ts";

/** The request behind a reference number, or 404. */
export async function requestForDesk(deps: AppDeps, number: string): Promise<RequestRow> {
  const normalized = number.trim().toUpperCase();
  const row = parseRequestNumber(normalized) ? await getRequestByNumber(deps.db, normalized) : null;
  if (!row) throw problems.notFound(`There is no request ${number}.`);
  return row;
}

/** Where staff may move the request now; escalation has its own endpoint with the packet. */
export function staffMoves(deps: AppDeps, row: RequestRow, staff: StaffPrincipal): Status[] {
  return allowedMoves(deps, row, deskActor(staff).role).filter((to) => to !== "escalated");
}

function statusHistory(events: readonly RequestEventRow[]): StatusChange[] {
  return events.flatMap((e) => {
    const to = e.type === "status-change" ? e.data?.to : undefined;
    return typeof to === "string" ? [{ status: to as Status, at: e.createdAt }] : [];
  });
}

/** One line for entries that record a change rather than carry a message. */
function summaryOf(e: RequestEventRow): string | null {
  const data = e.data ?? {};
  if (typeof data.summary === "string") return data.summary;
  if (e.type === "assignment") {
    return typeof data.toName === "string" ? `Assigned to ${data.toName}` : "Unassigned";
  }
  if (e.type === "status-change") return `Status: ${data.from} → ${data.to}`;
  if (data.kind === "tags") return tagsSummary(data.added, data.removed);
  return null;
}

function tagsSummary(added: unknown, removed: unknown): string {
  const list = (tags: unknown) => (Array.isArray(tags) ? tags.join(", ") : "");
  const parts = [
    list(added) ? `Tagged ${list(added)}` : "",
    list(removed) ? `Untagged ${list(removed)}` : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join("; ")}.` : "Tags unchanged.";
}

/**
 * The operator's resolution the partner has not passed on yet: the last
 * one on the timeline, unless the request was resolved or closed after it.
 */
function pendingOperatorResolution(events: readonly RequestEventRow[]) {
  let pending: RequestEventRow | undefined;
  for (const event of events) {
    const data = (event.data ?? {}) as { status?: string; to?: string };
    if (event.type === "operator-update" && data.status === "resolved") pending = event;
    if (event.type === "status-change" && (data.to === "resolved" || data.to === "closed")) {
      pending = undefined;
    }
  }
  return pending ? { message: pending.body ?? "", at: pending.createdAt.toISOString() } : null;
}

/** The customer's wall clock now, as the desk reads it before calling or promising a time. */
function customerTime(timeZone: string | null, now: Date) {
  if (!timeZone) return null;
  const local = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(now);
  return { timeZone, local };
}

type FileList = ReturnType<typeof attachmentSummary>[];

function timelineEntry(e: RequestEventRow, files: ReadonlyMap<number, FileList>) {
  const kind = typeof e.data?.kind === "string" ? e.data.kind : e.type;
  const by = typeof e.data?.byName === "string" ? e.data.byName : null;
  return {
    id: e.id,
    type: e.type,
    kind,
    internal: e.visibility === "internal",
    actor: e.actor,
    by,
    summary: summaryOf(e),
    body: e.body,
    data: e.data,
    attachments: files.get(e.id) ?? [],
    createdAt: e.createdAt.toISOString(),
  };
}

function incidentView(incident: IncidentView) {
  return {
    id: incident.id,
    service: incident.service,
    impact: incident.impact,
    status: incident.status,
    message: incident.message as Record<string, string>,
    startedAt: incident.startedAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
  };
}

async function customerOf(deps: AppDeps, customerId: number | null) {
  const customer = customerId === null ? null : await getCustomer(deps.db, customerId);
  if (!customer) return null;
  const subscriptions = await subscriptionsOf(deps.db, customer.id);
  return {
    actingOnBehalf: await actingOnBehalf(deps, { ...customer, subscriptions }),
    id: customer.id,
    organisation: customer.organisation,
    tenantDomain: customer.tenantDomain,
    contacts: customer.contacts.map((c) => ({ ...c })),
    subscriptions: subscriptions.map((s) => ({
      service: s.service,
      seats: s.seats,
      status: s.status,
      renewalDate: s.renewalDate.toISOString(),
    })),
  };
}

/**
 * Everything the desk needs to work a request: the customer and what they
 * bought, the whole timeline with internal entries marked, both SLA clocks,
 * what the customer saw in the help center, and incidents on the service.
 */
export async function deskView(deps: AppDeps, row: RequestRow, staff: StaffPrincipal) {
  const now = deps.clock.now();
  const events = await listEvents(deps.db, row.id, { includeInternal: true });
  const files = await attachmentsByEvent(deps, row.id);
  const clocks = requestSla(
    {
      severity: row.severity,
      createdAt: row.createdAt,
      statusHistory: statusHistory(events),
      firstResponseAt: row.firstResponseAt,
    },
    now,
    deps.config.partnerPolicy,
  );
  const targets = deps.config.partnerPolicy[row.severity];
  const clock = (reading: typeof clocks.firstResponse, targetMinutes: number) => ({
    state: reading.state,
    dueAt: reading.dueAt.toISOString(),
    breached: reading.breached,
    atRisk: reading.atRisk,
    targetMinutes,
  });
  const articles = [...new Set([...row.suggestedArticles, ...row.openedArticles])];
  const assignee = row.assigneeId === null ? null : await getStaffUser(deps.db, row.assigneeId);
  const linked = row.incidentId === null ? null : await getIncident(deps.db, row.incidentId);
  const mergedInto =
    row.mergedIntoId === null ? null : await getRequestById(deps.db, row.mergedIntoId);
  const active = (await listActiveIncidents(deps.db)).filter((i) => i.service === row.service);
  const customer = await customerOf(deps, row.customerId);
  const tags = (await tagsOf(deps.db, [row.id])).get(row.id) ?? [];
  return {
    number: row.number,
    version: row.version,
    status: row.status,
    allowedStatuses: staffMoves(deps, row, staff),
    severity: row.severity,
    category: row.category,
    service: row.service,
    locale: row.locale,
    subject: row.subject,
    description: row.description,
    organisation: row.organisation,
    contact: { name: row.contactName, email: row.contactEmail },
    unknownOrganisation: customer === null,
    customer,
    assignee: assignee && { id: assignee.id, name: assignee.name, email: assignee.email },
    tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    sla: {
      ...slaSummary(row.status, { dueAt: row.slaDueAt, riskAt: row.slaRiskAt }, now),
      firstResponse: clock(clocks.firstResponse, targets.firstResponseMinutes),
      resolution: clock(clocks.resolution, targets.resolutionMinutes),
    },
    helpCenter: {
      suggestedArticles: row.suggestedArticles,
      openedArticles: row.openedArticles,
      titles: Object.fromEntries(
        articles.map((slug) => [slug, articleTitle(deps.config.articleTitles, slug, row.locale)]),
      ),
      feedback: (await feedbackForArticles(deps.db, articles)).map((f) => ({
        article: f.article,
        helpful: Number(f.helpful),
        notHelpful: Number(f.notHelpful),
      })),
    },
    incident: linked && incidentView(linked),
    activeIncidents: active.map(incidentView),
    operatorResolution: pendingOperatorResolution(events),
    satisfaction: ratingOf(row),
    customerTime: customerTime(row.timeZone, now),
    mergedInto: mergedInto?.number ?? null,
    duplicates: await listDuplicates(deps.db, row.id),
    timeline: events.map((e) => timelineEntry(e, files)),
  };
}

/** Who a request may be given to: admins and agents whose accounts are active. */
export async function assignableStaff(deps: AppDeps) {
  return (await listStaffUsers(deps.db))
    .filter((u) => !u.disabled && u.role !== "operator")
    .map((u) => ({ id: u.id, name: u.name }));
}
