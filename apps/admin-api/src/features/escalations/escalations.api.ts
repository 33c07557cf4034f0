import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { escalateRequest } from "./escalate-request.ts";
import {
  draftRoute,
  escalateRoute,
  listRoute,
  showRoute,
  updateRoute,
} from "./escalations.routes.ts";
import {
  escalationDetail,
  escalationDraft,
  findEscalation,
  listForStaff,
  packetJson,
  requestForStaff,
} from "./escalations.use-cases.ts";
import { updateAsOperator } from "./update-as-operator.ts";

export function escalationsApi(deps: AppDeps) {
  const router = createRouter();

  router.openapi(draftRoute, async (c) => {
    const row = await requestForStaff(deps, c.req.valid("param").number);
    const draft = await escalationDraft(deps, row, c.var.staff);
    return c.json({ ...draft, packet: packetJson(draft.packet) }, 200);
  });

  router.openapi(escalateRoute, async (c) => {
    const row = await requestForStaff(deps, c.req.valid("param").number);
    const { version, packet } = c.req.valid("json");
    return c.json(await escalateRequest(deps, c.var.actor, row, version, packet), 201);
  });

  router.openapi(listRoute, async (c) =>
    c.json(await listForStaff(deps, c.req.valid("query")), 200),
  );

  router.openapi(showRoute, async (c) => {
    const found = await findEscalation(deps, c.req.valid("param").id);
    return c.json(await escalationDetail(deps, found), 200);
  });

  router.openapi(updateRoute, async (c) => {
    const found = await findEscalation(deps, c.req.valid("param").id);
    return c.json(await updateAsOperator(deps, c.var.actor, found, c.req.valid("json")), 200);
  });

  return router;
}
