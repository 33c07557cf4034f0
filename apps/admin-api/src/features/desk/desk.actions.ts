import type { CategoryId, SeverityId } from "@frontline/core";
import {
  addInternalNote,
  assignRequest,
  classifyRequest,
  getIncident,
  getStaffUser,
  linkIncident,
  type RequestRow,
} from "@frontline/db";
import { type Actor, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { replyAsPartner } from "../requests/requests.use-cases.ts";
import { ensureCurrent, guarded, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";
import { requestForDesk } from "./desk.use-cases.ts";

// The desk's actions that leave the lifecycle alone. Each checks the version the
// caller read, writes the timeline and the audit log, and answers the request now.

export async function assign(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: { version: number; assigneeId: number | "me" | null },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const targetId = input.assigneeId === "me" ? staffOf(actor).id : input.assigneeId;
  let to: { id: number; name: string } | null = null;
  if (targetId !== null) {
    const user = await getStaffUser(deps.db, targetId);
    if (!user || user.disabled || user.role === "operator") {
      throw problems.validation([
        {
          field: "assigneeId",
          message: "Assign requests to an active admin or agent.",
          code: "invalid_assignee",
        },
      ]);
    }
    to = { id: user.id, name: user.name };
  }
  if (row.assigneeId === targetId) return row;
  const updated = await guarded(() =>
    assignRequest(deps.db, {
      requestId: row.id,
      expectedVersion: input.version,
      by: deskActor(staffOf(actor)),
      at: deps.clock.now(),
      from: row.assigneeId,
      to,
      audit: requestAudit(deps, actor, "request.assign", row, {
        from: row.assigneeId,
        to: targetId,
      }),
    }),
  );
  return updated;
}

export async function classify(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: { version: number; severity?: SeverityId; category?: CategoryId },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const changes: string[] = [];
  if (input.severity && input.severity !== row.severity) {
    changes.push(`severity ${row.severity} → ${input.severity}`);
  }
  if (input.category && input.category !== row.category) {
    changes.push(`category ${row.category} → ${input.category}`);
  }
  if (changes.length === 0) return row;
  const summary = `${changes.join("; ")}.`;
  const updated = await guarded(() =>
    classifyRequest(deps.db, {
      requestId: row.id,
      expectedVersion: input.version,
      by: deskActor(staffOf(actor)),
      at: deps.clock.now(),
      ...(input.severity ? { severity: input.severity } : {}),
      ...(input.category ? { category: input.category } : {}),
      before: { severity: row.severity, category: row.category },
      summary: summary.charAt(0).toUpperCase() + summary.slice(1),
      audit: (after) =>
        requestAudit(deps, actor, "request.classify", row, {
          from: { severity: row.severity, category: row.category },
          to: { severity: after.severity, category: after.category },
        }),
    }),
  );
  return updated;
}

/** A public reply, mailed to the customer; the first one stops the first-response clock. */
export async function reply(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: { version: number; body: string },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  if (row.status === "closed") {
    throw problems.requestClosed(
      "Reopen it first (only a resolved request can be reopened), or answer on the request it was merged into.",
    );
  }
  await replyAsPartner(
    deps,
    row,
    input.body,
    deskActor(staffOf(actor)).role,
    requestAudit(deps, actor, "request.reply", row),
  );
  return requestForDesk(deps, row.number);
}

export async function note(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: { version: number; body: string },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const updated = await guarded(() =>
    addInternalNote(deps.db, {
      requestId: row.id,
      expectedVersion: input.version,
      by: deskActor(staffOf(actor)),
      at: deps.clock.now(),
      body: input.body,
      audit: requestAudit(deps, actor, "request.note", row),
    }),
  );
  return updated;
}

export async function linkToIncident(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: { version: number; incidentId: number | null },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const incident = input.incidentId === null ? null : await getIncident(deps.db, input.incidentId);
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
      requestId: row.id,
      expectedVersion: input.version,
      by: deskActor(staffOf(actor)),
      at: deps.clock.now(),
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
}
