import { staffOf } from "../../platform/actor.ts";
import { problems } from "../../platform/problems.ts";
import { replyAsPartner } from "../requests/reply-as-partner.ts";
import { deskAction, guarded, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";
import { requestForDesk } from "./desk.use-cases.ts";

/** A public reply, mailed to the customer; the first one stops the first-response clock and opens a new request. */
export const replyToCustomer = deskAction<{
  version: number;
  body: string;
  attachments?: readonly string[] | undefined;
}>(async (deps, actor, row, input) => {
  if (row.status === "closed") {
    throw problems.requestClosed(
      "Reopen it first (only a resolved request can be reopened), or answer on the request it was merged into.",
    );
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
