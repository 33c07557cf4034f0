import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { actingOnBehalf } from "../admin-portals/admin-portals.use-cases.ts";
import { addCustomer } from "./add-customer.ts";
import { changeCustomer } from "./change-customer.ts";
import { changeSubscription } from "./change-subscription.ts";
import {
  addSubscriptionRoute,
  createCustomerRoute,
  listCustomersRoute,
  showCustomerRoute,
  updateCustomerRoute,
  updateSubscriptionRoute,
} from "./customers.routes.ts";
import { customerWithSubscriptions, findCustomers } from "./customers.use-cases.ts";
import { subscribe } from "./subscribe.ts";

type SubscriptionRow = Awaited<ReturnType<typeof subscribe>>;
type CustomerWithSubscriptions = Awaited<ReturnType<typeof customerWithSubscriptions>>;

/** A customer (listed, or with its subscriptions) as the API sends it: dates in ISO 8601. */
const withIsoDates = <
  C extends { createdAt: Date; updatedAt: Date | null; delegatedAccessUntil: Date | null },
>(
  c: C,
) => ({
  ...c,
  delegatedAccessUntil: c.delegatedAccessUntil?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt?.toISOString() ?? null,
});

/** A subscription as the API sends it: dates in ISO 8601. */
const subscriptionJson = (s: SubscriptionRow) => ({
  ...s,
  renewalDate: s.renewalDate.toISOString(),
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const customerJson = async (deps: AppDeps, c: CustomerWithSubscriptions) => ({
  ...withIsoDates(c),
  subscriptions: c.subscriptions.map(subscriptionJson),
  actingOnBehalf: await actingOnBehalf(deps, c),
});

export function customersApi(deps: AppDeps) {
  const router = createRouter();

  router.openapi(listCustomersRoute, async (c) =>
    c.json(
      { items: (await findCustomers(deps, c.req.valid("query").q ?? "")).map(withIsoDates) },
      200,
    ),
  );
  router.openapi(createCustomerRoute, async (c) =>
    c.json(
      await customerJson(deps, await addCustomer(deps, c.req.valid("json"), c.var.actor)),
      201,
    ),
  );
  router.openapi(showCustomerRoute, async (c) =>
    c.json(
      await customerJson(deps, await customerWithSubscriptions(deps, c.req.valid("param").id)),
      200,
    ),
  );
  router.openapi(updateCustomerRoute, async (c) => {
    const changed = await changeCustomer(
      deps,
      c.req.valid("param").id,
      c.req.valid("json"),
      c.var.actor,
    );
    return c.json(await customerJson(deps, changed), 200);
  });
  router.openapi(addSubscriptionRoute, async (c) =>
    c.json(
      subscriptionJson(
        await subscribe(deps, c.req.valid("param").id, c.req.valid("json"), c.var.actor),
      ),
      201,
    ),
  );
  router.openapi(updateSubscriptionRoute, async (c) =>
    c.json(
      subscriptionJson(
        await changeSubscription(deps, c.req.valid("param").id, c.req.valid("json"), c.var.actor),
      ),
      200,
    ),
  );
  return router;
}
