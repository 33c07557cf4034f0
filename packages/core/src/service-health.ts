import { label, type Service } from "./catalog.ts";
import type { ServiceStatus } from "./escalation.ts";
import type { Locale, Localized } from "./locales.ts";

/** An incident as the status views need it; `resolvedAt` null while it lasts. */
export interface IncidentView {
  readonly id: number;
  readonly service: string;
  readonly impact: Exclude<ServiceStatus, "operational">;
  readonly status: string;
  readonly message: Partial<Localized>;
  readonly startedAt: Date;
  readonly updatedAt: Date;
  readonly resolvedAt: Date | null;
}

const severity: Record<ServiceStatus, number> = { operational: 0, degraded: 1, outage: 2 };

/** A service's status is the worst impact among its active incidents. */
export function statusOfService(
  serviceId: string,
  incidents: readonly IncidentView[],
): ServiceStatus {
  return incidents
    .filter((incident) => incident.service === serviceId && incident.resolvedAt === null)
    .reduce<ServiceStatus>(
      (worst, incident) => (severity[incident.impact] > severity[worst] ? incident.impact : worst),
      "operational",
    );
}

/** The incident text in the reader's language, English when not translated. */
export function incidentMessage(incident: IncidentView, locale: Locale): string {
  return incident.message[locale] ?? incident.message.en ?? "";
}

/** Every service with its status, and the active incidents, labelled for one locale. */
export function serviceHealthReport(
  services: readonly Service[],
  incidents: readonly IncidentView[],
  locale: Locale,
) {
  const active = incidents.filter((incident) => incident.resolvedAt === null);
  const serviceName = (id: string) => {
    const service = services.find((s) => s.id === id);
    return service ? label(service.label, locale) : id;
  };
  return {
    services: services.map((service) => ({
      id: service.id,
      label: label(service.label, locale),
      status: statusOfService(service.id, active),
    })),
    incidents: active.map((incident) => ({
      id: incident.id,
      service: incident.service,
      serviceLabel: serviceName(incident.service),
      impact: incident.impact,
      status: incident.status,
      message: incidentMessage(incident, locale),
      startedAt: incident.startedAt.toISOString(),
      updatedAt: incident.updatedAt.toISOString(),
    })),
  };
}
