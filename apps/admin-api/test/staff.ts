import { createApiToken, createStaffUser, type Db, type StaffRole } from "@frontline/db";
import { newApiToken } from "../src/platform/auth.ts";

/** A staff member with a personal API token, as a partner's script would use the API. */
export async function staffWithToken(
  db: Db,
  role: StaffRole,
  email = `${role}@partner.example`,
  options: {
    mustChangePassword?: boolean;
    scope?: "read" | "full";
    expiresAt?: Date | null;
  } = {},
) {
  const now = new Date("2026-11-21T08:00:00Z");
  // Tests never sign in with it; a fixed hash keeps them fast (scrypt is slow by design).
  const user = await createStaffUser(
    db,
    {
      email,
      name: `Test ${role}`,
      role,
      passwordHash: "scrypt$unused",
      mustChangePassword: options.mustChangePassword ?? false,
    },
    now,
  );
  const token = newApiToken();
  await createApiToken(
    db,
    {
      userId: user.id,
      name: "tests",
      tokenHash: token.hash,
      prefix: token.prefix,
      scope: options.scope ?? "full",
      expiresAt: options.expiresAt ?? null,
    },
    now,
  );
  return {
    user,
    headers: { Authorization: `Bearer ${token.token}`, "Content-Type": "application/json" },
  };
}
