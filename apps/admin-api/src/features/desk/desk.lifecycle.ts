import { checkTransition, label, mergedNotice, type Status, statusLabels } from "@frontline/core";
import { changeStatus, getRequestByNumber, mergeRequest, type RequestRow } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import type { Problem } from "../../platform/problem.ts";
import { problems } from "../../platform/problems.ts";
import { replyMail, statusMail } from "../requests/request-mail.ts";
import { auditEntry, type Caller, ensureCurrent, guarded } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";

// Status changes and merges: only what core's lifecycle allows staff, else 409 with the reason.

const statusName = (status: Status) => label(statusLabels[status], "en").toLowerCase();

function refusal(row: RequestRow, to: Status, reason: string): Problem {
  const reasons: Record<string, string> = {
    "same-status": `The request is already ${statusName(to)}.`,
    "actor-not-allowed": `Staff cannot move a request from ${statusName(row.status)} to ${statusName(to)}.`,
  };
  return problems.transitionNotAllowed(
    reasons[reason] ??
      `A request that is ${statusName(row.status)} cannot be moved to ${statusName(to)}.`,
  );
}

export async function moveStatus(
  deps: AppDeps,
  caller: Caller,
  row: RequestRow,
  input: { version: number; status: Status },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const to = input.status;
  if (to === "escalated" && row.status !== "escalated") {
    throw problems.escalationNeedsPacket();
  }
  const now = deps.clock.now();
  const role = deskActor(caller.staff).role;
  const check = checkTransition(row.status, to, role, { now, resolvedAt: row.resolvedAt });
  if (!check.ok) throw refusal(row, to, check.reason);
  const updated = await guarded(() =>
    changeStatus(
      deps.db,
      {
        requestId: row.id,
        from: row.status,
        to,
        actor: role,
        at: now,
        expectedVersion: input.version,
        audit: auditEntry(deps, caller, "request.status", row, { from: row.status, to }),
      },
      statusMail(deps.config, row, to),
    ),
  );
  return updated;
}

export async function merge(
  deps: AppDeps,
  caller: Caller,
  row: RequestRow,
  input: { version: number; into: string },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const intoNumber = input.into.trim().toUpperCase();
  const into = await getRequestByNumber(deps.db, intoNumber);
  const invalid = (message: string) =>
    problems.validation([{ field: "into", message, code: "invalid_merge_target" }]);
  if (!into) throw invalid(`There is no request ${input.into}.`);
  if (into.id === row.id) throw invalid("A request cannot be merged into itself.");
  if (into.status === "closed") {
    throw problems.mergeTargetClosed(into.number);
  }
  const now = deps.clock.now();
  const by = deskActor(caller.staff);
  const check = checkTransition(row.status, "closed", by.role, { now, resolvedAt: row.resolvedAt });
  if (!check.ok) throw refusal(row, "closed", check.reason);
  const customerMessage = mergedNotice(row.locale, into.number);
  const updated = await guarded(() =>
    mergeRequest(
      deps.db,
      {
        duplicate: row,
        expectedVersion: input.version,
        into,
        by,
        at: now,
        customerMessage,
        note: `${row.number} (${row.contactName}, ${row.organisation}) was merged into this request as a duplicate: ${row.subject}`,
        audit: auditEntry(deps, caller, "request.merge", row, { into: into.number }),
      },
      replyMail(deps.config, row, customerMessage),
    ),
  );
  return updated;
}
