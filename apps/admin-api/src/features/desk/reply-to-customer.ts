import type { CannedReplyStatus } from "@frontline/core";
import { staffOf } from "../../platform/actor.ts";
import { problems } from "../../platform/problems.ts";
import { replyAsPartner } from "../requests/reply-as-partner.ts";
import { deskAction, guarded, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";
import { requestForDesk } from "./desk.use-cases.ts";
import { replyAndMove } from "./resolve-request.ts";

/**
 * A public reply, mailed to the customer; the first one stops the
 * first-response clock and opens a new request. With a status (as a canned
 * reply brings), the reply and the move are one change with one email.
 */
export const replyToCustomer = deskAction<{
  version: number;
  body: string;
  attachments?: readonly string[] | undefined;
  status?: CannedReplyStatus | undefined;
}>(async (deps, actor, row, input) => {
  if (row.status === "closed") {
    throw problems.requestClosed(
      "Reopen it first (only a resolved request can be reopened), or answer on the request it was merged into.",
    );
  }
  const to = input.status;
  if (to && to !== row.status && !(row.status === "new" && to === "open")) {
    return replyAndMove(deps, actor, row, input, to, {
      action: "request.reply",
      detail: { from: row.status, to },
    });
  }
  await guarded(() =>
    replyAsPartner(deps, row, {
      body: input.body,
      attachments: input.attachments,
      actor: deskActor(staffOf(actor)).role,
      audit: requestAudit(deps, actor, "request.reply", row),
    }),
  );
  return requestForDesk(deps, row.number);
});
