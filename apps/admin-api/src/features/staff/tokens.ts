import {
  type ApiTokenListing,
  type ApiTokenRow,
  createApiToken,
  getApiToken,
  getStaffUser,
  listApiTokens,
  revokeApiToken,
} from "@frontline/db";
import { z } from "@hono/zod-openapi";
import { type AccountDeps, type Actor, auditEntry } from "../../platform/actor.ts";
import { newApiToken, type StaffPrincipal } from "../../platform/auth.ts";
import { problems } from "../../platform/problems.ts";

const DAY = 86_400_000;

export const newTokenSchema = z
  .object({
    name: z
      .string({ message: "Name the token." })
      .trim()
      .min(1, "Name the token, for example after the script that uses it.")
      .max(100, "Use at most 100 characters.")
      .openapi({ example: "nightly report script" }),
    scope: z
      .enum(["read", "full"], { message: 'Choose "read" or "full".' })
      .default("full")
      .openapi({
        description:
          "read: GET and HEAD only, for reports and dashboards. full: everything your role may do.",
      }),
    expiresInDays: z.coerce
      .number({ message: "Give the number of days, or leave it out for no expiry." })
      .int("Use a whole number of days.")
      .min(1, "A token must live at least 1 day.")
      .max(366, "Use at most 366 days; create a new token each year.")
      .nullable()
      .default(null)
      .openapi({ description: "Days until the token stops working; null or left out: never" }),
  })
  .strict();

export type NewToken = z.output<typeof newTokenSchema>;

/** A token as listed: never the secret, nor its hash. */
export function publicToken(token: ApiTokenRow | ApiTokenListing, userEmail: string) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    userId: token.userId,
    userEmail,
    scope: token.scope,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * Creates a personal token for the caller. Only its SHA-256 is stored: the
 * token itself is in the return value and nowhere else, so it can be shown
 * once and never again.
 */
export async function createToken(
  deps: AccountDeps,
  actor: Actor,
  owner: StaffPrincipal,
  request: NewToken,
): Promise<{ row: ApiTokenRow; token: string }> {
  if (owner.via !== "session") {
    // A stolen token must not be able to mint the thief a longer-lived one.
    throw problems.sessionRequired();
  }
  const { token, prefix, hash } = newApiToken();
  const now = deps.clock.now();
  const { name, scope, expiresInDays } = request;
  const expiresAt = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY);
  const row = await createApiToken(
    deps.db,
    { userId: owner.id, name, tokenHash: hash, prefix, scope, expiresAt },
    now,
    (created) =>
      auditEntry(deps, actor, {
        action: "token.create",
        target: `token #${created.id}`,
        detail: {
          name,
          prefix,
          owner: owner.email,
          scope,
          expiresAt: expiresAt?.toISOString() ?? null,
        },
      }),
  );
  return { row, token };
}

/** Live tokens the caller may see: their own, or (admins asking for them) everyone's. */
export async function tokensFor(
  deps: AccountDeps,
  caller: StaffPrincipal,
  scope: "own" | "all",
): Promise<ApiTokenListing[]> {
  if (scope === "all" && caller.role !== "admin") {
    throw problems.forbidden("Only admins may list everyone's tokens.");
  }
  return listApiTokens(deps.db, scope === "all" ? {} : { userId: caller.id });
}

/**
 * Revokes a token at once: its next call answers 401. People revoke their
 * own; admins any. Someone else's token answers 404 like a missing one, so
 * ids do not reveal what exists.
 */
export async function revokeToken(
  deps: AccountDeps,
  actor: Actor,
  caller: StaffPrincipal,
  id: number,
): Promise<void> {
  const token = await getApiToken(deps.db, id);
  const mayRevoke = token && (token.userId === caller.id || caller.role === "admin");
  if (!token || !mayRevoke || token.revokedAt) {
    throw problems.notFound("There is no live token with this id.");
  }
  const owner = await getStaffUser(deps.db, token.userId);
  const revoked = await revokeApiToken(
    deps.db,
    id,
    deps.clock.now(),
    auditEntry(deps, actor, {
      action: "token.revoke",
      target: `token #${id}`,
      detail: { name: token.name, prefix: token.prefix, owner: owner?.email ?? null },
    }),
  );
  if (!revoked) throw problems.notFound("There is no live token with this id.");
}
