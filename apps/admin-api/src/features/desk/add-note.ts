import { addInternalNote, type RequestRow } from "@frontline/db";
import { type Actor, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { ensureCurrent, guarded, requestAudit } from "./desk.guards.ts";
import { deskActor } from "./desk.staff.ts";

// An internal note: the partner's own record, never shown or mailed to the customer.

export async function addNote(
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: { version: number; body: string },
): Promise<RequestRow> {
  ensureCurrent(row, input.version);
  const updated = await guarded(() =>
    addInternalNote(deps.db, {
      requestId: row.id,
      expectedVersion: input.version,
      by: deskActor(staffOf(actor)),
      at: deps.clock.now(),
      body: input.body,
      audit: requestAudit(deps, actor, "request.note", row),
    }),
  );
  return updated;
}
