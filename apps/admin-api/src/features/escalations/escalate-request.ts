import type { EscalationPacket } from "@frontline/core";
import { createEscalation, type RequestRow, StaleRequestError } from "@frontline/db";
import { type Actor, auditEntry, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { mayMoveStatus } from "../requests/move-request-status.ts";
import { statusMail } from "../requests/request-mail.ts";
import { escalationView, readinessOf } from "./escalations.use-cases.ts";

/** Escalates, or refuses with every missing item named so the partner fixes them at once. */
export async function escalateRequest(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  version: number,
  packet: EscalationPacket,
) {
  const staff = staffOf(actor);
  if (row.version !== version) throw problems.stale();
  const now = deps.clock.now();
  const readiness = readinessOf(packet, now);
  if (!readiness.ready) {
    throw problems.escalationNotReady(
      readiness.missing.map((m) => m.message).join("; "),
      readiness.missing.map((m) => ({ field: m.item, message: m.message, code: "missing" })),
    );
  }
  const role = staff.role === "admin" ? "admin" : "agent";
  if (!mayMoveStatus(deps, row, "escalated", role)) {
    throw problems.transitionNotAllowed(
      `A request that is ${row.status} cannot be escalated.`,
      "This request cannot be escalated now",
    );
  }
  try {
    const created = await createEscalation(
      deps.db,
      { request: row, packet, byId: staff.id, byRole: role, at: now },
      statusMail(deps, row, "escalated"),
      (escalation) =>
        auditEntry(deps, actor, {
          action: "request.escalate",
          target: row.number,
          detail: { escalationId: escalation.id },
        }),
    );
    return escalationView(deps, created, row);
  } catch (error) {
    if (error instanceof StaleRequestError) throw problems.stale();
    throw error;
  }
}
