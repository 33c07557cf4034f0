import {
  type EscalationStatus,
  label,
  type Service,
  type ServiceStatus,
  severities,
} from "@frontline/core";

/** Words for the console; status is never shown by colour alone. */
export const escalationStatusNames: Readonly<Record<EscalationStatus, string>> = {
  submitted: "Submitted",
  acknowledged: "Acknowledged",
  "engineer-assigned": "Engineer assigned",
  resolved: "Resolved",
  "returned-to-partner": "Returned to partner",
};

export const impactNames: Readonly<Record<Exclude<ServiceStatus, "operational">, string>> = {
  degraded: "Degraded",
  outage: "Outage",
};

export const serviceStatusNames: Readonly<Record<ServiceStatus, string>> = {
  operational: "Operational",
  ...impactNames,
};

export function serviceName(services: readonly Service[], id: string): string {
  const service = services.find((s) => s.id === id);
  return service ? label(service.label) : id;
}

export const serviceOptions = (services: readonly Service[]) =>
  services.map((s) => ({ value: s.id, label: label(s.label) }));

export function severityName(id: string): string {
  const severity = severities.find((s) => s.id === id);
  return severity ? label(severity.label) : id;
}
