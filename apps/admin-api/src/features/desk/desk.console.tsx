import { Hono } from "hono";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { showEscalate, submitEscalate } from "../escalations/escalate.page.tsx";
import { showQueue } from "../queue/queue.page.tsx";
import { deskActions } from "./request.forms.tsx";
import { showRequest, submitAction } from "./request.page.tsx";

/**
 * The partner desk's console pages: the queue, a request with its actions,
 * and the escalation form. Sign-in and CSRF are the console shell's; these
 * routes add the role check, since operators never see requests.
 */
export function deskPagesRouter(deps: AppDeps) {
  const router = new Hono();
  const desk = requireStaff("admin", "agent");

  router.get("/admin/queue", desk, showQueue(deps));
  router.get("/admin/requests/:number", desk, showRequest(deps));
  for (const action of deskActions) {
    router.post(`/admin/requests/:number/${action}`, desk, submitAction(deps, action));
  }
  router.get("/admin/requests/:number/escalate", desk, showEscalate(deps));
  router.post("/admin/requests/:number/escalate", desk, submitEscalate(deps));
  return router;
}
