import { countStaffUsers, createFirstStaffUser } from "@frontline/db";
import { type AccountDeps, auditEntry, systemActor } from "../../platform/actor.ts";
import { generatePassword, hashPassword } from "../../platform/passwords.ts";

export const FIRST_ADMIN_EMAIL = "admin@frontline.local";

export interface FirstAdmin {
  readonly email: string;
  /** One-time: the console asks for a new one at first sign-in. */
  readonly password: string;
}

/**
 * On an empty database, creates the first admin with a one-time password
 * so someone can sign in at all. Does nothing once any user exists.
 */
export async function createFirstAdmin(deps: AccountDeps): Promise<FirstAdmin | null> {
  if ((await countStaffUsers(deps.db)) > 0) return null;
  const password = generatePassword();
  const user = await createFirstStaffUser(
    deps.db,
    {
      email: FIRST_ADMIN_EMAIL,
      name: "Administrator",
      role: "admin",
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
    deps.clock.now(),
    (created) =>
      auditEntry(deps, systemActor, {
        action: "user.create",
        target: created.email,
        detail: { userId: created.id, role: created.role, name: created.name, firstStart: true },
      }),
  );
  // Another process won the race and made the first admin; it prints the password.
  if (!user) return null;
  return { email: user.email, password };
}

/** What the server prints on first start; the password is never shown again. */
export function firstAdminNotice(admin: FirstAdmin, consoleUrl: string): string {
  const rule = "=".repeat(64);
  return [
    rule,
    "  The database had no users, so a first admin account was created:",
    "",
    `    email:              ${admin.email}`,
    `    one-time password:  ${admin.password}`,
    "",
    `  Sign in at ${consoleUrl} and choose your own password:`,
    "  this one must be changed at first sign-in and is not shown again.",
    "  Lost it? Run: npm run admin -- reset-password --email admin@frontline.local",
    rule,
  ].join("\n");
}
