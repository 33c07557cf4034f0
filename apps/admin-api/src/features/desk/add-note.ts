import { addInternalNote, type RequestRow } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { deskChange, ensureCurrent, guarded, requestAudit } from "./desk.guards.ts";

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
      ...deskChange(deps, actor, row, input.version),
      body: input.body,
      audit: requestAudit(deps, actor, "request.note", row),
    }),
  );
  return updated;
}
