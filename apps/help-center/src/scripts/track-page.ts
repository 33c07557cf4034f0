import { apiUrl } from "./api.ts";

interface TrackedRequest {
  number: string;
  status: string;
  statusLabel: string;
  subject: string;
  allowedStatuses: string[];
  canReply: boolean;
  reopenUntil: string | null;
  timeline: {
    type: string;
    author: string;
    body: string | null;
    status: string | null;
    createdAt: string;
  }[];
}

/**
 * The customer's view of one request. Number and token come from the
 * link's fragment (#SR-2026-000123:token), which never reaches a server
 * log, or from the form; the token then travels only in a header.
 */
export function setUpTrackPage(root: HTMLElement): void {
  const locale = root.dataset.locale ?? "en";
  const texts = JSON.parse(root.dataset.texts ?? "{}") as Record<string, string>;
  const text = (key: string, values: Record<string, string> = {}) =>
    (texts[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const lookup = $<HTMLFormElement>("[data-lookup]");
  const view = $<HTMLElement>("[data-request]");
  const reply = $<HTMLFormElement>("[data-reply]");
  const result = $<HTMLElement>("[data-action-result]");
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  let credentials: { number: string; token: string } | null = null;

  async function call(path: string, init: RequestInit = {}): Promise<Response | null> {
    if (!credentials) return null;
    try {
      return await fetch(
        apiUrl(`/api/v1/requests/${encodeURIComponent(credentials.number)}${path}`),
        {
          ...init,
          headers: {
            ...init.headers,
            "X-Tracking-Token": credentials.token,
            Accept: "application/json",
          },
        },
      );
    } catch {
      return null;
    }
  }

  function entryText(entry: TrackedRequest["timeline"][number]): string {
    if (entry.type === "status-change")
      return text("track.event.status", { status: text(`status.${entry.status}`) });
    if (entry.type === "created") return `${text("track.event.created")}: ${entry.body ?? ""}`;
    return entry.body ?? "";
  }

  function render(request: TrackedRequest): void {
    if (!view) return;
    const set = (selector: string, value: string) => {
      const element = $(selector);
      if (element) element.textContent = value;
    };
    set("[data-number]", request.number);
    set("[data-subject]", request.subject);
    set("[data-status]", request.statusLabel);
    view.dataset.requestStatus = request.status;
    const until = $<HTMLElement>("[data-reopen-until]");
    if (until) {
      until.hidden = !request.reopenUntil || !request.allowedStatuses.includes("open");
      until.textContent = request.reopenUntil
        ? text("track.reopenUntil", { date: when(request.reopenUntil) })
        : "";
    }
    const closed = $<HTMLElement>("[data-closed-note]");
    if (closed) closed.hidden = request.canReply;
    for (const button of root.querySelectorAll<HTMLButtonElement>("[data-move]")) {
      button.hidden = !request.allowedStatuses.includes(button.dataset.move ?? "");
    }
    $<HTMLOListElement>("[data-timeline]")?.replaceChildren(
      ...request.timeline.map((entry) => {
        const item = document.createElement("li");
        item.dataset.author = entry.author;
        item.dataset.type = entry.type;
        const meta = document.createElement("p");
        meta.className = "muted";
        meta.textContent = `${text(`track.author.${entry.author}`)} · ${when(entry.createdAt)}`;
        const body = document.createElement("p");
        body.className = "timeline-body";
        body.textContent = entryText(entry);
        item.append(meta, body);
        return item;
      }),
    );
    if (reply) reply.hidden = !request.canReply;
    if (lookup) lookup.hidden = true;
    view.hidden = false;
  }

  async function show(response: Response | null, focus = true): Promise<void> {
    const error = $<HTMLElement>("[data-lookup-error]");
    if (!response) {
      if (error) error.textContent = text("contact.error.network");
      return;
    }
    if (response.status === 404) {
      if (error) error.textContent = text("track.notFound");
      if (lookup) lookup.hidden = false;
      return;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      if (result)
        result.textContent =
          (body as { detail?: string } | null)?.detail ?? text("contact.error.network");
      return;
    }
    render(body as TrackedRequest);
    if (focus) view?.focus();
  }

  async function open(number: string, token: string): Promise<void> {
    credentials = { number: number.trim().toUpperCase(), token: token.trim() };
    await show(await call(""));
  }

  lookup?.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(lookup);
    void open(String(data.get("number") ?? ""), String(data.get("token") ?? ""));
  });

  for (const button of root.querySelectorAll<HTMLButtonElement>("[data-move]")) {
    button.addEventListener("click", async () => {
      const response = await call("/status", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ status: button.dataset.move }),
      });
      await show(response, false);
      if (response?.ok && result) result.textContent = text("track.saved");
    });
  }

  reply?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const field = reply.elements.namedItem("body") as HTMLTextAreaElement;
    const error = $<HTMLElement>("#error-reply");
    if (!field.value.trim()) {
      if (error) error.textContent = text("contact.error.required");
      field.setAttribute("aria-invalid", "true");
      return;
    }
    const response = await call("/replies", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ body: field.value }),
    });
    if (response?.ok) {
      field.value = "";
      field.removeAttribute("aria-invalid");
      if (error) error.textContent = "";
    }
    await show(response, false);
  });

  // "#SR-2026-000123:token": opened from the confirmation or the first email.
  const [number, token] = decodeURIComponent(window.location.hash.slice(1)).split(":");
  const numberInput = root.querySelector<HTMLInputElement>("#track-number");
  const tokenInput = root.querySelector<HTMLInputElement>("#track-token");
  if (number && numberInput) numberInput.value = number;
  if (token && tokenInput) tokenInput.value = token;
  if (number && token) void open(number, token);
}
