import { plainText, type Status, statuses } from "@frontline/core";
import {
  countQueueByStatus,
  countSavedViews,
  createSavedView,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  type SavedViewRow,
} from "@frontline/db";
import { z } from "zod";
import { type Actor, auditEntry, staffOf } from "../../platform/actor.ts";
import type { StaffPrincipal } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { fieldErrorsFromZod } from "../../platform/problem.ts";
import { problems } from "../../platform/problems.ts";
import { queueHref, type RawQuery } from "../queue/queue.query.ts";
import { queueQuerySchema } from "../queue/queue.routes.ts";
import { queueFilters } from "../queue/queue.use-cases.ts";

/** Views each agent keeps, and the desk shares: enough for a queue's menu, few enough to count each. */
export const MAX_VIEWS = 20;

export const savedViewSchema = z.strictObject({
  name: plainText().min(1).max(60),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  shared: z.boolean().default(false),
});
export type SavedViewInput = z.infer<typeof savedViewSchema>;

/** The query without its page: a view is a set of filters, never a place in the list. */
function filtersOnly(query: RawQuery): RawQuery {
  const { cursor: _page, ...rest } = query;
  return rest;
}

/** The view's filters as the queue reads them, checked as the queue checks its address. */
function parsedQuery(deps: AppDeps, query: RawQuery, staff: StaffPrincipal) {
  const parsed = queueQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw problems.validation(
      fieldErrorsFromZod(parsed.error).map((e) => ({ ...e, field: `query.${e.field}` })),
    );
  }
  return { query: parsed.data, filters: queueFilters(deps, parsed.data, staff) };
}

/** How many requests a view holds now: in its statuses, or in any. */
async function countOf(deps: AppDeps, row: SavedViewRow, staff: StaffPrincipal) {
  const { query, filters } = parsedQuery(deps, row.query, staff);
  const counts = await countQueueByStatus(deps.db, filters, deps.clock.now());
  const counted: readonly Status[] = query.status ?? statuses;
  return counted.reduce((sum: number, status) => sum + (counts[status] ?? 0), 0);
}

/** The views a staff member sees, each with its link and how many requests it holds now. */
export async function viewsFor(deps: AppDeps, staff: StaffPrincipal) {
  const rows = await listSavedViews(deps.db, staff.id);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      name: row.name,
      shared: row.ownerId === null,
      query: row.query,
      href: queueHref(row.query),
      // A view whose filters no longer hold (a service taken off the list) still shows, uncounted.
      count: await countOf(deps, row, staff).catch(() => null),
    })),
  );
}

export async function saveView(deps: AppDeps, actor: Actor, input: SavedViewInput) {
  const staff = staffOf(actor);
  if (input.shared && staff.role !== "admin") {
    throw problems.forbidden("Only admins share views with the whole desk; keep it as your own.");
  }
  const query = filtersOnly(input.query);
  parsedQuery(deps, query, staff);
  const ownerId = input.shared ? null : staff.id;
  if ((await countSavedViews(deps.db, ownerId)) >= MAX_VIEWS) {
    throw problems.validation([
      {
        field: "name",
        message: `Keep at most ${MAX_VIEWS} views; delete one first.`,
        code: "too_many_views",
      },
    ]);
  }
  const row = await createSavedView(
    deps.db,
    { name: input.name, query, ownerId, at: deps.clock.now() },
    (created) =>
      auditEntry(deps, actor, {
        action: "view.create",
        target: String(created.id),
        detail: { name: created.name, shared: input.shared },
      }),
  );
  return { id: row.id, name: row.name, shared: ownerId === null, query, href: queueHref(query) };
}

/** Deletes one's own view, or (admins) a shared one; others' views are not there for the caller. */
export async function removeView(deps: AppDeps, actor: Actor, id: number) {
  const staff = staffOf(actor);
  const row = await getSavedView(deps.db, id);
  if (!row || (row.ownerId !== null && row.ownerId !== staff.id)) {
    throw problems.notFound("There is no such view.");
  }
  if (row.ownerId === null && staff.role !== "admin") {
    throw problems.forbidden("Only admins delete the desk's shared views.");
  }
  await deleteSavedView(
    deps.db,
    id,
    auditEntry(deps, actor, {
      action: "view.delete",
      target: String(id),
      detail: { name: row.name },
    }),
  );
}
