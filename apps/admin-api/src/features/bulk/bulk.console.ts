import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { submitBulk } from "./bulk.page.tsx";

/** The queue's bulk form posts here; the page lists what happened to each request. */
export function bulkConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  router.post("/admin/queue/bulk", requireStaff("admin", "agent"), submitBulk(deps));
  return router;
}
