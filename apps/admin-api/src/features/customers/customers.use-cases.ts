import type { CustomerInput, SubscriptionInput } from "@frontline/core";
import {
  type AuditEntry,
  addSubscription,
  createCustomer,
  DuplicateTenantError,
  getCustomer,
  listCustomers,
  subscriptionsOf,
  updateCustomer,
  updateSubscription,
} from "@frontline/db";
import { type Actor, auditEntry } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";

const duplicate = () =>
  problems.duplicateTenant([
    {
      field: "tenantDomain",
      message: "Another customer already has this tenant domain.",
      code: "duplicate",
    },
  ]);

/** The audit entry of a change to a customer; the change's own transaction writes it. */
function customerAudit(
  deps: AppDeps,
  who: Actor,
  action: string,
  target: string,
  detail: Record<string, unknown>,
): AuditEntry {
  return auditEntry(deps, who, { action, target, detail });
}

async function saving<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DuplicateTenantError) throw duplicate();
    throw error;
  }
}

export async function findCustomers(deps: AppDeps, query: string) {
  const rows = await listCustomers(deps.db, query);
  return rows.map((r) => ({ ...r.customer, subscriptions: r.subscriptions }));
}

export async function customerWithSubscriptions(deps: AppDeps, id: number) {
  const customer = await getCustomer(deps.db, id);
  if (!customer) throw problems.notFound(`There is no customer ${id}.`);
  return { ...customer, subscriptions: await subscriptionsOf(deps.db, id) };
}

export async function addCustomer(deps: AppDeps, input: CustomerInput, who: Actor) {
  const created = await saving(() =>
    createCustomer(deps.db, input, deps.clock.now(), (row) =>
      customerAudit(deps, who, "customer.create", `customer:${row.id}`, {
        organisation: row.organisation,
      }),
    ),
  );
  return { ...created, subscriptions: [] };
}

export async function changeCustomer(
  deps: AppDeps,
  id: number,
  change: Partial<CustomerInput>,
  who: Actor,
) {
  const updated = await saving(() =>
    updateCustomer(
      deps.db,
      id,
      change,
      deps.clock.now(),
      customerAudit(deps, who, "customer.update", `customer:${id}`, { ...change }),
    ),
  );
  if (!updated) throw problems.notFound(`There is no customer ${id}.`);
  return customerWithSubscriptions(deps, id);
}

export async function subscribe(
  deps: AppDeps,
  customerId: number,
  input: SubscriptionInput,
  who: Actor,
) {
  await customerWithSubscriptions(deps, customerId);
  const subscription = await addSubscription(deps.db, customerId, input, deps.clock.now(), (row) =>
    customerAudit(deps, who, "subscription.create", `customer:${customerId}`, {
      service: row.service,
      seats: row.seats,
    }),
  );
  return subscription;
}

export async function changeSubscription(
  deps: AppDeps,
  id: number,
  change: Partial<SubscriptionInput>,
  who: Actor,
) {
  const updated = await updateSubscription(
    deps.db,
    id,
    change,
    deps.clock.now(),
    customerAudit(deps, who, "subscription.update", `subscription:${id}`, { ...change }),
  );
  if (!updated) throw problems.notFound(`There is no subscription ${id}.`);
  return updated;
}
