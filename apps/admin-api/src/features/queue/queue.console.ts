import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { showQueue } from "./queue.page.tsx";

/** The queue page; operators never see requests. */
export function queueConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  router.get("/admin/queue", requireStaff("admin", "agent"), showQueue(deps));
  return router;
}
