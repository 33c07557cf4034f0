import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { deskActions } from "./request.forms.tsx";
import { showRequest, submitAction } from "./request.page.tsx";

/**
 * A request's page on the desk, with a form per action. Sign-in and CSRF
 * are the console shell's; these routes add the role check, since
 * operators never see requests.
 */
export function deskConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const desk = requireStaff("admin", "agent");
  router.get("/admin/requests/:number", desk, showRequest(deps));
  for (const action of deskActions) {
    router.post(`/admin/requests/:number/${action}`, desk, submitAction(deps, action));
  }
  return router;
}
