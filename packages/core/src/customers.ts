import { z } from "zod";
import { emailAddress, plainText } from "./text.ts";

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/,
    "Use a domain like contoso.example",
  );

export const customerContactSchema = z.strictObject({
  name: plainText().min(1).max(120),
  email: emailAddress(),
  phone: plainText().max(40).optional(),
});

const customerFields = {
  organisation: plainText().min(2).max(200),
  tenantDomain: domain.nullable(),
  contacts: z.array(customerContactSchema).max(20),
  /** Until when the customer granted the partner delegated admin access; null: never granted. */
  delegatedAccessUntil: z.coerce.date().nullable(),
};

/** An organisation the partner serves; requests are matched to it by tenant domain. */
export const customerSchema = z.strictObject({
  ...customerFields,
  tenantDomain: customerFields.tenantDomain.default(null),
  contacts: customerFields.contacts.default([]),
  delegatedAccessUntil: customerFields.delegatedAccessUntil.default(null),
});
export type CustomerInput = z.infer<typeof customerSchema>;

/**
 * A change to a customer: only the fields sent change. Without defaults,
 * so a change of the name cannot reset the tenant domain or the contacts.
 */
export const customerChangeSchema = z.strictObject(customerFields).partial();
export type CustomerChange = z.infer<typeof customerChangeSchema>;

export const subscriptionStatuses = ["active", "suspended", "cancelled"] as const;

const subscriptionFields = {
  service: z.string().min(1),
  seats: z.number().int().min(1).max(1_000_000),
  status: z.enum(subscriptionStatuses),
  renewalDate: z.coerce.date(),
  /** The operator's id of the subscription, which some admin portals' addresses need. */
  operatorReference: plainText().min(1).max(100).nullable(),
};

export const subscriptionSchema = z.strictObject({
  ...subscriptionFields,
  status: subscriptionFields.status.default("active"),
  operatorReference: subscriptionFields.operatorReference.default(null),
});
export type SubscriptionInput = z.infer<typeof subscriptionSchema>;

/** A change to a subscription: only the fields sent change (a new seat count keeps the status). */
export const subscriptionChangeSchema = z.strictObject(subscriptionFields).partial();
export type SubscriptionChange = z.infer<typeof subscriptionChangeSchema>;

/**
 * The tenant domains a request may belong to: what the customer typed as
 * organisation when it looks like a domain, and their email's domain.
 */
export function candidateTenantDomains(organisation: string, email: string): string[] {
  const typed = organisation.trim().toLowerCase();
  const fromEmail = email.split("@")[1]?.trim().toLowerCase() ?? "";
  return [...new Set([typed, fromEmail].filter((d) => domain.safeParse(d).success))];
}
