import {
  type AuditEntry,
  type StaffChanges,
  type StaffUserRow,
  updateStaffUser,
} from "@frontline/db";
import { type AccountDeps, type Actor, auditEntry } from "../../platform/actor.ts";
import { problems } from "../../platform/problems.ts";

/**
 * Renames, re-roles, disables or enables a user, refusing to leave the desk
 * without an enabled admin. Each kind of change is its own audit entry so
 * the log can be filtered by it.
 */
export async function changeUser(
  deps: AccountDeps,
  actor: Actor,
  id: number,
  changes: StaffChanges,
): Promise<StaffUserRow> {
  const result = await updateStaffUser(deps.db, id, changes, deps.clock.now(), (update) =>
    changeEntries(deps, actor, update),
  );
  if (result.outcome === "not-found") throw problems.notFound("There is no user with this id.");
  if (result.outcome === "last-admin") {
    throw problems.lastAdmin();
  }
  return result.user;
}

/** One audit entry per kind of change, so the log can be filtered by it. */
function changeEntries(
  deps: AccountDeps,
  actor: Actor,
  { before, user }: { before: StaffUserRow; user: StaffUserRow },
): AuditEntry[] {
  const entry = (action: string, detail: Record<string, unknown>) =>
    auditEntry(deps, actor, { action, target: user.email, detail: { userId: user.id, ...detail } });
  const entries: AuditEntry[] = [];
  if (before.name !== user.name) {
    entries.push(entry("user.rename", { from: before.name, to: user.name }));
  }
  if (before.role !== user.role) {
    entries.push(entry("user.role", { from: before.role, to: user.role }));
  }
  if (before.disabled !== user.disabled) {
    entries.push(entry(user.disabled ? "user.disable" : "user.enable", {}));
  }
  return entries;
}
