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

/** An organisation the partner serves; requests are matched to it by tenant domain. */
export const customerSchema = z.strictObject({
  organisation: plainText().min(2).max(200),
  tenantDomain: domain.nullable().default(null),
  contacts: z.array(customerContactSchema).max(20).default([]),
});
export type CustomerInput = z.infer<typeof customerSchema>;

export const subscriptionStatuses = ["active", "suspended", "cancelled"] as const;

export const subscriptionSchema = z.strictObject({
  service: z.string().min(1),
  seats: z.number().int().min(1).max(1_000_000),
  status: z.enum(subscriptionStatuses).default("active"),
  renewalDate: z.coerce.date(),
});
export type SubscriptionInput = z.infer<typeof subscriptionSchema>;

/**
 * The tenant domains a request may belong to: what the customer typed as
 * organisation when it looks like a domain, and their email's domain.
 */
export function candidateTenantDomains(organisation: string, email: string): string[] {
  const typed = organisation.trim().toLowerCase();
  const fromEmail = email.split("@")[1]?.trim().toLowerCase() ?? "";
  return [...new Set([typed, fromEmail].filter((d) => domain.safeParse(d).success))];
}
