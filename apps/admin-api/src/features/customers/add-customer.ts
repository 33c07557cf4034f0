import type { CustomerInput } from "@frontline/core";
import { createCustomer } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { customerAudit, saving } from "./customers.use-cases.ts";

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
