import { mergedNotice } from "@frontline/core";
import { getRequestByNumber, mergeRequest, type RequestRow } from "@frontline/db";
import { type Actor, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { ensureMayMoveStatus } from "../requests/move-request-status.ts";
import { replyMail } from "../requests/request-mail.ts";
import { ensureCurrent, guarded, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";

// Closes a duplicate into the request that carries on.

export async function mergeInto(
  deps: AppDeps,
  actor: Actor,
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
  const by = deskActor(staffOf(actor));
  ensureMayMoveStatus(deps, row, "closed", by.role);
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
        audit: requestAudit(deps, actor, "request.merge", row, { into: into.number }),
      },
      replyMail(deps.config, row, customerMessage),
    ),
  );
  return updated;
}
