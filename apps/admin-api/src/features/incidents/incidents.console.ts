import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import {
  showIncidents,
  submitIncidentChange,
  submitIncidentResolution,
  submitNewIncident,
} from "./incidents.page.tsx";

/** Every role reads incidents; the operator and admins post, update and resolve them. */
export function incidentsConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const readers = requireStaff("admin", "agent", "operator");
  const changers = requireStaff("admin", "operator");
  router.get("/admin/incidents", readers, showIncidents(deps));
  router.post("/admin/incidents", changers, submitNewIncident(deps));
  router.post("/admin/incidents/:id", changers, submitIncidentChange(deps));
  router.post("/admin/incidents/:id/resolve", changers, submitIncidentResolution(deps));
  return router;
}
