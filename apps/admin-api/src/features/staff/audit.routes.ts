import { createRoute } from "@hono/zod-openapi";
import { jsonResponse, problemResponses } from "../../platform/openapi.ts";
import { auditPageSchema, auditQuerySchema } from "./audit-query.ts";
import { adminRoute, staffSecurity } from "./users.routes.ts";

export const auditRoute = createRoute({
  method: "get",
  path: "/api/v1/audit",
  ...adminRoute,
  summary: "Read the audit log (admins)",
  description:
    "Sign-ins, failed sign-ins, user, role, password and token changes, newest first. Page with `cursor`.",
  security: staffSecurity,
  request: { query: auditQuerySchema },
  responses: { 200: jsonResponse(auditPageSchema, "One page"), ...problemResponses(401, 403, 422) },
});
