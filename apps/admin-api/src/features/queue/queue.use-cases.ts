import {
  parseRequestNumber,
  queueSlaState,
  type SlaSchedule,
  type SortOrder,
  type Status,
  searchTerms,
  slaFlags,
  statuses,
} from "@frontline/core";
import {
  countQueueByStatus,
  listQueue,
  type QueueFilters,
  type QueueItemRow,
  tagsOf,
} from "@frontline/db";
import type { StaffPrincipal } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { decodeCursor, encodeCursor } from "./queue.cursor.ts";
import type { QueueQuery } from "./queue.routes.ts";

/** The SLA columns of a queue row or request as the API shows them. */
export function slaSummary(status: Status, schedule: SlaSchedule, now: Date) {
  const flags = slaFlags(schedule, now);
  return {
    state: queueSlaState(status, schedule, now),
    dueAt: schedule.dueAt?.toISOString() ?? null,
    breached: flags.breached,
    atRisk: flags.atRisk,
  };
}

function servicesFilter(deps: AppDeps, raw: QueueQuery["service"]): string[] | undefined {
  if (raw === undefined) return undefined;
  const ids = (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const known = new Set(deps.config.services.map((s) => s.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw problems.validation([
      {
        field: "service",
        message: `Unknown service: ${unknown.join(", ")}`,
        code: "invalid_value",
      },
    ]);
  }
  return ids;
}

/** Query parameters to repository filters; "me" is whoever is asking. */
export function queueFilters(
  deps: AppDeps,
  query: QueueQuery,
  staff: StaffPrincipal,
): QueueFilters {
  const filters: { -readonly [K in keyof QueueFilters]: QueueFilters[K] } = {
    statuses: query.status,
    severities: query.severity,
    categories: query.category,
    services: servicesFilter(deps, query.service),
    sla: query.sla,
    satisfaction: query.satisfaction,
  };
  if (query.customer)
    filters.customer = query.customer === "unknown" ? "unknown" : Number(query.customer);
  if (query.assignee === "me") filters.assignee = staff.id;
  else if (query.assignee)
    filters.assignee = query.assignee === "none" ? "none" : Number(query.assignee);
  if (query.incident) filters.incidentId = Number(query.incident);
  if (query.tag) filters.tag = query.tag;
  if (query.q) {
    // A reference number is looked up as such; other text is searched word by word.
    if (parseRequestNumber(query.q)) filters.number = query.q.trim().toUpperCase();
    else {
      const search = searchTerms(query.q);
      if (search.length) filters.search = search;
    }
  }
  return filters;
}

export function queueItem(row: QueueItemRow, now: Date, tags: readonly string[] = []) {
  return {
    number: row.number,
    version: row.version,
    subject: row.subject,
    status: row.status,
    severity: row.severity,
    category: row.category,
    service: row.service,
    organisation: row.organisation,
    contactName: row.contactName,
    customer:
      row.customerId === null
        ? null
        : { id: row.customerId, organisation: row.customerOrganisation ?? row.organisation },
    unknownOrganisation: row.customerId === null,
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName ?? "" },
    incidentId: row.incidentId,
    tags: [...tags],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sla: slaSummary(row.status, { dueAt: row.slaDueAt, riskAt: row.slaRiskAt }, now),
  };
}

/** One page of the queue, with the counts per status for the same filters. */
export async function queuePage(deps: AppDeps, query: QueueQuery, staff: StaffPrincipal) {
  const now = deps.clock.now();
  const filters = queueFilters(deps, query, staff);
  const order: SortOrder = query.order ?? (query.sort === "sla" ? "asc" : "desc");
  const after = query.cursor ? decodeCursor(query.cursor, query.sort, order) : undefined;
  const page = await listQueue(deps.db, filters, {
    sort: query.sort,
    order,
    limit: query.limit,
    now,
    ...(after ? { after } : {}),
  });
  const found = await countQueueByStatus(deps.db, filters, now);
  const counts = Object.fromEntries(statuses.map((s) => [s, found[s] ?? 0])) as Record<
    Status,
    number
  >;
  const tags = await tagsOf(
    deps.db,
    page.items.map((row) => row.id),
  );
  return {
    items: page.items.map((row) => queueItem(row, now, tags.get(row.id))),
    nextCursor: page.next ? encodeCursor(query.sort, order, page.next) : null,
    counts,
  };
}
