import { fetchServiceHealth, type ServiceHealth } from "./api.ts";

/**
 * When the chosen service has a known incident, says so before the customer
 * writes a request: following the incident usually beats filing. Filing
 * anyway is allowed, and the request is linked to the incident.
 */
export function setUpIncidentWarning(form: HTMLFormElement): () => number | undefined {
  const warning = document.querySelector<HTMLElement>("[data-incident-warning]");
  const service = form.elements.namedItem("service") as HTMLSelectElement | null;
  const locale = form.dataset.locale ?? "en";
  let health: Promise<ServiceHealth | null> | null = null;
  let incidentId: number | undefined;

  async function check() {
    incidentId = undefined;
    if (!warning || !service?.value) {
      if (warning) warning.hidden = true;
      return;
    }
    health ??= fetchServiceHealth(locale);
    const incident = (await health)?.incidents.find((i) => i.service === service.value);
    warning.hidden = !incident;
    warning.removeAttribute("data-acknowledged");
    if (!incident) return;
    incidentId = incident.id;
    const message = warning.querySelector("[data-incident-message]");
    if (message) message.textContent = `${incident.serviceLabel}: ${incident.message}`;
  }

  service?.addEventListener("change", () => void check());
  warning?.querySelector("[data-file-anyway]")?.addEventListener("click", () => {
    warning.dataset.acknowledged = "true";
    form.querySelector<HTMLElement>("[name=subject]")?.focus();
  });
  void check();
  return () => incidentId;
}
