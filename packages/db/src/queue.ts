import {
  type CategoryId,
  doneStatuses,
  type QueueSort,
  type SearchTerm,
  type SeverityId,
  type SlaFilter,
  type SortOrder,
  type Status,
} from "@frontline/core";
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  type SQL,
  sql,
} from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { type Db, dialectOf, type Tables, tablesOf } from "./client.ts";
import { keptStatusCounts, searchCondition } from "./queue-search.ts";

/** What the partner's queue can be narrowed to; every field is optional. */
export interface QueueFilters {
  readonly statuses?: readonly Status[];
  readonly severities?: readonly SeverityId[];
  readonly categories?: readonly CategoryId[];
  readonly services?: readonly string[];
  /** A customer's id, or requests from organisations no customer matched. */
  readonly customer?: number | "unknown";
  /** A staff member's id, or nobody. */
  readonly assignee?: number | "none";
  readonly sla?: SlaFilter;
  /** The customer's rating, or requests not rated (yet). */
  readonly satisfaction?: "good" | "bad" | "unrated";
  readonly incidentId?: number;
  /** Words searched in subject, description and messages (core's searchTerms); all must match. */
  readonly search?: readonly SearchTerm[];
  /** One exact reference number. */
  readonly number?: string;
  /** Requests carrying this tag. */
  readonly tag?: string;
}

/** Where the previous page ended: the last row's sort value (null: no SLA due) and id. */
export interface QueuePosition {
  readonly key: number | null;
  readonly id: number;
}

export interface QueuePageRequest {
  readonly sort: QueueSort;
  readonly order: SortOrder;
  readonly after?: QueuePosition;
  readonly limit: number;
  /** Breached and at-risk are read against this instant. */
  readonly now: Date;
}

/** The columns a queue row shows, from the requests, customers and staff tables of `db`'s dialect. */
const itemColumns = ({ requests, customers, staffUsers }: Tables) => ({
  id: requests.id,
  number: requests.number,
  subject: requests.subject,
  status: requests.status,
  severity: requests.severity,
  category: requests.category,
  service: requests.service,
  organisation: requests.organisation,
  contactName: requests.contactName,
  customerId: requests.customerId,
  customerOrganisation: customers.organisation,
  assigneeId: requests.assigneeId,
  assigneeName: staffUsers.name,
  incidentId: requests.incidentId,
  createdAt: requests.createdAt,
  updatedAt: requests.updatedAt,
  slaDueAt: requests.slaDueAt,
  slaRiskAt: requests.slaRiskAt,
  version: requests.version,
});

export interface QueueItemRow {
  readonly id: number;
  readonly number: string;
  readonly subject: string;
  readonly status: Status;
  readonly severity: SeverityId;
  readonly category: CategoryId;
  readonly service: string;
  readonly organisation: string;
  readonly contactName: string;
  readonly customerId: number | null;
  readonly customerOrganisation: string | null;
  readonly assigneeId: number | null;
  readonly assigneeName: string | null;
  readonly incidentId: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly slaDueAt: Date | null;
  readonly slaRiskAt: Date | null;
  readonly version: number;
}

export interface QueuePage {
  readonly items: QueueItemRow[];
  /** Where the next page starts, or null on the last page. */
  readonly next: QueuePosition | null;
}

/**
 * How a condition may use an index. Listing pages walks an index in sort
 * order, so filters that keep a large share of rows (status, severity,
 * category, service, nobody assigned) are written as `+column`, which
 * SQLite never answers from an index: it then walks the sort index and
 * stops after one page instead of sorting thousands of rows. Counting
 * reads every match anyway, so there each filter uses its own index.
 */
type Use = "list" | "count";

/** PostgreSQL's planner weighs these itself; the hint is SQLite's. */
function column(col: AnySQLiteColumn, use: Use) {
  return use === "list" ? sql`+${col}` : sql`${col}`;
}

async function filterConditions(
  db: Db,
  filters: QueueFilters,
  now: Date,
  use: Use,
  withStatus = true,
): Promise<SQL[]> {
  const { requests, requestTags } = tablesOf(db);
  const f = filters;
  const sqlite = dialectOf(db) === "sqlite";
  const wide = (col: AnySQLiteColumn) => (sqlite ? column(col, use) : sql`${col}`);
  const match = f.search?.length ? await searchCondition(db, f.search, requests.id) : undefined;
  const conditions: (SQL | undefined)[] = [
    withStatus && f.statuses?.length ? inArray(wide(requests.status), [...f.statuses]) : undefined,
    f.severities?.length ? inArray(wide(requests.severity), [...f.severities]) : undefined,
    f.categories?.length ? inArray(wide(requests.category), [...f.categories]) : undefined,
    f.services?.length ? inArray(wide(requests.service), [...f.services]) : undefined,
    f.customer === "unknown" ? isNull(requests.customerId) : undefined,
    typeof f.customer === "number" ? eq(requests.customerId, f.customer) : undefined,
    f.assignee === "none" ? isNull(wide(requests.assigneeId)) : undefined,
    typeof f.assignee === "number" ? eq(requests.assigneeId, f.assignee) : undefined,
    f.sla === "breached" ? lte(requests.slaDueAt, now) : undefined,
    f.sla === "at-risk" ? and(gt(requests.slaDueAt, now), lt(requests.slaRiskAt, now)) : undefined,
    f.satisfaction === "unrated" ? isNull(requests.satisfaction) : undefined,
    f.satisfaction === "good" || f.satisfaction === "bad"
      ? eq(requests.satisfaction, f.satisfaction)
      : undefined,
    f.incidentId !== undefined ? eq(requests.incidentId, f.incidentId) : undefined,
    f.number !== undefined ? eq(requests.number, f.number) : undefined,
    f.tag !== undefined
      ? inArray(
          requests.id,
          db
            .select({ id: requestTags.requestId })
            .from(requestTags)
            .where(eq(requestTags.tag, f.tag)),
        )
      : undefined,
    match,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

async function select(
  db: Db,
  where: (SQL | undefined)[],
  orderBy: SQL[],
  limit: number,
): Promise<QueueItemRow[]> {
  const tables = tablesOf(db);
  const { customers, requests, staffUsers } = tables;
  return db
    .select(itemColumns(tables))
    .from(requests)
    .leftJoin(customers, eq(customers.id, requests.customerId))
    .leftJoin(staffUsers, eq(staffUsers.id, requests.assigneeId))
    .where(and(...where))
    .orderBy(...orderBy)
    .limit(limit);
}

/** Rows strictly after `after` in (column, id) order, ascending or descending. */
function beyond(
  { requests }: Tables,
  column: AnySQLiteColumn,
  after: QueuePosition,
  order: SortOrder,
) {
  // Bound as the column binds an instant: milliseconds on SQLite, a timestamptz on PostgreSQL.
  const key = after.key === null ? sql`NULL` : sql.param(new Date(after.key), column);
  return order === "asc"
    ? sql`(${column}, ${requests.id}) > (${key}, ${after.id})`
    : sql`(${column}, ${requests.id}) < (${key}, ${after.id})`;
}

/**
 * One page of the queue with keyset pagination: each page continues after
 * the last row of the one before, so it costs the same on page 1 and page
 * 4,000 and never repeats or skips a row when requests change in between.
 * The id breaks ties. In SLA order, requests with nothing due (paused or
 * done) come last in either direction, by id; the two parts are read
 * separately so each walks its own index.
 */
export async function listQueue(
  db: Db,
  filters: QueueFilters,
  page: QueuePageRequest,
): Promise<QueuePage> {
  const { requests } = tablesOf(db);
  const base = await filterConditions(db, filters, page.now, "list");
  const dir = page.order === "asc" ? asc : desc;
  const want = page.limit + 1;
  let rows: QueueItemRow[];
  if (page.sort === "sla") {
    const after = page.after;
    rows = [];
    // Finished requests never have anything due: only the second part can hold them.
    const onlyDone =
      filters.statuses?.length && filters.statuses.every((st) => doneStatuses.includes(st));
    if (!onlyDone && (!after || after.key !== null)) {
      rows = await select(
        db,
        [
          ...base,
          isNotNull(requests.slaDueAt),
          after && beyond(tablesOf(db), requests.slaDueAt, after, page.order),
        ],
        [dir(requests.slaDueAt), dir(requests.id)],
        want,
      );
    }
    if (rows.length < want) {
      const afterId = after?.key === null ? after.id : undefined;
      const idBeyond =
        afterId === undefined
          ? undefined
          : page.order === "asc"
            ? gt(requests.id, afterId)
            : lt(requests.id, afterId);
      rows = rows.concat(
        await select(
          db,
          [...base, isNull(requests.slaDueAt), idBeyond],
          [dir(requests.id)],
          want - rows.length,
        ),
      );
    }
  } else {
    const column = page.sort === "created" ? requests.createdAt : requests.updatedAt;
    rows = await select(
      db,
      [...base, page.after && beyond(tablesOf(db), column, page.after, page.order)],
      [dir(column), dir(requests.id)],
      want,
    );
  }
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const next =
    rows.length > page.limit && last ? { key: sortKey(last, page.sort), id: last.id } : null;
  return { items, next };
}

function sortKey(row: QueueItemRow, sort: QueueSort): number | null {
  if (sort === "created") return row.createdAt.getTime();
  if (sort === "updated") return row.updatedAt.getTime();
  return row.slaDueAt?.getTime() ?? null;
}

/** True when nothing but (at most) the status narrows the queue. */
function onlyByStatus(f: QueueFilters): boolean {
  const lists = [f.severities, f.categories, f.services];
  const values = [
    f.customer,
    f.assignee,
    f.sla,
    f.satisfaction,
    f.incidentId,
    f.search?.[0],
    f.number,
    f.tag,
  ];
  return lists.every((l) => !l?.length) && values.every((v) => v === undefined);
}

/** How many requests match the filters in each status (the status filter itself ignored). */
export async function countQueueByStatus(
  db: Db,
  filters: QueueFilters,
  now: Date,
): Promise<Partial<Record<Status, number>>> {
  const { requests } = tablesOf(db);
  if (onlyByStatus(filters)) {
    // Kept by triggers (migration 0008), so the unfiltered queue never counts 100,000 rows.
    const kept = await keptStatusCounts(db);
    return Object.fromEntries(kept.filter((r) => r.n > 0).map((r) => [r.status, r.n]));
  }
  const rows = await db
    .select({ status: requests.status, count: count() })
    .from(requests)
    .where(and(...(await filterConditions(db, filters, now, "count", false))))
    .groupBy(requests.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}
