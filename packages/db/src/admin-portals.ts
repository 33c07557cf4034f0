/** The operator's admin portal templates, one per service key, changed with their audit entry. */
import { asc, eq } from "drizzle-orm";
import { type AuditEntry, auditedWrite } from "./audit-log.ts";
import { type Db, first, tablesOf } from "./client.ts";
import type { adminPortals } from "./schema/index.ts";

export type AdminPortalRow = typeof adminPortals.$inferSelect;

export async function listAdminPortals(db: Db): Promise<AdminPortalRow[]> {
  const { adminPortals } = tablesOf(db);
  return db.select().from(adminPortals).orderBy(asc(adminPortals.key));
}

export async function saveAdminPortal(
  db: Db,
  portal: { key: string; urlTemplate: string; by: number; at: Date },
  audit: AuditEntry,
): Promise<AdminPortalRow | null> {
  const { adminPortals } = tablesOf(db);
  const values = { urlTemplate: portal.urlTemplate, updatedAt: portal.at, updatedBy: portal.by };
  return auditedWrite(
    db,
    (tx) =>
      first(
        tx
          .insert(adminPortals)
          .values({ key: portal.key, ...values })
          .onConflictDoUpdate({ target: adminPortals.key, set: values })
          .returning(),
      ),
    audit,
  );
}

/** Removes a template; null when there was none. */
export async function removeAdminPortal(
  db: Db,
  key: string,
  audit: AuditEntry,
): Promise<AdminPortalRow | null> {
  const { adminPortals } = tablesOf(db);
  return auditedWrite(
    db,
    (tx) => first(tx.delete(adminPortals).where(eq(adminPortals.key, key)).returning()),
    audit,
  );
}
