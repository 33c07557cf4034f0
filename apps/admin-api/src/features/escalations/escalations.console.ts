import { Hono } from "hono";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { showEscalation, submitEscalationUpdate } from "./escalation-detail.page.tsx";
import { showEscalations } from "./escalations-list.page.tsx";

/**
 * The escalation pages: every role reads them (operators see nothing
 * else of the desk); only the operator and admins update them.
 */
export function consoleEscalationsRouter(deps: AppDeps) {
  const router = new Hono();
  const readers = requireStaff("operator", "agent", "admin");
  const updaters = requireStaff("operator", "admin");
  router.get("/admin/escalations", readers, showEscalations(deps));
  router.get("/admin/escalations/:id", readers, showEscalation(deps));
  router.post("/admin/escalations/:id", updaters, submitEscalationUpdate(deps));
  return router;
}
