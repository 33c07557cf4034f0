import { getStaffUser, type StaffUserRow } from "@frontline/db";
import { z } from "@hono/zod-openapi";
import type { AccountDeps } from "../../platform/actor.ts";
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

export async function requireUser(deps: AccountDeps, id: number): Promise<StaffUserRow> {
  const user = await getStaffUser(deps.db, id);
  if (!user) throw problems.notFound("There is no user with this id.");
  return user;
}

export const passwordChangeSchema = z.object({
  current: z
    .string({ message: "Enter your current password." })
    .min(1, "Enter your current password."),
  password: newPasswordSchema,
  confirm: z.string({ message: "Repeat the new password." }),
});
