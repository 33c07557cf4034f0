import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { requestForDesk } from "../desk/desk.use-cases.ts";
import {
  changeCannedRoute,
  createCannedRoute,
  deleteCannedRoute,
  listCannedRoute,
} from "./canned-replies.routes.ts";
import {
  addCannedReply,
  cannedRepliesFor,
  changeCannedReply,
  removeCannedReply,
} from "./canned-replies.use-cases.ts";

export function cannedRepliesApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(listCannedRoute, async (c) => {
    const number = c.req.valid("query").request;
    const request = number ? await requestForDesk(deps, number) : undefined;
    return c.json({ items: await cannedRepliesFor(deps, c.var.actor, request) }, 200);
  });
  router.openapi(createCannedRoute, async (c) => {
    const created = await addCannedReply(deps, c.var.actor, c.req.valid("json"));
    return c.json({ ...created, filled: null }, 201);
  });
  router.openapi(changeCannedRoute, async (c) => {
    const id = c.req.valid("param").id;
    const changed = await changeCannedReply(deps, c.var.actor, id, c.req.valid("json"));
    return c.json({ ...changed, filled: null }, 200);
  });
  router.openapi(deleteCannedRoute, async (c) => {
    await removeCannedReply(deps, c.var.actor, c.req.valid("param").id);
    return c.body(null, 204);
  });
  return router;
}
