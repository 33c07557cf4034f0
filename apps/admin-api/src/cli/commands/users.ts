import { findStaffByEmail, listStaffUsers, type StaffUserRow } from "@frontline/db";
import type { z } from "zod";
import { emailSchema, newUserSchema, roleSchema } from "../../features/staff/accounts.ts";
import { changeUser } from "../../features/staff/change-user.ts";
import { createUser } from "../../features/staff/create-user.ts";
import { resetPassword } from "../../features/staff/reset-password.ts";
import { cliActor } from "../../platform/actor.ts";
import { fieldErrorsFromZod } from "../../platform/problem.ts";
import { problems } from "../../platform/problems.ts";
import {
  type CliContext,
  type Command,
  type FlagValues,
  requiredFlag,
  UsageError,
} from "../command.ts";

/** Checks flags with the same rules as the API and the console. */
function valid<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = fieldErrorsFromZod(result.error).map((e) =>
    e.field ? `--${e.field}: ${e.message}` : e.message,
  );
  throw new UsageError(lines.join("\n"));
}

async function userByEmail(context: CliContext, flags: FlagValues): Promise<StaffUserRow> {
  const email = valid(emailSchema, requiredFlag(flags, "email"));
  const user = await findStaffByEmail(context.db, email);
  if (!user) throw problems.notFound(`There is no user with the email ${email}.`);
  return user;
}

const emailFlag = { email: { type: "string" } } as const;

function oneTimePasswordLines(email: string, password: string): string[] {
  return [
    `One-time password for ${email}:`,
    "",
    `    ${password}`,
    "",
    "Give it to them privately; they must change it at first sign-in. It is not shown again.",
  ];
}

export const createUserCommand: Command = {
  summary: "Create a staff user who must change the password at first sign-in",
  usage: "--email <email> --name <name> --role <admin|agent|operator> [--password <password>]",
  options: {
    ...emailFlag,
    name: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
  },
  async run(context, flags) {
    // All of them checked at once, so one run names every missing or wrong flag.
    const input = valid(newUserSchema, {
      email: flags.email,
      name: flags.name,
      role: flags.role,
      ...(typeof flags.password === "string" ? { password: flags.password } : {}),
    });
    const { user, oneTimePassword } = await createUser(context, cliActor(), input);
    context.out(`Created ${user.role} ${user.email} (${user.name}), id ${user.id}.`);
    if (oneTimePassword)
      for (const line of oneTimePasswordLines(user.email, oneTimePassword)) context.out(line);
    else context.out("They must change the password you chose at first sign-in.");
    return 0;
  },
};

export const listUsersCommand: Command = {
  summary: "List staff users with their role and status",
  usage: "",
  options: {},
  async run(context) {
    const users = await listStaffUsers(context.db);
    if (users.length === 0) {
      context.out("There are no users yet; the server creates the first admin when it starts.");
      return 0;
    }
    const now = context.clock.now();
    const rows = users.map((u) => [
      String(u.id),
      u.email,
      u.name,
      u.role,
      u.disabled
        ? "disabled"
        : u.lockedUntil && u.lockedUntil > now
          ? "locked"
          : u.mustChangePassword
            ? "must change password"
            : "active",
    ]);
    const header = ["id", "email", "name", "role", "status"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
    const line = (cells: string[]) =>
      cells
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd();
    context.out(line(header));
    for (const row of rows) context.out(line(row));
    return 0;
  },
};

export const setRoleCommand: Command = {
  summary: "Change a user's role",
  usage: "--email <email> --role <admin|agent|operator>",
  options: { ...emailFlag, role: { type: "string" } },
  async run(context, flags) {
    const role = valid(roleSchema, requiredFlag(flags, "role"));
    const user = await userByEmail(context, flags);
    await changeUser(context, cliActor(), user.id, { role });
    context.out(
      user.role === role
        ? `${user.email} already is ${role}.`
        : `${user.email} is now ${role} (was ${user.role}).`,
    );
    return 0;
  },
};

const setDisabled = (disabled: boolean): Command => ({
  summary: disabled
    ? "Disable a user: their sessions end and their API tokens stop working"
    : "Enable a disabled user again",
  usage: "--email <email>",
  options: emailFlag,
  async run(context, flags) {
    const user = await userByEmail(context, flags);
    await changeUser(context, cliActor(), user.id, { disabled });
    context.out(`${user.email} is ${disabled ? "disabled" : "enabled"}.`);
    return 0;
  },
});

export const disableUserCommand = setDisabled(true);
export const enableUserCommand = setDisabled(false);

export const resetPasswordCommand: Command = {
  summary: "Give a user a new one-time password, sign them out everywhere, revoke their tokens",
  usage: "--email <email>",
  options: emailFlag,
  async run(context, flags) {
    const user = await userByEmail(context, flags);
    const { oneTimePassword, revokedTokens } = await resetPassword(context, cliActor(), user.id);
    for (const line of oneTimePasswordLines(user.email, oneTimePassword)) context.out(line);
    context.out(`Signed out everywhere; ${revokedTokens} API token(s) revoked.`);
    return 0;
  },
};
