import { listStaffUsers } from "@frontline/db";
import type { Context } from "hono";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { problems } from "../../platform/problems.ts";
import { publicUser } from "./accounts.ts";
import { auditRoute } from "./audit.routes.ts";
import { auditPage, publicAuditEntry } from "./audit-query.ts";
import { changeUser } from "./change-user.ts";
import { createUser } from "./create-user.ts";
import { resetPassword } from "./reset-password.ts";
import { createTokenRoute, listTokensRoute, revokeTokenRoute } from "./tokens.routes.ts";
import { createToken, publicToken, revokeToken, tokensFor } from "./tokens.ts";
import {
  createUserRoute,
  listUsersRoute,
  meRoute,
  resetPasswordRoute,
  updateUserRoute,
} from "./users.routes.ts";

/** Staff accounts, API tokens and the audit log: the JSON API and the console pages. */
export function staffApi(deps: AppDeps) {
  const router = createRouter();

  router.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "A personal API token (flt_…), created in the console under API tokens.",
  });
  router.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "frontline_session",
    description: "The console's session; changes must also send X-CSRF-Token.",
  });

  // Answers about accounts and secrets must never come from a cache.
  router.use("/api/v1/users/*", noStore);
  router.use("/api/v1/tokens/*", noStore);
  router.use("/api/v1/me", noStore);

  router.openapi(meRoute, (c) => {
    const { id, email, name, role, via } = c.var.staff;
    return c.json({ id, email, name, role, via }, 200);
  });

  router.openapi(listUsersRoute, async (c) =>
    c.json({ items: (await listStaffUsers(deps.db)).map(publicUser) }, 200),
  );

  router.openapi(createUserRoute, async (c) => {
    const { user, oneTimePassword } = await createUser(deps, c.var.actor, c.req.valid("json"));
    c.header("Location", `/api/v1/users/${user.id}`);
    return c.json({ user: publicUser(user), oneTimePassword }, 201);
  });

  router.openapi(updateUserRoute, async (c) => {
    const user = await changeUser(deps, c.var.actor, c.req.valid("param").id, c.req.valid("json"));
    return c.json(publicUser(user), 200);
  });

  router.openapi(resetPasswordRoute, async (c) => {
    const { user, oneTimePassword, revokedTokens } = await resetPassword(
      deps,
      c.var.actor,
      c.req.valid("param").id,
    );
    return c.json({ user: publicUser(user), oneTimePassword, revokedTokens }, 200);
  });

  router.openapi(listTokensRoute, async (c) => {
    const tokens = await tokensFor(deps, c.var.staff, c.req.valid("query").scope);
    return c.json({ items: tokens.map((t) => publicToken(t, t.userEmail)) }, 200);
  });

  router.openapi(createTokenRoute, async (c) => {
    const owner = c.var.staff;
    const { row, token } = await createToken(deps, c.var.actor, owner, c.req.valid("json"));
    return c.json({ ...publicToken(row, owner.email), token }, 201);
  });

  router.openapi(revokeTokenRoute, async (c) => {
    await revokeToken(deps, c.var.actor, c.var.staff, c.req.valid("param").id);
    return c.body(null, 204);
  });

  router.openapi(auditRoute, async (c) => {
    const page = await auditPage(deps, c.req.valid("query"));
    if (!page.ok) {
      throw problems.validation([{ field: page.field, message: page.message, code: "invalid" }]);
    }
    return c.json({ items: page.rows.map(publicAuditEntry), nextCursor: page.nextCursor }, 200);
  });

  return router;
}

const noStore = async (c: Context, next: () => Promise<void>) => {
  await next();
  c.header("Cache-Control", "no-store");
};
