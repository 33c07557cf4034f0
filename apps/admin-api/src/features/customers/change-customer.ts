import type { CustomerChange } from "@frontline/core";
import { updateCustomer } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { customerAudit, customerWithSubscriptions, saving } from "./customers.use-cases.ts";

export async function changeCustomer(
  deps: AppDeps,
  id: number,
  change: CustomerChange,
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
