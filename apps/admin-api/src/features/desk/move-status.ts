import type { Status } from "@frontline/core";
import type { RequestRow } from "@frontline/db";
import { type Actor, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { moveRequestStatus } from "../requests/move-request-status.ts";
import { ensureCurrent, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";

// Moves a request as the lifecycle allows staff; escalating needs its own form.

export async function moveStatus(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: { version: number; status: Status },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const to = input.status;
  if (to === "escalated" && row.status !== "escalated") {
    throw problems.escalationNeedsPacket();
  }
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
}
