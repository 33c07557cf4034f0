import {
  createStaffUser,
  findStaffByEmail,
  type StaffUserRow,
  violatesUnique,
} from "@frontline/db";
import { type AccountDeps, type Actor, auditEntry } from "../../platform/actor.ts";
import { generatePassword, hashPassword } from "../../platform/passwords.ts";
import { problems } from "../../platform/problems.ts";
import type { NewUser } from "./accounts.ts";

/**
 * Creates a user who must choose their own password at first sign-in; an
 * admin-chosen password is known to the admin, so it is one-time too.
 * Returns the generated password, which is shown once and never stored.
 */
export async function createUser(
  deps: AccountDeps,
  actor: Actor,
  input: NewUser,
): Promise<{ user: StaffUserRow; oneTimePassword: string | null }> {
  if (await findStaffByEmail(deps.db, input.email)) throw problems.emailTaken();
  const oneTimePassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? oneTimePassword ?? "");
  let user: StaffUserRow;
  try {
    user = await createStaffUser(
      deps.db,
      {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        mustChangePassword: true,
      },
      deps.clock.now(),
      (created) =>
        auditEntry(deps, actor, {
          action: "user.create",
          target: created.email,
          detail: { userId: created.id, role: created.role, name: created.name },
        }),
    );
  } catch (error) {
    // Someone else took the email while the password was hashing.
    if (violatesUnique(error, "staff_users", "email")) throw problems.emailTaken();
    throw error;
  }
  return { user, oneTimePassword };
}
