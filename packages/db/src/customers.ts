import type {
  CustomerChange,
  CustomerInput,
  SubscriptionChange,
  SubscriptionInput,
} from "@frontline/core";
import { asc, eq, inArray, like, or, sql } from "drizzle-orm";
import { type AuditFor, auditedWrite } from "./audit-log.ts";
import { type Db, driverError, first, one, tablesOf, violatesUnique } from "./client.ts";
import type { customers, subscriptions } from "./schema/index.ts";

export type CustomerRow = typeof customers.$inferSelect;

/** A customer to store: what the schema gives, with the later additions optional for older callers. */
export type NewCustomer = Omit<CustomerInput, "delegatedAccessUntil"> &
  Partial<Pick<CustomerInput, "delegatedAccessUntil">>;
export type NewSubscription = Omit<SubscriptionInput, "operatorReference"> &
  Partial<Pick<SubscriptionInput, "operatorReference">>;
export type SubscriptionRow = typeof subscriptions.$inferSelect;

/** The tenant domain is already another customer's. */
export class DuplicateTenantError extends Error {}

async function guardUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (violatesUnique(error, "customers", "tenant_domain")) {
      throw new DuplicateTenantError("Another customer already has this tenant domain");
    }
    throw driverError(error);
  }
}

export async function createCustomer(
  db: Db,
  input: NewCustomer,
  now: Date,
  audit?: AuditFor<CustomerRow>,
): Promise<CustomerRow> {
  const { customers } = tablesOf(db);
  const created = await guardUnique(() =>
    auditedWrite(
      db,
      (tx) =>
        one(
          tx
            .insert(customers)
            .values({ ...input, createdAt: now, updatedAt: now })
            .returning(),
        ),
      audit,
    ),
  );
  if (!created) throw new Error("the customer was not stored");
  return created;
}

export async function updateCustomer(
  db: Db,
  id: number,
  input: CustomerChange,
  now: Date,
  audit?: AuditFor<CustomerRow>,
): Promise<CustomerRow | null> {
  const { customers } = tablesOf(db);
  return guardUnique(() =>
    auditedWrite(
      db,
      (tx) =>
        first(
          tx
            .update(customers)
            .set({ ...input, updatedAt: now })
            .where(eq(customers.id, id))
            .returning(),
        ),
      audit,
    ),
  );
}

export async function getCustomer(db: Db, id: number): Promise<CustomerRow | null> {
  const { customers } = tablesOf(db);
  return (await first(db.select().from(customers).where(eq(customers.id, id)).limit(1))) ?? null;
}

/** Customers by name or tenant domain, with how many subscriptions each has. */
export async function listCustomers(db: Db, query = "", limit = 200) {
  const { customers, subscriptions } = tablesOf(db);
  const pattern = `%${query.trim().toLowerCase()}%`;
  return db
    .select({
      customer: customers,
      subscriptions:
        sql<number>`(select count(*) from ${subscriptions} where ${subscriptions.customerId} = ${customers.id})`.mapWith(
          Number,
        ),
    })
    .from(customers)
    .where(
      query.trim()
        ? or(
            like(sql`lower(${customers.organisation})`, pattern),
            like(customers.tenantDomain, pattern),
          )
        : undefined,
    )
    .orderBy(asc(customers.organisation))
    .limit(limit);
}

/** The customer owning one of these tenant domains, if any. */
export async function findCustomerByTenant(
  db: Db,
  domains: readonly string[],
): Promise<CustomerRow | null> {
  const { customers } = tablesOf(db);
  if (domains.length === 0) return null;
  return (
    (await first(
      db
        .select()
        .from(customers)
        .where(inArray(customers.tenantDomain, [...domains]))
        .limit(1),
    )) ?? null
  );
}

export async function subscriptionsOf(db: Db, customerId: number): Promise<SubscriptionRow[]> {
  const { subscriptions } = tablesOf(db);
  return db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.customerId, customerId))
    .orderBy(asc(subscriptions.service));
}

export async function addSubscription(
  db: Db,
  customerId: number,
  input: NewSubscription,
  now: Date,
  audit?: AuditFor<SubscriptionRow>,
): Promise<SubscriptionRow> {
  const { subscriptions } = tablesOf(db);
  const created = await auditedWrite(
    db,
    (tx) =>
      one(
        tx
          .insert(subscriptions)
          .values({ ...input, customerId, createdAt: now, updatedAt: now })
          .returning(),
      ),
    audit,
  );
  if (!created) throw new Error("the subscription was not stored");
  return created;
}

export async function updateSubscription(
  db: Db,
  id: number,
  input: SubscriptionChange,
  now: Date,
  audit?: AuditFor<SubscriptionRow>,
): Promise<SubscriptionRow | null> {
  const { subscriptions } = tablesOf(db);
  return auditedWrite(
    db,
    (tx) =>
      first(
        tx
          .update(subscriptions)
          .set({ ...input, updatedAt: now })
          .where(eq(subscriptions.id, id))
          .returning(),
      ),
    audit,
  );
}
