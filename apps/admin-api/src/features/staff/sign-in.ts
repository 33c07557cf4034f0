import {
  clearSignInFailures,
  createSession,
  deleteSession,
  findStaffByEmail,
  reserveSignInAttempt,
  type StaffUserRow,
} from "@frontline/db";
import { type AccountDeps, type Actor, audit, auditEntry } from "../../platform/actor.ts";
import { sha256 } from "../../platform/auth.ts";
import { limitKey } from "../../platform/guards.ts";
import { hashPassword, verifyPassword } from "../../platform/passwords.ts";
import { randomSecret, SESSION_TTL_MS } from "../../platform/session.ts";
import { signInLockMs } from "./backoff.ts";

export type SignInResult =
  | { readonly outcome: "signed-in"; readonly user: StaffUserRow; readonly cookieValue: string }
  /** Unknown email or wrong password, told apart only in the audit log. */
  | { readonly outcome: "wrong"; readonly lockedUntil: Date | null }
  | { readonly outcome: "locked"; readonly lockedUntil: Date }
  /** Only said to someone who typed the right password. */
  | { readonly outcome: "disabled" };

// A real hash to check against when the email is unknown, so that answer
// takes as long as a wrong password and does not reveal who has an account.
let decoyHash: Promise<string> | null = null;
const decoy = () => {
  decoyHash ??= hashPassword("there is no account with this email");
  return decoyHash;
};

/**
 * Checks a password and, when it is right, starts a fresh session (the one
 * the browser brought, `replacing`, is deleted). Failures in a row lock
 * this email from this address for a growing time (see backoff.ts), counted
 * before the hash so parallel guesses cannot race past the lock. Known and
 * unknown emails take the same steps (the same lock, one hash each), so
 * neither the answer nor its timing says whether an account exists. Every
 * outcome is audited.
 */
export async function signIn(
  deps: AccountDeps,
  input: { email: string; password: string; address: string; replacing: string | null },
): Promise<SignInResult> {
  // Control characters (NUL among them, which PostgreSQL cannot store) never
  // occur in an account's email; shown as U+FFFD, the attempt is still logged.
  const email = input.email
    .trim()
    .toLowerCase()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f]/g, "\uFFFD")
    .slice(0, 254);
  const key = { email, address: limitKey(input.address) };
  const anonymous: Actor = { id: null, label: email || "(no email)", address: input.address };
  const attempt = await reserveSignInAttempt(deps.db, key, deps.clock.now(), signInLockMs);
  const user = await findStaffByEmail(deps.db, email);
  const actor: Actor = user
    ? { id: user.id, label: user.email, address: input.address }
    : anonymous;
  if (!attempt.allowed) {
    await audit(deps, actor, {
      action: "sign-in.failed",
      target: email,
      detail: { reason: "locked", lockedUntil: attempt.lockedUntil.toISOString() },
    });
    return { outcome: "locked", lockedUntil: attempt.lockedUntil };
  }
  const right = await verifyPassword(input.password, user?.passwordHash ?? (await decoy()));
  if (!user || !right) {
    await audit(deps, actor, {
      action: "sign-in.failed",
      target: email,
      detail: { reason: user ? "wrong-password" : "unknown-email" },
    });
    return { outcome: "wrong", lockedUntil: attempt.lockedUntil };
  }
  await clearSignInFailures(deps.db, key);
  if (user.disabled) {
    await audit(deps, actor, {
      action: "sign-in.failed",
      target: user.email,
      detail: { reason: "disabled" },
    });
    return { outcome: "disabled" };
  }
  const cookieValue = randomSecret();
  const now = deps.clock.now();
  await createSession(
    deps.db,
    {
      id: sha256(cookieValue),
      userId: user.id,
      csrfToken: randomSecret(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
    now,
    input.replacing,
    auditEntry(deps, actor, { action: "sign-in", target: user.email, detail: null }),
  );
  return { outcome: "signed-in", user, cookieValue };
}

export async function signOut(deps: AccountDeps, actor: Actor, sessionId: string): Promise<void> {
  await deleteSession(
    deps.db,
    sessionId,
    auditEntry(deps, actor, { action: "sign-out", target: actor.label, detail: null }),
  );
}
