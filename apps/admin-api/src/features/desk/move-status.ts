import type { Status } from "@frontline/core";
import { staffOf } from "../../platform/actor.ts";
import { problems } from "../../platform/problems.ts";
import { moveRequestStatus } from "../requests/move-request-status.ts";
import { deskAction, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";

// Moves a request as the lifecycle allows staff; escalating and resolving need their own forms.

export const moveStatus = deskAction<{ version: number; status: Status }>(
  async (deps, actor, row, input) => {
    const to = input.status;
    if (to === "escalated" && row.status !== "escalated") {
      throw problems.escalationNeedsPacket();
    }
    if (to === "resolved" && row.status !== "resolved") throw problems.resolutionNeedsMessage();
    return moveRequestStatus(
      deps,
      row,
      to,
      deskActor(staffOf(actor)).role,
      {
        expectedVersion: input.version,
        audit: requestAudit(deps, actor, "request.status", row, { from: row.status, to }),
      },
      problems.stale,
    );
  },
);
