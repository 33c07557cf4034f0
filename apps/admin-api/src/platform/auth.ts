import { createHash, randomBytes } from "node:crypto";
import { findApiToken, type StaffRole, touchApiToken } from "@frontline/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv, StaffEnv } from "./app-env.ts";
import type { AppDeps } from "./deps.ts";
import type { Problem } from "./problem.ts";
import { problems } from "./problems.ts";

/** Who is calling a partner endpoint, and how they proved it. */
export interface StaffPrincipal {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly via: "session" | "token";
  /** Only for sessions: the token every console form must carry. */
  readonly csrfToken?: string;
  /** Only for sessions: the stored session id (a hash), to end or keep this session. */
  readonly sessionId?: string;
  /** Signed in with a one-time password: the console allows nothing but changing it. */
  readonly mustChangePassword?: boolean;
}

/** Why a valid session cookie did not make the caller staff for this API call. */
export type SessionRefusal = "csrf" | "password-change";

export const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

/** A new personal API token: a recognisable prefix plus 256 random bits. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const token = `flt_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 10), hash: sha256(token) };
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who is calling: a personal API token in `Authorization: Bearer`, or (set
 * by the session middleware) a console session. Anonymous calls pass
 * through with no principal; requireStaff decides what they may do.
 */
export function authenticateBearer(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization");
    if (header?.startsWith("Bearer ")) {
      const found = await findApiToken(deps.db, sha256(header.slice("Bearer ".length).trim()));
      if (!found || found.user.disabled) {
        throw problems.unauthenticated(
          "The API token is unknown, revoked, or its user is disabled.",
        );
      }
      // A reset password means the token's owner must first choose their own;
      // until then the token, perhaps in the wrong hands, does nothing.
      if (found.user.mustChangePassword) {
        throw problems.passwordChangeRequired(
          "The token's user must change their password in the console before the token works.",
          "Password change required",
        );
      }
      const now = deps.clock.now();
      if (found.token.expiresAt && found.token.expiresAt <= now) {
        throw problems.tokenExpired(found.token.expiresAt);
      }
      if (found.token.scope === "read" && !READ_METHODS.has(c.req.method)) {
        throw problems.tokenReadOnly();
      }
      await touchApiToken(deps.db, found.token, now);
      const { user } = found;
      c.set("staff", {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        via: "token",
      });
    }
    await next();
  };
}

/**
 * Refuses anonymous callers (401) and callers without one of the roles
 * (403). Its type says what it proves: the handlers after it see
 * `c.var.staff` set (StaffEnv), with no check of their own. In createRoute
 * write `middleware: requireStaff(…)`, not `[requireStaff(…)]`: from an
 * array (not a tuple) @hono/zod-openapi cannot read the env it gives.
 */
export function requireStaff(
  ...roles: StaffRole[]
): MiddlewareHandler<StaffEnv> & { readonly roles: readonly StaffRole[] } {
  const guard: MiddlewareHandler<StaffEnv> = async (c, next) => {
    // As wide as AppEnv has it: this check is what makes StaffEnv true.
    const staff: StaffPrincipal | undefined = c.var.staff;
    if (!staff) throw refusalProblem(c.var.sessionRefusal);
    if (!roles.includes(staff.role)) {
      throw problems.forbidden(`This needs one of these roles: ${roles.join(", ")}.`);
    }
    await next();
  };
  // The roles ride on the middleware so a test can read every route's rule from the router.
  return Object.assign(guard, { roles });
}

/**
 * A session cookie that came without its CSRF token, or before the one-time
 * password was changed, is not a sign-in: the caller is anonymous, and the
 * problem says what is missing instead of a bare 401.
 */
function refusalProblem(refusal: SessionRefusal | undefined): Problem {
  if (refusal === "csrf") {
    return problems.csrfTokenInvalid(
      "Calls made with a console session must send the session's token in the X-CSRF-Token header. API clients should use a personal API token instead.",
    );
  }
  if (refusal === "password-change") {
    return problems.passwordChangeRequired(
      "You signed in with a one-time password. Choose your own at /admin/password before using the API.",
    );
  }
  return problems.unauthenticated();
}
