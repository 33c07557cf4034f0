import {
  type CategoryId,
  categories,
  label,
  type SeverityId,
  type Status,
  severities,
  statuses,
} from "@frontline/core";
import type { AppDeps } from "../../platform/deps.ts";

/**
 * How the desk names things. Staff read statuses in their own words, not
 * the customer's ("Received"), so both sides know which side is talking.
 */
const statusNames: Record<Status, string> = {
  new: "New",
  open: "Open",
  "waiting-on-customer": "Waiting on the customer",
  escalated: "Escalated to the operator",
  resolved: "Resolved",
  closed: "Closed",
};
export const statusName = (status: Status) => statusNames[status];

export const statusOptions = statuses.map((s) => ({ value: s, label: statusNames[s] }));
export const severityOptions = severities.map((s) => ({ value: s.id, label: label(s.label) }));
export const categoryOptions = categories.map((c) => ({ value: c.id, label: label(c.label) }));

export const severityName = (id: SeverityId) =>
  severityOptions.find((s) => s.value === id)?.label ?? id;
export const categoryName = (id: CategoryId) =>
  categoryOptions.find((c) => c.value === id)?.label ?? id;

export const serviceOptions = (deps: AppDeps) =>
  deps.config.services.map((s) => ({ value: s.id, label: label(s.label) }));
export const serviceName = (deps: AppDeps, id: string) =>
  serviceOptions(deps).find((s) => s.value === id)?.label ?? id;

/** An "any" choice first, for filters. */
export const anyOption = (text = "Any") => [{ value: "", label: text }];

/** SLA states as words: breached and at-risk must never be told by colour alone. */
const slaWords: Record<string, string> = {
  breached: "Breached",
  "at-risk": "At risk",
  paused: "Paused",
  done: "Done",
  met: "Met",
  running: "On track",
};
export const slaWord = (state: string) => slaWords[state] ?? state;
