import { z } from "zod";

/**
 * Acting on a customer's behalf happens in the operator's own admin portals,
 * not in Frontline: per service, an admin sets the portal's address as a
 * template, and the desk fills it for the customer at hand. `{tenant}` is
 * the customer's tenant domain, `{subscription}` the operator's id of the
 * customer's subscription to that service. Tenant users are managed in the
 * operator's admin center, which has a template of its own (`users`).
 */

export const portalPlaceholders = ["tenant", "subscription"] as const;
export type PortalPlaceholder = (typeof portalPlaceholders)[number];

/** The admin center where the customer's tenant users are managed: not a service, one for all. */
export const USER_ADMIN_PORTAL = "users";

const placeholder = /\{([^{}]*)\}/g;

/** The placeholders a template uses, each once, known or not. */
const placeholdersIn = (template: string) => [
  ...new Set([...template.matchAll(placeholder)].map((m) => m[1] ?? "")),
];

/** The URL the template makes for sample values: what a saved template must turn into. */
const sample = (template: string) =>
  template.replace(placeholder, (_, name: string) =>
    name === "tenant" ? "contoso.example" : "sub-0001",
  );

export const portalTemplateSchema = z.strictObject({
  urlTemplate: z
    .string()
    .trim()
    .min(1, "Give the portal's address.")
    .max(2000, "Use at most 2,000 characters.")
    .superRefine((template, context) => {
      const unknown = placeholdersIn(template).filter(
        (name) => !(portalPlaceholders as readonly string[]).includes(name),
      );
      if (unknown.length) {
        context.addIssue({
          code: "custom",
          message: `Unknown placeholders: ${unknown.map((n) => `{${n}}`).join(", ")}. Use {tenant} or {subscription}.`,
        });
        return;
      }
      const url = URL.canParse(sample(template)) ? new URL(sample(template)) : null;
      if (url?.protocol !== "https:" || url.username || url.password) {
        context.addIssue({
          code: "custom",
          message:
            "Use an https address like https://portal.operator.example/{tenant}, without a user name or password in it.",
        });
      }
    }),
});
export type PortalTemplateInput = z.infer<typeof portalTemplateSchema>;

/** Does the template need the subscription's id, which only some services' portals do? */
export const needsSubscription = (template: string) =>
  placeholdersIn(template).includes("subscription");

export type FilledPortal =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly missing: PortalPlaceholder };

/**
 * The portal's address for one customer. Values are percent-encoded, so a
 * tenant or id can never add a path, query or another host to the link.
 */
export function fillPortalTemplate(
  template: string,
  values: { readonly tenant: string | null; readonly subscription: string | null },
): FilledPortal {
  for (const name of placeholdersIn(template) as PortalPlaceholder[]) {
    if (!values[name]) return { ok: false, missing: name };
  }
  const url = template.replace(placeholder, (_, name: PortalPlaceholder) =>
    encodeURIComponent(values[name] ?? ""),
  );
  return { ok: true, url };
}

/** The partner's delegated admin relationship with a customer, as of a moment. */
export type DelegatedAccess =
  | { readonly state: "none" }
  | { readonly state: "granted"; readonly until: Date }
  | { readonly state: "expiring"; readonly until: Date; readonly daysLeft: number }
  | { readonly state: "expired"; readonly until: Date };

/** Flagged this long before it ends: time enough to ask the customer to renew it. */
export const DELEGATED_ACCESS_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60_000;

export function delegatedAccessState(until: Date | null, now: Date): DelegatedAccess {
  if (!until) return { state: "none" };
  const left = until.getTime() - now.getTime();
  if (left <= 0) return { state: "expired", until };
  const daysLeft = Math.ceil(left / DAY_MS);
  if (daysLeft <= DELEGATED_ACCESS_WARNING_DAYS) return { state: "expiring", until, daysLeft };
  return { state: "granted", until };
}
