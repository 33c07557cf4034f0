import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { showEscalate, submitEscalate } from "./escalate.page.tsx";
import { showEscalation, submitEscalationUpdate } from "./escalation-detail.page.tsx";
import { showEscalations } from "./escalations-list.page.tsx";

/**
 * The escalation pages: the desk's form that escalates a request, then the
 * escalations every role reads (operators see nothing else of the desk);
 * only the operator and admins update them.
 */
export function escalationsConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const desk = requireStaff("admin", "agent");
  const readers = requireStaff("operator", "agent", "admin");
  const updaters = requireStaff("operator", "admin");
  router.get("/admin/requests/:number/escalate", desk, showEscalate(deps));
  router.post("/admin/requests/:number/escalate", desk, submitEscalate(deps));
  router.get("/admin/escalations", readers, showEscalations(deps));
  router.get("/admin/escalations/:id", readers, showEscalation(deps));
  router.post("/admin/escalations/:id", updaters, submitEscalationUpdate(deps));
  return router;
}
