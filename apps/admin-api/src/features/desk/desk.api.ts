import type { Context } from "hono";
import type { StaffEnv } from "../../platform/app-env.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { addNote } from "./add-note.ts";
import { assignTo } from "./assign-request.ts";
import { classify } from "./classify-request.ts";
import type { DeskChange } from "./desk.guards.ts";
import {
  assignRoute,
  classifyRoute,
  incidentRoute,
  mergeRoute,
  noteRoute,
  replyRoute,
  requestDetailRoute,
  resolutionRoute,
  statusRoute,
  tagsRoute,
} from "./desk.routes.ts";
import { deskView, requestForDesk } from "./desk.use-cases.ts";
import { linkToIncident } from "./link-to-incident.ts";
import { mergeInto } from "./merge-into.ts";
import { moveStatus } from "./move-status.ts";
import { replyToCustomer } from "./reply-to-customer.ts";
import { resolveRequest } from "./resolve-request.ts";
import { tagRequest } from "./tag-request.ts";

/** An action's call: the request's number in the path, the change in the body, the caller. */
type ActionCall<I> = Context<StaffEnv, string, { out: { param: { number: string }; json: I } }>;

/** The partner desk's API: a request's detail and the actions on it. */
export function deskApi(deps: AppDeps) {
  const router = createRouter();
  router.openapi(requestDetailRoute, async (c) => {
    const row = await requestForDesk(deps, c.req.valid("param").number);
    c.header("Cache-Control", "no-store");
    return c.json(await deskView(deps, row, c.var.staff), 200);
  });

  /** Every action: the request by its number, the change as the caller, the desk's view after it. */
  async function act<I extends { version: number }>(c: ActionCall<I>, change: DeskChange<I>) {
    const row = await requestForDesk(deps, c.req.valid("param").number);
    const updated = await change(deps, c.var.actor, row, c.req.valid("json"));
    return deskView(deps, updated, c.var.staff);
  }

  router.openapi(assignRoute, async (c) => c.json(await act(c, assignTo), 200));
  router.openapi(classifyRoute, async (c) => c.json(await act(c, classify), 200));
  router.openapi(replyRoute, async (c) => c.json(await act(c, replyToCustomer), 201));
  router.openapi(noteRoute, async (c) => c.json(await act(c, addNote), 201));
  router.openapi(statusRoute, async (c) => c.json(await act(c, moveStatus), 200));
  router.openapi(resolutionRoute, async (c) => c.json(await act(c, resolveRequest), 200));
  router.openapi(mergeRoute, async (c) => c.json(await act(c, mergeInto), 200));
  router.openapi(incidentRoute, async (c) => c.json(await act(c, linkToIncident), 200));
  router.openapi(tagsRoute, async (c) => c.json(await act(c, tagRequest), 200));

  return router;
}
