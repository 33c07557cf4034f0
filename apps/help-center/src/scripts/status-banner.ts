import { fetchServiceHealth } from "./api.ts";

/**
 * Replaces the banner's static text with the live status. Any failure
 * (network, server error, odd answer) leaves the static text in place.
 */
export async function showLiveStatus(banner: HTMLElement): Promise<void> {
  const message = banner.querySelector<HTMLElement>("[data-status-message]");
  const list = banner.querySelector<HTMLUListElement>("[data-status-incidents]");
  const texts = JSON.parse(banner.dataset.messages ?? "{}") as Record<string, string>;
  const locale = banner.dataset.locale ?? "en";
  const health = await fetchServiceHealth(locale);
  if (!health || !message || !list) return;
  const count = health.incidents.length;
  banner.dataset.state = count === 0 ? "ok" : "incidents";
  if (count === 0) {
    message.textContent = texts.ok ?? "";
    return;
  }
  const rule = new Intl.PluralRules(locale).select(count);
  message.textContent = (texts[rule === "one" ? "one" : "other"] ?? "").replace(
    "{count}",
    String(count),
  );
  list.replaceChildren(
    ...health.incidents.map((incident) => {
      const item = document.createElement("li");
      item.dataset.impact = incident.impact;
      const service = document.createElement("strong");
      service.textContent = `${incident.serviceLabel}: `;
      item.append(service, incident.message);
      return item;
    }),
  );
  list.hidden = false;
}
