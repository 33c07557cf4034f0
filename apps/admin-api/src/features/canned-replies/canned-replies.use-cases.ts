import { type CannedReplyInput, fillCannedReply } from "@frontline/core";
import {
  type CannedReplyRow,
  createCannedReply,
  deleteCannedReply,
  getCannedReply,
  listCannedReplies,
  type RequestRow,
  updateCannedReply,
} from "@frontline/db";
import { type Actor, auditEntry, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";

/** A canned reply as the API and the pages show it. */
export function cannedReplyView(row: CannedReplyRow) {
  return {
    id: row.id,
    title: row.title,
    locale: row.locale,
    body: row.body,
    status: row.status,
    shared: row.ownerId === null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The texts a staff member may use: the shared ones and their own. For a
 * request, each comes filled for it, those in the customer's language first.
 */
export async function cannedRepliesFor(deps: AppDeps, actor: Actor, request?: RequestRow) {
  const rows = await listCannedReplies(deps.db, staffOf(actor).id);
  if (!request) return rows.map((row) => ({ ...cannedReplyView(row), filled: null }));
  const first = rows.filter((r) => r.locale === request.locale);
  const rest = rows.filter((r) => r.locale !== request.locale);
  return [...first, ...rest].map((row) => ({
    ...cannedReplyView(row),
    filled: fillCannedReply(row.body, {
      customerName: request.contactName,
      requestNumber: request.number,
      requestSubject: request.subject,
      articleUrl: (slug) => `${deps.config.publicUrl}/${request.locale}/articles/${slug}/`,
    }),
  }));
}

const onlyAdminsShare = () =>
  problems.forbidden("Only admins share canned replies with the whole desk; keep it as your own.");

/** A text the caller may change: their own, or (admins) a shared one; others' are not there for them. */
async function changeable(deps: AppDeps, actor: Actor, id: number): Promise<CannedReplyRow> {
  const staff = staffOf(actor);
  const row = await getCannedReply(deps.db, id);
  if (!row || (row.ownerId !== null && row.ownerId !== staff.id)) {
    throw problems.notFound("There is no such canned reply.");
  }
  if (row.ownerId === null && staff.role !== "admin") throw onlyAdminsShare();
  return row;
}

const fieldsOf = (input: CannedReplyInput, ownerId: number | null) => ({
  title: input.title,
  locale: input.locale,
  body: input.body,
  status: input.status,
  ownerId,
});

export async function addCannedReply(deps: AppDeps, actor: Actor, input: CannedReplyInput) {
  const staff = staffOf(actor);
  if (input.shared && staff.role !== "admin") throw onlyAdminsShare();
  const row = await createCannedReply(
    deps.db,
    fieldsOf(input, input.shared ? null : staff.id),
    deps.clock.now(),
    (created) =>
      auditEntry(deps, actor, {
        action: "canned-reply.create",
        target: String(created.id),
        detail: { title: created.title, shared: input.shared },
      }),
  );
  return cannedReplyView(row);
}

export async function changeCannedReply(
  deps: AppDeps,
  actor: Actor,
  id: number,
  input: CannedReplyInput,
) {
  const staff = staffOf(actor);
  const row = await changeable(deps, actor, id);
  if (input.shared && staff.role !== "admin") throw onlyAdminsShare();
  const owner = input.shared ? null : (row.ownerId ?? staff.id);
  const updated = await updateCannedReply(
    deps.db,
    id,
    fieldsOf(input, owner),
    deps.clock.now(),
    auditEntry(deps, actor, {
      action: "canned-reply.change",
      target: String(id),
      detail: { title: input.title, shared: input.shared },
    }),
  );
  if (!updated) throw problems.notFound("There is no such canned reply.");
  return cannedReplyView(updated);
}

export async function removeCannedReply(deps: AppDeps, actor: Actor, id: number) {
  const row = await changeable(deps, actor, id);
  await deleteCannedReply(
    deps.db,
    id,
    auditEntry(deps, actor, {
      action: "canned-reply.delete",
      target: String(id),
      detail: { title: row.title },
    }),
  );
}
