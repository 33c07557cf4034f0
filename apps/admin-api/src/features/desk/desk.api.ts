import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { addNote } from "./add-note.ts";
import { assignTo } from "./assign-request.ts";
import { classify } from "./classify-request.ts";
import {
  assignRoute,
  classifyRoute,
  incidentRoute,
  mergeRoute,
  noteRoute,
  replyRoute,
  requestDetailRoute,
  statusRoute,
} from "./desk.routes.ts";
import { deskView, requestForDesk } from "./desk.use-cases.ts";
import { linkToIncident } from "./link-to-incident.ts";
import { mergeInto } from "./merge-into.ts";
import { moveStatus } from "./move-status.ts";
import { replyToCustomer } from "./reply-to-customer.ts";

/** The partner desk's API: a request's detail and the actions on it. */
export function deskApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(requestDetailRoute, async (c) => {
    const row = await requestForDesk(deps, c.req.valid("param").number);
    c.header("Cache-Control", "no-store");
    return c.json(await deskView(deps, row, c.var.staff), 200);
  });

  router.openapi(assignRoute, async (c) => {
    const who = c.var.actor;
    const row = await requestForDesk(deps, c.req.valid("param").number);
    const updated = await assignTo(deps, who, row, c.req.valid("json"));
    return c.json(await deskView(deps, updated, c.var.staff), 200);
  });

  router.openapi(classifyRoute, async (c) => {
    const who = c.var.actor;
    const row = await requestForDesk(deps, c.req.valid("param").number);
    const updated = await classify(deps, who, row, c.req.valid("json"));
    return c.json(await deskView(deps, updated, c.var.staff), 200);
  });

  router.openapi(replyRoute, async (c) => {
    const who = c.var.actor;
    const row = await requestForDesk(deps, c.req.valid("param").number);
    const updated = await replyToCustomer(deps, who, row, c.req.valid("json"));
    return c.json(await deskView(deps, updated, c.var.staff), 201);
  });

  router.openapi(noteRoute, async (c) => {
    const who = c.var.actor;
    const row = await requestForDesk(deps, c.req.valid("param").number);
    const updated = await addNote(deps, who, row, c.req.valid("json"));
    return c.json(await deskView(deps, updated, c.var.staff), 201);
  });

  router.openapi(statusRoute, async (c) => {
    const who = c.var.actor;
    const row = await requestForDesk(deps, c.req.valid("param").number);
    const updated = await moveStatus(deps, who, row, c.req.valid("json"));
    return c.json(await deskView(deps, updated, c.var.staff), 200);
  });

  router.openapi(mergeRoute, async (c) => {
    const who = c.var.actor;
    const row = await requestForDesk(deps, c.req.valid("param").number);
    const updated = await mergeInto(deps, who, row, c.req.valid("json"));
    return c.json(await deskView(deps, updated, c.var.staff), 200);
  });

  router.openapi(incidentRoute, async (c) => {
    const who = c.var.actor;
    const row = await requestForDesk(deps, c.req.valid("param").number);
    const updated = await linkToIncident(deps, who, row, c.req.valid("json"));
    return c.json(await deskView(deps, updated, c.var.staff), 200);
  });

  return router;
}
