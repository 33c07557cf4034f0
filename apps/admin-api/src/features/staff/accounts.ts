import {
  type AuditEntry,
  createStaffUser,
  findStaffByEmail,
  getStaffUser,
  type StaffChanges,
  type StaffUserRow,
  setStaffPassword,
  updateStaffUser,
} from "@frontline/db";
import { z } from "@hono/zod-openapi";
import { type AccountDeps, type Actor, auditEntry } from "../../platform/actor.ts";
import { generatePassword, hashPassword, verifyPassword } from "../../platform/passwords.ts";
import { problems } from "../../platform/problems.ts";

export const staffRoles = ["admin", "agent", "operator"] as const;

export const roleSchema = z.enum(staffRoles, { message: "Choose admin, agent or operator." });
export const emailSchema = z
  .string({ message: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter an email address like name@example.com."));
export const nameSchema = z
  .string({ message: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");
/** Length is what makes a password strong; 12 characters is the floor, 200 keeps hashing cheap. */
export const newPasswordSchema = z
  .string({ message: "Enter a password." })
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.");

export const newUserSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema,
    password: newPasswordSchema.optional().openapi({
      description:
        "Leave out to have one generated. Either way the user must change it at first sign-in.",
    }),
  })
  .strict();
export type NewUser = z.infer<typeof newUserSchema>;

/** A user as the API and the console show it: never the hash. */
export function publicUser(user: StaffUserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

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
    if (String(error).includes("UNIQUE")) throw problems.emailTaken();
    throw error;
  }
  return { user, oneTimePassword };
}

export async function requireUser(deps: AccountDeps, id: number): Promise<StaffUserRow> {
  const user = await getStaffUser(deps.db, id);
  if (!user) throw problems.notFound("There is no user with this id.");
  return user;
}

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
  const target = user.email;
  const userId = user.id;
  const entries: AuditEntry[] = [];
  if (before.name !== user.name) {
    entries.push(
      auditEntry(deps, actor, {
        action: "user.rename",
        target,
        detail: { userId, from: before.name, to: user.name },
      }),
    );
  }
  if (before.role !== user.role) {
    entries.push(
      auditEntry(deps, actor, {
        action: "user.role",
        target,
        detail: { userId, from: before.role, to: user.role },
      }),
    );
  }
  if (before.disabled !== user.disabled) {
    entries.push(
      auditEntry(deps, actor, {
        action: user.disabled ? "user.disable" : "user.enable",
        target,
        detail: { userId },
      }),
    );
  }
  return entries;
}

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

export const passwordChangeSchema = z.object({
  current: z
    .string({ message: "Enter your current password." })
    .min(1, "Enter your current password."),
  password: newPasswordSchema,
  confirm: z.string({ message: "Repeat the new password." }),
});

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
