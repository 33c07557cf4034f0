import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import {
  listPortalsRoute,
  openPortalRoute,
  removePortalRoute,
  setPortalRoute,
} from "./admin-portals.routes.ts";
import {
  openAdminPortal,
  portalTemplates,
  removePortalTemplate,
  setPortalTemplate,
} from "./admin-portals.use-cases.ts";

export function adminPortalsApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(listPortalsRoute, async (c) =>
    c.json({ items: await portalTemplates(deps) }, 200),
  );
  router.openapi(setPortalRoute, async (c) => {
    const saved = await setPortalTemplate(
      deps,
      c.var.actor,
      c.req.valid("param").key,
      c.req.valid("json"),
    );
    return c.json(saved as NonNullable<typeof saved>, 200);
  });
  router.openapi(removePortalRoute, async (c) => {
    await removePortalTemplate(deps, c.var.actor, c.req.valid("param").key);
    return c.body(null, 204);
  });
  router.openapi(openPortalRoute, async (c) => {
    const { id, key } = c.req.valid("param");
    return c.json({ url: await openAdminPortal(deps, c.var.actor, id, key) }, 200);
  });
  return router;
}
