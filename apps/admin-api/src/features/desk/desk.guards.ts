import { type AuditEntry, type RequestRow, StaleRequestError } from "@frontline/db";
import { type Actor, auditEntry, staffOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { asAttachmentProblem } from "../attachments/attachments.use-cases.ts";
import { deskActor } from "./desk.staff.ts";

/** The caller's view must be the current one; otherwise the change could undo someone's work. */
function ensureCurrent(row: RequestRow, version: number) {
  if (row.version !== version) throw problems.stale();
}

/** What the caller of a desk action sends: at least the version of the request they read. */
type Sent = { readonly version: number };

/** One desk action on a request, with what the caller sent; answers the request after it. */
export type DeskChange<I extends Sent> = (
  deps: AppDeps,
  actor: Actor,
  row: RequestRow,
  input: I,
) => Promise<RequestRow>;

/** Every desk action first refuses a stale view (ensureCurrent), then changes the request. */
export function deskAction<I extends Sent>(change: DeskChange<I>): DeskChange<I> {
  return async (deps, actor, row, input) => {
    ensureCurrent(row, input.version);
    return change(deps, actor, row, input);
  };
}

export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StaleRequestError) throw problems.stale();
    throw asAttachmentProblem(error);
  }
}

/** The audit entry of a desk change to a request; the change's own transaction writes it. */
export function requestAudit(
  deps: AppDeps,
  actor: Actor,
  action: string,
  row: RequestRow,
  detail: Record<string, unknown> = {},
): AuditEntry {
  return auditEntry(deps, actor, { action, target: row.number, detail });
}

/**
 * What every desk change to a request starts with: which request, the
 * version the caller read (a stale one is refused), who, and when.
 */
export function deskChange(deps: AppDeps, actor: Actor, row: RequestRow, version: number) {
  return {
    requestId: row.id,
    expectedVersion: version,
    by: deskActor(staffOf(actor)),
    at: deps.clock.now(),
  };
}
