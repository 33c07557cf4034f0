/**
 * The support request form: validates with the same schema the API uses,
 * posts JSON, and shows field errors (ours or the server's) next to the
 * fields without losing what the customer typed.
 */

import { isTimeZone, supportRequestSchema } from "@frontline/core";
import { apiUrl } from "./api.ts";
import { readFilingAnswer } from "./contact-answer.ts";
import { setUpCounters } from "./contact-counters.ts";
import { fields, fillIn, localIssue, type Translate } from "./contact-fields.ts";
import { setUpIncidentWarning } from "./contact-incident.ts";
import { setUpSuggestions } from "./contact-suggestions.ts";
import { fieldErrors } from "./contact-summary.ts";
import { setUpFilePicker } from "./file-picker.ts";
import { randomId } from "./random-id.ts";

type Messages = Record<string, string>;

export const requestsEndpoint = apiUrl("/api/v1/requests");

const localTimeZone = (): string | undefined => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : undefined;
};

/** What the customer typed, every field as text. */
function readForm(form: HTMLFormElement): Record<string, string> {
  const data = new FormData(form);
  const value = (name: string) => {
    const raw = data.get(name);
    return typeof raw === "string" ? raw : "";
  };
  const payload: Record<string, string> = { locale: value("locale"), website: value("website") };
  for (const field of fields) payload[field] = value(field);
  return payload;
}

/** The number and the private tracking link, shown once. */
function showConfirmation(confirmation: HTMLElement | null, number: string, trackingToken: string) {
  if (!confirmation) return;
  const reference = confirmation.querySelector("[data-reference]");
  const token = confirmation.querySelector("[data-tracking-token]");
  const link = confirmation.querySelector<HTMLAnchorElement>("[data-tracking-link]");
  if (reference) reference.textContent = number;
  if (token) token.textContent = trackingToken;
  // The token rides in the fragment, which browsers never send to a server.
  if (link) link.href = `${link.dataset.base ?? ""}#${number}:${trackingToken}`;
  confirmation.hidden = false;
  confirmation.focus();
  confirmation.scrollIntoView({ block: "start" });
}

export function setUpContactForm(form: HTMLFormElement): void {
  const messages: Messages = JSON.parse(form.dataset.messages ?? "{}");
  const msg: Translate = (key, params = {}) =>
    fillIn(messages[key] ?? key, params, form.dataset.locale ?? "en");
  setUpCounters(form, msg);
  const summary = document.getElementById("form-summary");
  const confirmation = document.getElementById("confirmation");
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const deflected = document.querySelector<HTMLElement>("[data-deflected]");
  let sending = false;
  // One key per distinct submission: a double click or a retry files once,
  // an edited form after an error is a new submission. A retry sends the
  // very body it sent before: the suggested and opened articles are the
  // page's, not the customer's, and may have changed meanwhile (a search
  // answering late); a different body under the same key would be refused,
  // a new key would file twice.
  let idempotency = { fields: "", key: "", body: "" };

  const suggestions = setUpSuggestions(form, () => {
    form.hidden = true;
    if (deflected) {
      deflected.hidden = false;
      deflected.focus();
    }
  });
  const incidentId = setUpIncidentWarning(form);
  const pickerRoot = form.querySelector<HTMLElement>("[data-file-picker]");
  const picker = pickerRoot ? setUpFilePicker(pickerRoot, msg, form.dataset.locale ?? "en") : null;

  const { clear: clearErrors, show: showErrors } = fieldErrors(form, summary, msg);

  /** The form's fields plus what the help center learned while the customer filled it in. */
  function requestBody(payload: Record<string, string>, attachments: readonly string[]) {
    const incident = incidentId();
    return {
      ...payload,
      suggestedArticles: suggestions.suggested(),
      openedArticles: suggestions.opened(),
      ...(incident === undefined ? {} : { incidentId: incident }),
      ...(attachments.length ? { attachments } : {}),
      // So the desk sees the customer's local time; left out if the browser does not know it.
      ...(localTimeZone() ? { timeZone: localTimeZone() } : {}),
    };
  }

  function setSending(value: boolean): void {
    sending = value;
    form.setAttribute("aria-busy", String(value));
    if (button) {
      button.disabled = value;
      button.textContent = msg(value ? "contact.sending" : "contact.submit");
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors();
    const payload = readForm(form);
    setSending(true);
    // Files still uploading are waited for; a failed one must be removed first.
    const attachments = picker ? await picker.tokens() : [];
    if (attachments === null) {
      setSending(false);
      return;
    }
    const parsed = supportRequestSchema.safeParse(requestBody(payload, attachments));
    if (!parsed.success) {
      setSending(false);
      showErrors(parsed.error.issues.map((issue) => localIssue(msg, issue, payload)));
      return;
    }

    const fields = JSON.stringify([payload, incidentId() ?? null, attachments]);
    if (idempotency.fields !== fields) {
      idempotency = { fields, key: randomId(), body: JSON.stringify(parsed.data) };
    }
    const body = idempotency.body;
    try {
      const response = await fetch(requestsEndpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, application/problem+json",
          "Idempotency-Key": idempotency.key,
        },
        body,
      }).catch(() => null);
      const outcome = await readFilingAnswer(response, payload, msg);
      if (outcome.kind === "filed") {
        form.hidden = true;
        if (summary) summary.hidden = true;
        showConfirmation(confirmation, outcome.number, outcome.trackingToken);
      } else showErrors(outcome.errors, outcome.detail);
    } finally {
      setSending(false);
    }
  });
}
