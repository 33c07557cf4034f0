import {
  type CategoryId,
  categories,
  type EscalationStatus,
  type Locale,
  label,
  localeNames,
  type QueueSlaState,
  type Service,
  type ServiceStatus,
  type SeverityId,
  type Status,
  severities,
  statuses,
} from "@frontline/core";

/**
 * Every word the console shows for a state, in one catalogue. Each list is
 * a Record over core's own list, so a status added in core does not compile
 * until it has its words here; a translation is a second object of this type.
 */
export interface ConsoleWords {
  /** Staff read statuses in their own words, not the customer's ("Received"). */
  readonly requestStatuses: Readonly<Record<Status, string>>;
  /** SLA states as words: breached and at-risk must never be told by colour alone. */
  readonly slaStates: Readonly<Record<QueueSlaState | "met", string>>;
  readonly escalationStatuses: Readonly<Record<EscalationStatus, string>>;
  readonly serviceStatuses: Readonly<Record<ServiceStatus, string>>;
  readonly any: string;
}

const en: ConsoleWords = {
  requestStatuses: {
    new: "New",
    open: "Open",
    "waiting-on-customer": "Waiting on the customer",
    escalated: "Escalated to the operator",
    resolved: "Resolved",
    closed: "Closed",
  },
  slaStates: {
    breached: "Breached",
    "at-risk": "At risk",
    paused: "Paused",
    done: "Done",
    met: "Met",
    running: "On track",
  },
  escalationStatuses: {
    submitted: "Submitted",
    acknowledged: "Acknowledged",
    "engineer-assigned": "Engineer assigned",
    resolved: "Resolved",
    "returned-to-partner": "Returned to partner",
  },
  serviceStatuses: { operational: "Operational", degraded: "Degraded", outage: "Outage" },
  any: "Any",
};

export const words = en;

export const statusName = (status: Status) => words.requestStatuses[status];
/** A customer's language by its own name ("Deutsch"), as the desk tells agents what to write in. */
export const languageName = (locale: string) => localeNames[locale as Locale] ?? locale;
export const statusOptions = statuses.map((s) => ({ value: s, label: statusName(s) }));
export const slaWord = (state: string) =>
  (words.slaStates as Record<string, string>)[state] ?? state;
export const escalationStatusNames = words.escalationStatuses;
export const serviceStatusNames = words.serviceStatuses;
export const impactNames: Readonly<Record<Exclude<ServiceStatus, "operational">, string>> = {
  degraded: words.serviceStatuses.degraded,
  outage: words.serviceStatuses.outage,
};

export const severityOptions = severities.map((s) => ({ value: s.id, label: label(s.label) }));
export const categoryOptions = categories.map((c) => ({ value: c.id, label: label(c.label) }));
export const severityName = (id: SeverityId | string) =>
  severityOptions.find((s) => s.value === id)?.label ?? id;
export const categoryName = (id: CategoryId) =>
  categoryOptions.find((c) => c.value === id)?.label ?? id;

/** The configured services (a partner's catalogue), as choices and as names. */
export const serviceOptions = (services: readonly Service[]) =>
  services.map((s) => ({ value: s.id, label: label(s.label) }));
export function serviceName(services: readonly Service[], id: string): string {
  const service = services.find((s) => s.id === id);
  return service ? label(service.label) : id;
}

/** An "any" choice first, for filters. */
export const anyOption = (text = words.any) => [{ value: "", label: text }];
