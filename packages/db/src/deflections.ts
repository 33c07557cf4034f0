import type { DeflectionInput } from "@frontline/core";
import type { Db } from "./client.ts";
import { one, tablesOf } from "./client.ts";

/** Records that a suggested article answered the customer before they filed. */
export async function recordDeflection(db: Db, deflection: DeflectionInput, now: Date) {
  const { deflections } = tablesOf(db);
  return one(
    db
      .insert(deflections)
      .values({ ...deflection, createdAt: now })
      .returning(),
  );
}
