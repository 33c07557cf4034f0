import { fetchServiceHealth } from "./api.ts";

/**
 * Fills the status page from the live API. When that fails the page keeps
 * what it showed (at first its built-in list with "unknown", saying why).
 */
async function refresh(root: HTMLElement): Promise<void> {
  const locale = root.dataset.locale ?? "en";
  const texts = JSON.parse(root.dataset.texts ?? "{}") as Record<string, string>;
  const health = await fetchServiceHealth(locale);
  if (!health) return;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  for (const service of health.services) {
    const cell = root.querySelector<HTMLElement>(`[data-service="${service.id}"] td`);
    if (!cell) continue;
    cell.dataset.state = service.status;
    cell.textContent = texts[service.status] ?? service.status;
  }
  const source = root.querySelector<HTMLElement>("[data-status-source]");
  if (source) {
    source.dataset.source = "live";
    source.textContent = (texts.live ?? "").replace("{time}", time(health.checkedAt));
  }
  const list = root.querySelector<HTMLUListElement>("[data-incidents]");
  const none = root.querySelector<HTMLElement>("[data-no-incidents]");
  if (!list || !none) return;
  list.replaceChildren(
    ...health.incidents.map((incident) => {
      const item = document.createElement("li");
      item.dataset.impact = incident.impact;
      const title = document.createElement("strong");
      title.textContent = `${incident.serviceLabel} – ${texts[incident.impact] ?? incident.impact}`;
      const since = document.createElement("p");
      since.className = "muted";
      since.textContent = (texts.since ?? "").replace("{time}", time(incident.startedAt));
      const message = document.createElement("p");
      message.textContent = incident.message;
      item.append(title, since, message);
      return item;
    }),
  );
  list.hidden = health.incidents.length === 0;
  none.hidden = health.incidents.length > 0;
}

/** How often an open status page asks again; the API's answers are at most 5 s old. */
const REFRESH_MS = 10_000;

/**
 * Fills the status page now and keeps it current while it is on screen, so
 * a reader who keeps it open sees an incident posted or closed within
 * seconds; a hidden tab asks nothing until it is shown again.
 */
export async function showStatusPage(root: HTMLElement): Promise<void> {
  await refresh(root);
  setInterval(() => {
    if (document.visibilityState === "visible") void refresh(root);
  }, REFRESH_MS);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void refresh(root);
  });
}
