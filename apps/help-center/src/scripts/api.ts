/** Where the API lives: a build-time setting, same origin by default. */
export const apiOrigin = (import.meta.env.PUBLIC_API_ORIGIN ?? "").replace(/\/+$/, "");

export const apiUrl = (path: string) => `${apiOrigin}${path}`;

export type ServiceState = "operational" | "degraded" | "outage";

export interface ServiceHealth {
  services: { id: string; label: string; status: ServiceState }[];
  incidents: {
    id: number;
    service: string;
    serviceLabel: string;
    impact: Exclude<ServiceState, "operational">;
    message: string;
    startedAt: string;
  }[];
  checkedAt: string;
}

/** The live service health, or null when the API cannot be reached or answers oddly. */
export async function fetchServiceHealth(locale: string): Promise<ServiceHealth | null> {
  try {
    const response = await fetch(
      apiUrl(`/api/v1/service-health?locale=${encodeURIComponent(locale)}`),
      {
        headers: { Accept: "application/json" },
        signal: AbortSignal.timeout(5_000),
      },
    );
    if (!response.ok) return null;
    const health = (await response.json()) as ServiceHealth;
    return Array.isArray(health.services) && Array.isArray(health.incidents) ? health : null;
  } catch {
    return null;
  }
}
