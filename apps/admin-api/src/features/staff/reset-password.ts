import { type StaffUserRow, setStaffPassword } from "@frontline/db";
import { type AccountDeps, type Actor, auditEntry } from "../../platform/actor.ts";
import { generatePassword, hashPassword } from "../../platform/passwords.ts";
import { problems } from "../../platform/problems.ts";
import { requireUser } from "./accounts.ts";

/**
 * Gives a user a new one-time password, signs them out everywhere and
 * revokes their API tokens: a reset is what an admin does when a password
 * or a token may be in the wrong hands.
 */
export async function resetPassword(
  deps: AccountDeps,
  actor: Actor,
  id: number,
): Promise<{ user: StaffUserRow; oneTimePassword: string; revokedTokens: number }> {
  await requireUser(deps, id);
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const changed = await setStaffPassword(
    deps.db,
    id,
    { passwordHash, mustChangePassword: true },
    deps.clock.now(),
    ({ user, revokedTokens, endedSessions }) =>
      auditEntry(deps, actor, {
        action: "password.reset",
        target: user.email,
        detail: { userId: id, revokedTokens, endedSessions },
      }),
  );
  if (!changed) throw problems.notFound("There is no user with this id.");
  const { user, revokedTokens } = changed;
  return { user, oneTimePassword, revokedTokens };
}
