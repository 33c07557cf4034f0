import { createIncident, type Db, type NewIncident } from "@frontline/db";
import type { Clock } from "../src/platform/deps.ts";

/**
 * An incident posted straight into storage at the clock's time. Tests say
 * how bad it is and what customers read; unless they say otherwise it is
 * about mail, still being investigated, and started now.
 */
export function postedIncident(
  test: { readonly db: Db; readonly clock: Clock },
  incident: Pick<NewIncident, "impact" | "message"> & Partial<NewIncident>,
) {
  const now = test.clock.now();
  return createIncident(
    test.db,
    { service: "mail", status: "investigating", startedAt: now, ...incident },
    now,
  );
}
