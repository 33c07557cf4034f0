import { type AuditEntry, type RequestRow, StaleRequestError } from "@frontline/db";
import type { StaffPrincipal } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";

/** Who acts, and from where (for the audit log). */
export interface Caller {
  readonly staff: StaffPrincipal;
  readonly address: string;
}

/** The caller's view must be the current one; otherwise the change could undo someone's work. */
export function ensureCurrent(row: RequestRow, version: number) {
  if (row.version !== version) throw problems.stale();
}

export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StaleRequestError) throw problems.stale();
    throw error;
  }
}

/** The audit entry of a desk change to a request; the change's own transaction writes it. */
export function auditEntry(
  deps: AppDeps,
  caller: Caller,
  action: string,
  row: RequestRow,
  detail: Record<string, unknown> = {},
): AuditEntry {
  return {
    at: deps.clock.now(),
    actorId: caller.staff.id,
    actorLabel: caller.staff.email,
    action,
    target: row.number,
    detail,
    clientAddress: caller.address,
  };
}
