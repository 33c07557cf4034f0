import type { CustomerInput } from "@frontline/core";
import { actorOf } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import {
  addSubscriptionRoute,
  createCustomerRoute,
  listCustomersRoute,
  showCustomerRoute,
  updateCustomerRoute,
  updateSubscriptionRoute,
} from "./customers.routes.ts";
import {
  addCustomer,
  changeCustomer,
  changeSubscription,
  customerWithSubscriptions,
  findCustomers,
  subscribe,
} from "./customers.use-cases.ts";

export function customersApi(deps: AppDeps) {
  const router = createRouter();
  const who = actorOf;

  router.openapi(listCustomersRoute, async (c) =>
    c.json({ items: await findCustomers(deps, c.req.valid("query").q ?? "") }, 200),
  );
  router.openapi(createCustomerRoute, async (c) =>
    c.json(await addCustomer(deps, c.req.valid("json"), who(c)), 201),
  );
  router.openapi(showCustomerRoute, async (c) =>
    c.json(await customerWithSubscriptions(deps, c.req.valid("param").id), 200),
  );
  router.openapi(updateCustomerRoute, async (c) => {
    const change = c.req.valid("json") as Partial<CustomerInput>;
    return c.json(await changeCustomer(deps, c.req.valid("param").id, change, who(c)), 200);
  });
  router.openapi(addSubscriptionRoute, async (c) =>
    c.json(await subscribe(deps, c.req.valid("param").id, c.req.valid("json"), who(c)), 201),
  );
  router.openapi(updateSubscriptionRoute, async (c) =>
    c.json(
      await changeSubscription(deps, c.req.valid("param").id, c.req.valid("json"), who(c)),
      200,
    ),
  );
  return router;
}
