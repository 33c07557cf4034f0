import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { createViewRoute, deleteViewRoute, listViewsRoute } from "./saved-views.routes.ts";
import { removeView, saveView, viewsFor } from "./saved-views.use-cases.ts";

export function savedViewsApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(listViewsRoute, async (c) =>
    c.json({ items: await viewsFor(deps, c.var.staff) }, 200),
  );
  router.openapi(createViewRoute, async (c) =>
    c.json(await saveView(deps, c.var.actor, c.req.valid("json")), 201),
  );
  router.openapi(deleteViewRoute, async (c) => {
    await removeView(deps, c.var.actor, c.req.valid("param").id);
    return c.body(null, 204);
  });
  return router;
}
