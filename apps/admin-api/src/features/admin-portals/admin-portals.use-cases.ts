import {
  delegatedAccessState,
  fillPortalTemplate,
  type PortalPlaceholder,
  type PortalTemplateInput,
  USER_ADMIN_PORTAL,
} from "@frontline/core";
import {
  getCustomer,
  listAdminPortals,
  removeAdminPortal,
  saveAdminPortal,
  subscriptionsOf,
} from "@frontline/db";
import { type Actor, audit, auditEntry, staffOf } from "../../platform/actor.ts";
import { serviceName } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";

const USERS_LABEL = "Admin center (tenant users)";

/** The keys a template may be saved under: each service, and the admin center for users. */
function portalKeys(deps: AppDeps) {
  return [
    ...deps.config.services.map((s) => ({
      key: s.id,
      label: serviceName(deps.config.services, s.id),
    })),
    { key: USER_ADMIN_PORTAL, label: USERS_LABEL },
  ];
}

/** Every portal an admin may set, with its template or null. */
export async function portalTemplates(deps: AppDeps) {
  const saved = new Map((await listAdminPortals(deps.db)).map((row) => [row.key, row]));
  return portalKeys(deps).map(({ key, label }) => ({
    key,
    label,
    urlTemplate: saved.get(key)?.urlTemplate ?? null,
    updatedAt: saved.get(key)?.updatedAt.toISOString() ?? null,
  }));
}

function knownKey(deps: AppDeps, key: string) {
  const found = portalKeys(deps).find((k) => k.key === key);
  if (!found) throw problems.notFound(`There is no service ${key}.`);
  return found;
}

export async function setPortalTemplate(
  deps: AppDeps,
  actor: Actor,
  key: string,
  input: PortalTemplateInput,
) {
  knownKey(deps, key);
  await saveAdminPortal(
    deps.db,
    { key, urlTemplate: input.urlTemplate, by: staffOf(actor).id, at: deps.clock.now() },
    auditEntry(deps, actor, {
      action: "portal.change",
      target: `portal:${key}`,
      detail: { urlTemplate: input.urlTemplate },
    }),
  );
  return (await portalTemplates(deps)).find((p) => p.key === key);
}

export async function removePortalTemplate(deps: AppDeps, actor: Actor, key: string) {
  knownKey(deps, key);
  const removed = await removeAdminPortal(
    deps.db,
    key,
    auditEntry(deps, actor, { action: "portal.remove", target: `portal:${key}`, detail: null }),
  );
  if (!removed) throw problems.notFound(`No portal is set for ${key}.`);
}

interface CustomerLike {
  readonly id: number;
  readonly tenantDomain: string | null;
  readonly delegatedAccessUntil: Date | null;
  readonly subscriptions: readonly {
    service: string;
    status: string;
    operatorReference: string | null;
  }[];
}

export interface PortalLink {
  readonly key: string;
  readonly label: string;
  /** Where the desk opens it (the use is audited); null while a value it needs is missing. */
  readonly openPath: string | null;
  readonly missing: PortalPlaceholder | null;
}

/**
 * What the partner may do for a customer in the operator's portals: the
 * delegated admin relationship as of now, a portal link for each service
 * the customer has (not cancelled) where an admin set one, and the admin
 * center where its tenant users are managed.
 */
export async function actingOnBehalf(deps: AppDeps, customer: CustomerLike) {
  const templates = new Map((await listAdminPortals(deps.db)).map((r) => [r.key, r.urlTemplate]));
  const link = (key: string, label: string, subscription: string | null): PortalLink | null => {
    const template = templates.get(key);
    if (!template) return null;
    const filled = fillPortalTemplate(template, { tenant: customer.tenantDomain, subscription });
    return {
      key,
      label,
      openPath: filled.ok ? `/admin/customers/${customer.id}/portals/${key}` : null,
      missing: filled.ok ? null : filled.missing,
    };
  };
  const portals = customer.subscriptions
    .filter((s) => s.status !== "cancelled")
    .map((s) => link(s.service, serviceName(deps.config.services, s.service), s.operatorReference))
    .filter((p): p is PortalLink => p !== null);
  const access = delegatedAccessState(customer.delegatedAccessUntil, deps.clock.now());
  return {
    delegatedAccess: {
      state: access.state,
      until: "until" in access ? access.until.toISOString() : null,
      daysLeft: access.state === "expiring" ? access.daysLeft : null,
    },
    portals,
    userAdmin: link(USER_ADMIN_PORTAL, USERS_LABEL, null),
  };
}

/**
 * The portal's address for this customer, with the audit entry of who
 * opened which customer's portal, when. Refused for a service the customer
 * does not have, or while the address lacks a value.
 */
export async function openAdminPortal(
  deps: AppDeps,
  actor: Actor,
  customerId: number,
  key: string,
) {
  const customer = await getCustomer(deps.db, customerId);
  if (!customer) throw problems.notFound(`There is no customer ${customerId}.`);
  const subscriptions = await subscriptionsOf(deps.db, customerId);
  const template = (await listAdminPortals(deps.db)).find((r) => r.key === key)?.urlTemplate;
  const subscription = subscriptions.find((s) => s.service === key && s.status !== "cancelled");
  if (!template || (key !== USER_ADMIN_PORTAL && !subscription)) {
    throw problems.notFound(`${customer.organisation} has no admin portal for ${key}.`);
  }
  const filled = fillPortalTemplate(template, {
    tenant: customer.tenantDomain,
    subscription: subscription?.operatorReference ?? null,
  });
  if (!filled.ok) {
    throw problems.portalNeedsValue(
      filled.missing === "tenant"
        ? `Set ${customer.organisation}'s tenant domain first: the portal's address needs it.`
        : `Add the operator's subscription id to ${customer.organisation}'s subscription first: the portal's address needs it.`,
    );
  }
  await audit(deps, actor, {
    action: "portal.open",
    target: `customer:${customer.id}`,
    detail: { organisation: customer.organisation, portal: key, url: filled.url },
  });
  return filled.url;
}
