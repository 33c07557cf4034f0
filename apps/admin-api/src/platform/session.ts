import { randomBytes, timingSafeEqual } from "node:crypto";
import { findSession } from "@frontline/db";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./app-env.ts";
import { sha256 } from "./auth.ts";
import type { AppConfig, AppDeps } from "./deps.ts";
import { isHttps } from "./guards.ts";

export const SESSION_COOKIE = "frontline_session";
/** Console sessions end 12 hours after sign-in: one long shift, then sign in again. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

/** 256 random bits, URL-safe: for cookie values and CSRF tokens. */
export const randomSecret = () => randomBytes(32).toString("base64url");

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  return timingSafeEqual(Buffer.from(sha256(given), "hex"), Buffer.from(sha256(expected), "hex"));
}

/**
 * HttpOnly keeps scripts away from the cookie; SameSite=Lax keeps other
 * sites' forms from sending it; Secure whenever the browser came over
 * HTTPS (a plain-HTTP localhost would otherwise never get a session).
 */
export function cookieOptions(c: Context, config: AppConfig, maxAgeSeconds: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "Lax" as const,
    secure: isHttps(c, config),
    maxAge: maxAgeSeconds,
  };
}

/** The stored id of the session the browser brought (valid or not), or null. */
export function sessionIdFromCookie(c: Context): string | null {
  const value = getCookie(c, SESSION_COOKIE);
  return value ? sha256(value) : null;
}

export function setSessionCookie(c: Context, config: AppConfig, value: string): void {
  setCookie(c, SESSION_COOKIE, value, cookieOptions(c, config, SESSION_TTL_MS / 1000));
}

export function clearSessionCookie(c: Context, config: AppConfig): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c, config, 0));
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Turns a session cookie into the caller's principal. A bearer token, when
 * sent, has already decided and wins. Sessions of disabled users and
 * expired sessions count as no session.
 *
 * On the JSON API a cookie is only honoured with the session's CSRF token
 * in X-CSRF-Token for changes, and not while the one-time password is
 * unchanged; otherwise the call proceeds anonymously, so public endpoints
 * keep working for staff who are signed in, and `requireStaff` explains
 * the refusal. The console checks its forms' tokens itself (console/shell).
 */
export function authenticateSession(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.var.staff ? null : sessionIdFromCookie(c);
    const found = id ? await findSession(deps.db, id, deps.clock.now()) : null;
    if (found && !found.user.disabled) {
      const { session, user } = found;
      const staff = {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        via: "session" as const,
        csrfToken: session.csrfToken,
        sessionId: session.id,
        mustChangePassword: user.mustChangePassword,
      };
      const api = c.req.path.startsWith("/api/");
      if (api && user.mustChangePassword) c.set("sessionRefusal", "password-change");
      else if (
        api &&
        !SAFE_METHODS.has(c.req.method) &&
        !sameSecret(c.req.header("X-CSRF-Token"), session.csrfToken)
      ) {
        c.set("sessionRefusal", "csrf");
      } else c.set("staff", staff);
    }
    await next();
  };
}
