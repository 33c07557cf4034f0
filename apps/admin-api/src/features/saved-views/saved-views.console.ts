import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { submitView, submitViewDelete } from "./saved-views.page.tsx";

/** Saving and deleting queue views; the queue page lists them. */
export function savedViewsConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const desk = requireStaff("admin", "agent");
  router.post("/admin/queue/views", desk, submitView(deps));
  router.post("/admin/queue/views/:id/delete", desk, submitViewDelete(deps));
  return router;
}
