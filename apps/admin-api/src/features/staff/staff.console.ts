import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { showAudit } from "./audit.page.tsx";
import { showPasswordPage, submitPasswordPage } from "./password.page.tsx";
import { showSignIn, submitSignIn, submitSignOut } from "./sign-in.page.tsx";
import { showTokens, submitNewToken, submitRevokeToken } from "./tokens.page.tsx";
import { showUsers, submitNewUser, submitPasswordReset, submitUserChange } from "./users.page.tsx";

/**
 * The console pages for accounts. Sign-in, CSRF and the one-time password
 * rule are enforced for all of /admin by console/shell.tsx; these routes
 * only add the role checks.
 */
export function staffConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const admin = requireStaff("admin");
  const anyStaff = requireStaff("admin", "agent", "operator");

  router.get("/admin/sign-in", showSignIn(deps));
  // Rate-limited in front (platform/rate-limits.ts), before the form is read or any password hashed.
  router.post("/admin/sign-in", submitSignIn(deps));
  router.post("/admin/sign-out", submitSignOut(deps));

  router.get("/admin/password", anyStaff, showPasswordPage());
  router.post("/admin/password", anyStaff, submitPasswordPage(deps));

  router.get("/admin/users", admin, showUsers(deps));
  router.post("/admin/users", admin, submitNewUser(deps));
  router.post("/admin/users/:id/role", admin, submitUserChange(deps, "role"));
  router.post("/admin/users/:id/disable", admin, submitUserChange(deps, "disable"));
  router.post("/admin/users/:id/enable", admin, submitUserChange(deps, "enable"));
  router.post("/admin/users/:id/reset-password", admin, submitPasswordReset(deps));

  router.get("/admin/tokens", anyStaff, showTokens(deps));
  router.post("/admin/tokens", anyStaff, submitNewToken(deps));
  router.post("/admin/tokens/:id/revoke", anyStaff, submitRevokeToken(deps));

  router.get("/admin/audit", admin, showAudit(deps));
  return router;
}
