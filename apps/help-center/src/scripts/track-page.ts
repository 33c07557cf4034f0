import { attachmentRefusal } from "./contact-answer.ts";
import { setUpCounters } from "./contact-counters.ts";
import { type FilePicker, setUpFilePicker } from "./file-picker.ts";
import {
  postJson,
  type TimelineFile,
  type TrackedRequest,
  type TrackingApi,
  trackingApi,
} from "./track-api.ts";
import {
  dateTimeIn,
  type PageText,
  pageText,
  renderRequest,
  type SaveFile,
  type TrackParts,
  trackParts,
} from "./track-view.ts";

type Show = (response: Response | null, focus?: boolean) => Promise<void>;

/** The code of a refusal of the reply's files (422 on "attachments"), or null for any other answer. */
async function refusedFiles(response: Response | null): Promise<string | null> {
  if (response?.status !== 422) return null;
  const problem = (await response
    .clone()
    .json()
    .catch(() => null)) as { errors?: { field?: string; code?: string }[] } | null;
  const error = problem?.errors?.find((e) => String(e.field).startsWith("attachments"));
  return error ? (error.code ?? "") : null;
}

/** A file of the request, downloaded with the token in a header and saved under its own name. */
async function saveFile(api: TrackingApi, file: TimelineFile): Promise<boolean> {
  const response = await api.call(`/attachments/${file.id}`);
  if (!response?.ok) return false;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/** The API's answer on the page: the request, or why it cannot be shown. */
function answerShower(
  parts: TrackParts,
  text: PageText,
  when: (iso: string) => string,
  save: SaveFile,
): Show {
  const { $, lookup, result, view } = parts;
  return async (response, focus = true) => {
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
    renderRequest(parts, body as TrackedRequest, text, when, save);
    if (focus) view?.focus();
  };
}

/** "Solved", "Close" and "Reopen": the buttons the request's status allows. */
function listenForMoves(parts: TrackParts, api: TrackingApi, show: Show, text: PageText): void {
  for (const button of parts.root.querySelectorAll<HTMLButtonElement>("[data-move]")) {
    button.addEventListener("click", async () => {
      const response = await api.call("/status", postJson({ status: button.dataset.move }));
      await show(response, false);
      if (response?.ok && parts.result) parts.result.textContent = text("track.saved");
    });
  }
}

/** The customer's reply; an empty one is refused here, and a sent one clears the box. */
function listenForReply(
  parts: TrackParts,
  api: TrackingApi,
  show: Show,
  text: PageText,
  picker: FilePicker | null,
): void {
  const { reply, $ } = parts;
  reply?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const field = reply.elements.namedItem("body") as HTMLTextAreaElement;
    const error = $<HTMLElement>("#error-reply");
    const max = Number(field.dataset.max);
    const refusal = !field.value.trim()
      ? text("contact.error.required")
      : field.value.trim().length > max
        ? text("contact.error.tooLong", { max })
        : null;
    if (refusal) {
      if (error) error.textContent = refusal;
      field.setAttribute("aria-invalid", "true");
      return;
    }
    const attachments = picker ? await picker.tokens() : [];
    if (attachments === null) return;
    const response = await api.call(
      "/replies",
      postJson({ body: field.value, ...(attachments.length ? { attachments } : {}) }),
    );
    const refused = await refusedFiles(response);
    if (refused !== null && picker) {
      picker.refuse(attachmentRefusal(refused, text));
      return;
    }
    if (response?.ok) {
      picker?.reset();
      field.value = "";
      field.removeAttribute("aria-invalid");
      if (error) error.textContent = "";
    }
    await show(response, false);
    // Said where a screen reader hears it: the box emptied, so the reply did not vanish unseen.
    if (response?.ok && parts.result) parts.result.textContent = text("track.replySent");
  });
}

/** The rating form: good or bad, an optional comment, sent once. */
function listenForRating(parts: TrackParts, api: TrackingApi, show: Show, text: PageText): void {
  const { rating, $ } = parts;
  rating?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(rating);
    const chosen = data.get("rating");
    const comment = String(data.get("comment") ?? "").trim();
    const error = $<HTMLElement>("#error-rating");
    const max = Number($<HTMLTextAreaElement>("#rating-comment")?.dataset.max);
    const refusal =
      chosen !== "good" && chosen !== "bad"
        ? text("track.rate.choose")
        : comment.length > max
          ? text("contact.error.tooLong", { max })
          : null;
    if (error) error.textContent = refusal ?? "";
    if (refusal) return;
    const response = await api.call(
      "/satisfaction",
      postJson({ rating: chosen, ...(comment ? { comment } : {}) }),
    );
    await show(response, false);
    if (response?.ok && parts.result) parts.result.textContent = text("track.rate.thanks");
  });
}

/**
 * The customer's view of one request. Number and token come from the
 * link's fragment (#SR-2026-000123:token), which never reaches a server
 * log, or from the form; the token then travels only in a header.
 */
export function setUpTrackPage(root: HTMLElement): void {
  const parts = trackParts(root);
  const text = pageText(root);
  const api = trackingApi();
  const show = answerShower(parts, text, dateTimeIn(root.dataset.locale ?? "en"), (file) =>
    saveFile(api, file),
  );

  async function open(number: string, token: string, intent?: string): Promise<void> {
    api.use(number, token);
    await show(await api.call(""), intent !== "rate");
    // The resolved email's rating link ends in ":rate": the form is where the customer lands.
    if (intent === "rate" && parts.rating && !parts.rating.hidden) {
      parts.rating.querySelector<HTMLInputElement>("input[name=rating]")?.focus();
      parts.rating.scrollIntoView({ block: "center" });
    }
  }

  const { lookup } = parts;
  lookup?.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(lookup);
    void open(String(data.get("number") ?? ""), String(data.get("token") ?? ""));
  });
  listenForMoves(parts, api, show, text);
  listenForRating(parts, api, show, text);
  if (parts.rating) setUpCounters(parts.rating, text);
  const pickerRoot = parts.reply?.querySelector<HTMLElement>("[data-file-picker]");
  const picker = pickerRoot ? setUpFilePicker(pickerRoot, text, root.dataset.locale ?? "en") : null;
  listenForReply(parts, api, show, text, picker);
  if (parts.reply) setUpCounters(parts.reply, text);

  // "#SR-2026-000123:token" from the confirmation or the first email, or
  // "#SR-…:a1.…", the signed access of every later one.
  const fromFragment = () => {
    const [number, token, intent] = decodeURIComponent(window.location.hash.slice(1)).split(":");
    const numberInput = root.querySelector<HTMLInputElement>("#track-number");
    const tokenInput = root.querySelector<HTMLInputElement>("#track-token");
    if (number && numberInput) numberInput.value = number;
    if (token && tokenInput) tokenInput.value = token;
    if (number && token) void open(number, token, intent);
  };
  fromFragment();
  // A link from another email pasted into this tab changes only the fragment: no reload.
  window.addEventListener("hashchange", fromFragment);
}
