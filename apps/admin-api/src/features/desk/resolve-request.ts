import { staffOf } from "../../platform/actor.ts";
import { problems } from "../../platform/problems.ts";
import { moveRequestStatus } from "../requests/move-request-status.ts";
import { deskAction, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";

/**
 * Resolves a request with the text the customer reads: a public reply and
 * the move to resolved in one transaction, and one email that carries both.
 * After an operator's resolution this is how the partner words it.
 */
export const resolveRequest = deskAction<{ version: number; body: string }>(
  async (deps, actor, row, input) =>
    moveRequestStatus(
      deps,
      row,
      "resolved",
      deskActor(staffOf(actor)).role,
      {
        expectedVersion: input.version,
        message: { type: "reply", body: input.body },
        audit: requestAudit(deps, actor, "request.resolve", row, { from: row.status }),
      },
      problems.stale,
    ),
);
