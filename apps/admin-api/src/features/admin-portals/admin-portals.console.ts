import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import {
  openPortal,
  showPortals,
  submitPortal,
  submitPortalRemoval,
} from "./admin-portals.page.tsx";

/** Admins set the portals; the desk opens them for a customer. */
export function adminPortalsConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const admins = requireStaff("admin");
  router.get("/admin/portals", admins, showPortals(deps));
  router.post("/admin/portals/:key", admins, submitPortal(deps));
  router.post("/admin/portals/:key/remove", admins, submitPortalRemoval(deps));
  router.get("/admin/customers/:id/portals/:key", requireStaff("admin", "agent"), openPortal(deps));
  return router;
}
