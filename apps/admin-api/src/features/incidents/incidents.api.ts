import { listIncidents } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { changeIncident } from "./change-incident.ts";
import { closeIncident } from "./close-incident.ts";
import {
  createIncidentRoute,
  listIncidentsRoute,
  resolveIncidentRoute,
  updateIncidentRoute,
} from "./incidents.routes.ts";
import { postIncident } from "./post-incident.ts";

export function incidentsApi(deps: AppDeps) {
  const router = createRouter();

  router.openapi(listIncidentsRoute, async (c) => {
    const items = await listIncidents(deps.db);
    return c.json(
      {
        items: items.map((i) => ({
          ...i,
          startedAt: i.startedAt.toISOString(),
          updatedAt: i.updatedAt.toISOString(),
          resolvedAt: i.resolvedAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  });
  router.openapi(createIncidentRoute, async (c) =>
    c.json(await postIncident(deps, c.req.valid("json"), c.var.actor), 201),
  );
  router.openapi(updateIncidentRoute, async (c) =>
    c.json(
      await changeIncident(deps, c.req.valid("param").id, c.req.valid("json"), c.var.actor),
      200,
    ),
  );
  router.openapi(resolveIncidentRoute, async (c) =>
    c.json(
      await closeIncident(deps, c.req.valid("param").id, c.req.valid("json"), c.var.actor),
      200,
    ),
  );
  return router;
}
