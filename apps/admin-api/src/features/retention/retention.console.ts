import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { showRetention, submitRetention } from "./retention.page.tsx";

/** The retention policy: admins only, since what it deletes cannot come back. */
export function retentionConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const admins = requireStaff("admin");
  router.get("/admin/retention", admins, showRetention(deps));
  router.post("/admin/retention", admins, submitRetention(deps));
  return router;
}
