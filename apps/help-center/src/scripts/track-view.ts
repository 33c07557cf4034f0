import { fillIn } from "./contact-fields.ts";
import { fileSizeText } from "./file-picker.ts";
import type { TimelineEntry, TimelineFile, TrackedRequest } from "./track-api.ts";

/** A text of the page (track.astro's data-texts) with its {name}s filled in; the key if missing. */
export type PageText = (key: string, values?: Record<string, string | number>) => string;

export function pageText(root: HTMLElement): PageText {
  const texts = JSON.parse(root.dataset.texts ?? "{}") as Record<string, string>;
  return (key, values = {}) => fillIn(texts[key] ?? key, values, root.dataset.locale ?? "en");
}

/** The page's parts (track.astro); any may be missing, and then it is left alone. */
export function trackParts(root: HTMLElement) {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  return {
    root,
    $,
    lookup: $<HTMLFormElement>("[data-lookup]"),
    view: $<HTMLElement>("[data-request]"),
    reply: $<HTMLFormElement>("[data-reply]"),
    rating: $<HTMLFormElement>("[data-rating]"),
    result: $<HTMLElement>("[data-action-result]"),
  };
}

export type TrackParts = ReturnType<typeof trackParts>;

/** Date and time in the page's language. */
export function dateTimeIn(locale: string): (iso: string) => string {
  return (iso) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
}

function entryText(entry: TimelineEntry, text: PageText): string {
  if (entry.type === "status-change")
    return text("track.event.status", { status: text(`status.${entry.status}`) });
  if (entry.type === "created") return `${text("track.event.created")}: ${entry.body ?? ""}`;
  return entry.body ?? "";
}

/** Saves a file of the request: fetched with the token in its header, then handed to the browser as a download. */
export type SaveFile = (file: TimelineFile) => Promise<boolean>;

function fileList(entry: TimelineEntry, text: PageText, save: SaveFile, locale: string) {
  const list = document.createElement("ul");
  list.className = "timeline-files";
  for (const file of entry.attachments ?? []) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text("files.download", {
      name: file.name,
      size: fileSizeText(file.size, locale),
    });
    const failed = document.createElement("span");
    failed.className = "field-error";
    failed.setAttribute("role", "status");
    button.addEventListener("click", async () => {
      failed.textContent = (await save(file)) ? "" : text("files.downloadFailed");
    });
    item.append(button, " ", failed);
    list.append(item);
  }
  return list;
}

function timelineItem(
  entry: TimelineEntry,
  text: PageText,
  when: (iso: string) => string,
  save: SaveFile,
  locale: string,
) {
  const item = document.createElement("li");
  item.dataset.author = entry.author;
  item.dataset.type = entry.type;
  const meta = document.createElement("p");
  meta.className = "muted";
  meta.textContent = `${text(`track.author.${entry.author}`)} · ${when(entry.createdAt)}`;
  const body = document.createElement("p");
  body.className = "timeline-body";
  body.textContent = entryText(entry, text);
  item.append(meta, body);
  if (entry.attachments?.length) item.append(fileList(entry, text, save, locale));
  return item;
}

/**
 * Shows the request in place of the lookup form: its status, the moves the
 * customer may make now, the timeline, and the reply form while replies are taken.
 */
export function renderRequest(
  parts: TrackParts,
  request: TrackedRequest,
  text: PageText,
  when: (iso: string) => string,
  save: SaveFile,
): void {
  const { root, $, view, reply, lookup } = parts;
  const locale = root.dataset.locale ?? "en";
  if (!view) return;
  const set = (selector: string, value: string) => {
    const element = $(selector);
    if (element) element.textContent = value;
  };
  set("[data-number]", request.number);
  set("[data-subject]", request.subject);
  // In the page's language, as the timeline says it: the API's label is in the request's.
  const statusText = text(`status.${request.status}`);
  set("[data-status]", statusText.startsWith("status.") ? request.statusLabel : statusText);
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
    ...request.timeline.map((entry) => timelineItem(entry, text, when, save, locale)),
  );
  if (reply) reply.hidden = !request.canReply;
  if (parts.rating) parts.rating.hidden = !request.canRate;
  const rated = $<HTMLElement>("[data-rated]");
  if (rated) {
    rated.hidden = !request.satisfaction;
    rated.textContent = request.satisfaction
      ? text("track.rate.yours", { rating: text(`track.rate.${request.satisfaction.rating}`) })
      : "";
  }
  if (lookup) lookup.hidden = true;
  view.hidden = false;
}
