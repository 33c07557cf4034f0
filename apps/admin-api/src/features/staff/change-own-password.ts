import { type StaffUserRow, setStaffPassword } from "@frontline/db";
import type { z } from "@hono/zod-openapi";
import { type AccountDeps, type Actor, auditEntry } from "../../platform/actor.ts";
import { hashPassword, verifyPassword } from "../../platform/passwords.ts";
import { problems } from "../../platform/problems.ts";
import { type passwordChangeSchema, requireUser } from "./accounts.ts";

/**
 * Changes one's own password after checking the current one. The session
 * making the change stays; every other session ends and every API token of
 * the user is revoked (new ones are made from the console).
 */
export async function changeOwnPassword(
  deps: AccountDeps,
  actor: Actor,
  input: z.infer<typeof passwordChangeSchema>,
  keepSession: string | null,
): Promise<{ user: StaffUserRow; revokedTokens: number }> {
  if (actor.id === null) throw problems.notFound("There is no user with this id.");
  const user = await requireUser(deps, actor.id);
  const errors = [];
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    errors.push({ field: "current", message: "This is not your current password.", code: "wrong" });
  } else if (input.password === input.current) {
    errors.push({
      field: "password",
      message: "Choose a password different from the current one.",
      code: "unchanged",
    });
  }
  if (input.confirm !== input.password) {
    errors.push({ field: "confirm", message: "The two new passwords differ.", code: "mismatch" });
  }
  if (errors.length) throw problems.validation(errors);
  const updated = await setStaffPassword(
    deps.db,
    user.id,
    { passwordHash: await hashPassword(input.password), mustChangePassword: false, keepSession },
    deps.clock.now(),
    ({ revokedTokens, endedSessions }) =>
      auditEntry(deps, actor, {
        action: "password.change",
        target: user.email,
        detail: { userId: user.id, revokedTokens, endedSessions },
      }),
  );
  if (!updated) throw problems.notFound("There is no user with this id.");
  return { user: updated.user, revokedTokens: updated.revokedTokens };
}
