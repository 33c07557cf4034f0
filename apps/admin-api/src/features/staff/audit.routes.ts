import { createRoute } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { problemResponses } from "../../platform/openapi.ts";
import { auditPageSchema, auditQuerySchema } from "./audit-query.ts";
import { staffSecurity } from "./users.routes.ts";

export const auditRoute = createRoute({
  method: "get",
  path: "/api/v1/audit",
  tags: ["Staff"],
  summary: "Read the audit log (admins)",
  description:
    "Sign-ins, failed sign-ins, user, role, password and token changes, newest first. Page with `cursor`.",
  security: staffSecurity,
  middleware: requireStaff("admin"),
  request: { query: auditQuerySchema },
  responses: {
    200: { description: "One page", content: { "application/json": { schema: auditPageSchema } } },
    ...problemResponses(401, 403, 422),
  },
});
