import type { Locale } from "@frontline/core";
import { and, asc, eq } from "drizzle-orm";
import { type Db, one, type Queries, tablesOf } from "./client.ts";
import type { incidentSubscriptions } from "./schema/index.ts";

export type IncidentSubscription = typeof incidentSubscriptions.$inferSelect;

/** How an address is kept and compared: "Ana@Example.COM " and "ana@example.com" are one subscriber. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

/**
 * Stores a confirmed subscription. Confirming again (a second click on the
 * link, or from another language's page) keeps one row, in the latest language.
 */
export async function addIncidentSubscription(
  db: Db,
  subscription: { readonly service: string; readonly email: string; readonly locale: Locale },
  now: Date,
): Promise<IncidentSubscription> {
  const { incidentSubscriptions } = tablesOf(db);
  const email = normalEmail(subscription.email);
  return one(
    db
      .insert(incidentSubscriptions)
      .values({ service: subscription.service, email, locale: subscription.locale, createdAt: now })
      .onConflictDoUpdate({
        target: [incidentSubscriptions.service, incidentSubscriptions.email],
        set: { locale: subscription.locale },
      })
      .returning(),
  );
}

/**
 * Deletes a subscription, address and all. The address must match too, so
 * a link stays tied to the person it was sent to. False when there was
 * none (already unsubscribed): unsubscribing twice is not an error for the caller.
 */
export async function removeIncidentSubscription(
  db: Db,
  id: number,
  email: string,
): Promise<IncidentSubscription | null> {
  const { incidentSubscriptions } = tablesOf(db);
  const removed = await db
    .delete(incidentSubscriptions)
    .where(
      and(eq(incidentSubscriptions.id, id), eq(incidentSubscriptions.email, normalEmail(email))),
    )
    .returning();
  return removed[0] ?? null;
}

export async function getIncidentSubscription(
  db: Db,
  id: number,
): Promise<IncidentSubscription | null> {
  const { incidentSubscriptions } = tablesOf(db);
  const rows = await db
    .select()
    .from(incidentSubscriptions)
    .where(eq(incidentSubscriptions.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Everyone who wants one service's incident mail, read inside the change's transaction. */
export async function subscribersOf(db: Queries, service: string): Promise<IncidentSubscription[]> {
  const { incidentSubscriptions } = tablesOf(db);
  return db
    .select()
    .from(incidentSubscriptions)
    .where(eq(incidentSubscriptions.service, service))
    .orderBy(asc(incidentSubscriptions.id));
}
