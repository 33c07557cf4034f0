import {
  type AuditEntry,
  DuplicateTenantError,
  getCustomer,
  listCustomers,
  subscriptionsOf,
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
export function customerAudit(
  deps: AppDeps,
  who: Actor,
  action: string,
  target: string,
  detail: Record<string, unknown>,
): AuditEntry {
  return auditEntry(deps, who, { action, target, detail });
}

export async function saving<T>(write: () => Promise<T>): Promise<T> {
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
