import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import {
  showCannedReplies,
  showCannedReply,
  submitCannedChange,
  submitCannedDelete,
  submitCannedReply,
} from "./canned-replies.page.tsx";

/** Managing canned replies: admins the desk's shared ones, everyone their own. */
export function cannedRepliesConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const desk = requireStaff("admin", "agent");
  router.get("/admin/canned-replies", desk, showCannedReplies(deps));
  router.post("/admin/canned-replies", desk, submitCannedReply(deps));
  router.get("/admin/canned-replies/:id", desk, showCannedReply(deps));
  router.post("/admin/canned-replies/:id", desk, submitCannedChange(deps));
  router.post("/admin/canned-replies/:id/delete", desk, submitCannedDelete(deps));
  return router;
}
