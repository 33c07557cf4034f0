import type { DeflectionInput } from "@frontline/core";
import type { Db } from "./client.ts";
import { deflections } from "./schema/index.ts";

/** Records that a suggested article answered the customer before they filed. */
export async function recordDeflection(db: Db, deflection: DeflectionInput, now: Date) {
  return db
    .insert(deflections)
    .values({ ...deflection, createdAt: now })
    .returning()
    .get();
}
