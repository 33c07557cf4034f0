import type { Status } from "@frontline/core";
import type { RequestRow } from "@frontline/db";
import { type Actor, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { uploadHashes } from "../attachments/attachments.use-cases.ts";
import { moveRequestStatus } from "../requests/move-request-status.ts";
import { deskAction, guarded, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";

/**
 * A public reply and a status move as one change: one transaction, one
 * email that carries the text. Resolving is this with "resolved"; so is a
 * reply that brings a status, as a canned reply may.
 */
export function replyAndMove(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  reply: { version: number; body: string; attachments?: readonly string[] | undefined },
  to: Status,
  audit: { action: string; detail: Record<string, unknown> },
) {
  return guarded(() =>
    moveRequestStatus(
      deps,
      row,
      to,
      deskActor(staffOf(actor)).role,
      {
        expectedVersion: reply.version,
        message: { type: "reply", body: reply.body, attachments: uploadHashes(reply.attachments) },
        audit: requestAudit(deps, actor, audit.action, row, audit.detail),
      },
      problems.stale,
    ),
  );
}

/**
 * Resolves a request with the text the customer reads: a public reply and
 * the move to resolved in one transaction, and one email that carries both.
 * After an operator's resolution this is how the partner words it.
 */
export const resolveRequest = deskAction<{ version: number; body: string }>(
  async (deps, actor, row, input) =>
    replyAndMove(deps, actor, row, input, "resolved", {
      action: "request.resolve",
      detail: { from: row.status },
    }),
);
