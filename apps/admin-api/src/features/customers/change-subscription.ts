import type { SubscriptionChange } from "@frontline/core";
import { updateSubscription } from "@frontline/db";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { customerAudit } from "./customers.use-cases.ts";

export async function changeSubscription(
  deps: AppDeps,
  id: number,
  change: SubscriptionChange,
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
