import { mergedNotice } from "@frontline/core";
import { getRequestByNumber, mergeRequest } from "@frontline/db";
import { staffOf } from "../../platform/actor.ts";
import { problems } from "../../platform/problems.ts";
import { ensureMayMoveStatus } from "../requests/move-request-status.ts";
import { replyMail } from "../requests/request-mail.ts";
import { deskAction, guarded, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";

// Closes a duplicate into the request that carries on.

export const mergeInto = deskAction<{ version: number; into: string }>(
  async (deps, actor, row, input) => {
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
        replyMail(deps, row, customerMessage),
      ),
    );
    return updated;
  },
);
