import type { SubscriptionInput } from "@frontline/core";
import { addSubscription } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { customerAudit, customerWithSubscriptions } from "./customers.use-cases.ts";

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
