import type { CustomerInput } from "@frontline/core";
import {
  addSubscription,
  createCustomer,
  DuplicateTenantError,
  getCustomer,
  listCustomers,
  recordAudit,
  subscriptionsOf,
  updateCustomer,
  updateSubscription,
} from "@frontline/db";
import type { Context } from "hono";
import type { AppDeps } from "../platform/deps.ts";
import { clientAddress } from "../platform/guards.ts";
import { createRouter } from "../platform/openapi.ts";
import { Problem } from "../platform/problem.ts";
import {
  addSubscriptionRoute,
  createCustomerRoute,
  listCustomersRoute,
  showCustomerRoute,
  updateCustomerRoute,
  updateSubscriptionRoute,
} from "./customers.routes.ts";

const duplicate = () =>
  new Problem(
    409,
    "duplicate-tenant",
    "This tenant domain belongs to another customer",
    undefined,
    [
      {
        field: "tenantDomain",
        message: "Another customer already has this tenant domain.",
        code: "duplicate",
      },
    ],
  );

export function customersRouter(deps: AppDeps) {
  const router = createRouter();
  const now = () => deps.clock.now();
  const audit = async (
    c: Context,
    action: string,
    target: string,
    detail: Record<string, unknown>,
  ) => {
    const staff = c.get("staff");
    await recordAudit(deps.db, {
      at: now(),
      actorId: staff?.id ?? null,
      actorLabel: staff?.email ?? "unknown",
      action,
      target,
      detail,
      clientAddress: clientAddress(c, deps.config.trustProxy),
    });
  };
  const withSubscriptions = async (id: number) => {
    const customer = await getCustomer(deps.db, id);
    if (!customer) throw Problem.notFound(`There is no customer ${id}.`);
    return { ...customer, subscriptions: await subscriptionsOf(deps.db, id) };
  };
  const saving = async <T>(write: () => Promise<T>) => {
    try {
      return await write();
    } catch (error) {
      if (error instanceof DuplicateTenantError) throw duplicate();
      throw error;
    }
  };

  router.openapi(listCustomersRoute, async (c) => {
    const rows = await listCustomers(deps.db, c.req.valid("query").q ?? "");
    return c.json(
      { items: rows.map((r) => ({ ...r.customer, subscriptions: r.subscriptions })) },
      200,
    );
  });
  router.openapi(createCustomerRoute, async (c) => {
    const created = await saving(() => createCustomer(deps.db, c.req.valid("json"), now()));
    await audit(c, "customer.create", `customer:${created.id}`, {
      organisation: created.organisation,
    });
    return c.json({ ...created, subscriptions: [] }, 201);
  });
  router.openapi(showCustomerRoute, async (c) =>
    c.json(await withSubscriptions(c.req.valid("param").id), 200),
  );
  router.openapi(updateCustomerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const change = c.req.valid("json") as Partial<CustomerInput>;
    const updated = await saving(() => updateCustomer(deps.db, id, change, now()));
    if (!updated) throw Problem.notFound(`There is no customer ${id}.`);
    await audit(c, "customer.update", `customer:${id}`, { ...change });
    return c.json(await withSubscriptions(id), 200);
  });
  router.openapi(addSubscriptionRoute, async (c) => {
    const { id } = c.req.valid("param");
    await withSubscriptions(id);
    const subscription = await addSubscription(deps.db, id, c.req.valid("json"), now());
    await audit(c, "subscription.create", `customer:${id}`, {
      service: subscription.service,
      seats: subscription.seats,
    });
    return c.json(subscription, 201);
  });
  router.openapi(updateSubscriptionRoute, async (c) => {
    const { id } = c.req.valid("param");
    const updated = await updateSubscription(deps.db, id, c.req.valid("json"), now());
    if (!updated) throw Problem.notFound(`There is no subscription ${id}.`);
    await audit(c, "subscription.update", `subscription:${id}`, { ...c.req.valid("json") });
    return c.json(updated, 200);
  });
  return router;
}
