import {
  canMoveEscalation,
  type EscalationStatus,
  finishedEscalationStatuses,
} from "@frontline/core";
import {
  type EscalationRow,
  type RequestRow,
  StaleRequestError,
  updateEscalation,
} from "@frontline/db";
import { type Actor, auditEntry, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { statusMail } from "../requests/request-mail.ts";
import { escalationView, requestMoves } from "./escalations.use-cases.ts";

export async function updateAsOperator(
  deps: AppDeps,
  actor: Actor,
  { escalation, request }: { escalation: EscalationRow; request: RequestRow },
  update: {
    version: number;
    status?: EscalationStatus;
    operatorReference?: string;
    message?: string;
  },
) {
  const staff = staffOf(actor);
  if (escalation.version !== update.version) throw problems.stale();
  if (finishedEscalationStatuses.includes(escalation.status)) {
    throw problems.escalationFinished(escalation.status);
  }
  if (
    update.status &&
    update.status !== escalation.status &&
    !canMoveEscalation(escalation.status, update.status)
  ) {
    throw problems.transitionNotAllowed(
      `An escalation that is ${escalation.status} cannot become ${update.status}.`,
    );
  }
  // A finished escalation was refused above, so this is the move to resolved.
  if (update.status === "resolved" && !update.message) {
    throw problems.validation([
      {
        field: "message",
        message: "Say what fixed it: the partner words the customer's resolution from it.",
        code: "required",
      },
    ]);
  }
  const moveTo =
    update.status && update.status !== escalation.status ? requestMoves[update.status] : undefined;
  const role = staff.role === "admin" ? "admin" : "operator";
  try {
    const updated = await updateEscalation(
      deps.db,
      {
        escalation,
        version: update.version,
        ...(update.status ? { status: update.status } : {}),
        ...(update.operatorReference ? { operatorReference: update.operatorReference } : {}),
        ...(update.message ? { message: update.message } : {}),
        actorRole: role,
        at: deps.clock.now(),
        ...(moveTo && request.status === "escalated"
          ? {
              requestMove: {
                request,
                to: moveTo,
                // The partner writes to the customer once it has worded the resolution.
                ...(update.status === "resolved"
                  ? {}
                  : { mail: statusMail(deps, request, moveTo) }),
              },
            }
          : {}),
      },
      (row) =>
        auditEntry(deps, actor, {
          action: "escalation.update",
          target: request.number,
          detail: {
            escalationId: row.id,
            status: row.status,
            operatorReference: row.operatorReference,
          },
        }),
    );
    return escalationView(deps, updated, request);
  } catch (error) {
    if (error instanceof StaleRequestError) throw problems.stale();
    throw error;
  }
}
