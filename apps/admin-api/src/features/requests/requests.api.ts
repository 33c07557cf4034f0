import { createSupportRequestSchema } from "@frontline/core";
import type { Context } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { changeStatusAsCustomer } from "./change-status-as-customer.ts";
import { fileRequest } from "./file-request.ts";
import { rateSupport } from "./rate-support.ts";
import { replyAsCustomer } from "./reply-as-customer.ts";
import {
  customerStatusRoute,
  fileRequestRoute,
  rateRoute,
  replyRoute,
  trackRequestRoute,
} from "./requests.routes.ts";
import { authorizeCustomer, trackRequest } from "./requests.use-cases.ts";

/** A call about one filed request, from the customer who filed it. */
type TrackedCall = Context<
  AppEnv,
  string,
  { out: { param: { number: string }; header: { "x-tracking-token"?: string | undefined } } }
>;

export function requestsApi(deps: AppDeps) {
  const router = createRouter();
  const fileRoute = fileRequestRoute(createSupportRequestSchema(deps.config.services));

  router.openapi(fileRoute, async (c) => {
    const filed = await fileRequest(
      deps,
      c.req.valid("json"),
      c.req.valid("header")["idempotency-key"],
    );
    c.header("Location", `/api/v1/requests/${filed.number}`);
    return c.json(filed, 201);
  });

  router.openapi(trackRequestRoute, async (c) => {
    const { number } = c.req.valid("param");
    c.header("Cache-Control", "no-store");
    return c.json(await trackRequest(deps, number, c.req.valid("header")["x-tracking-token"]), 200);
  });

  /** The customer's own request: the number in the path, proven by the tracking token. */
  const ownRequest = (c: TrackedCall) =>
    authorizeCustomer(deps, c.req.valid("param").number, c.req.valid("header")["x-tracking-token"]);

  router.openapi(replyRoute, async (c) => {
    const row = await ownRequest(c);
    return c.json(await replyAsCustomer(deps, row, c.req.valid("json")), 201);
  });
  router.openapi(rateRoute, async (c) => {
    const row = await ownRequest(c);
    return c.json(await rateSupport(deps, row, c.req.valid("json")), 200);
  });
  router.openapi(customerStatusRoute, async (c) => {
    const row = await ownRequest(c);
    return c.json(await changeStatusAsCustomer(deps, row, c.req.valid("json").status), 200);
  });

  return router;
}
