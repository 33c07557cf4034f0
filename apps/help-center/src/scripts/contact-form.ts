/**
 * The support request form: validates with the same schema the API uses,
 * posts JSON, and shows field errors (ours or the server's) next to the
 * fields without losing what the customer typed.
 */
import { supportRequestLimits, supportRequestSchema } from "@frontline/core";
import { apiUrl } from "./api.ts";
import { type Field, type FieldError, fields, isField, localIssue } from "./contact-fields.ts";
import { setUpIncidentWarning } from "./contact-incident.ts";
import { setUpSuggestions } from "./contact-suggestions.ts";
import { randomId } from "./random-id.ts";

type Messages = Record<string, string>;

/** The subset of RFC 9457 problem details the API sends. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { field?: string; message?: string; code?: string }[];
}

export const requestsEndpoint = apiUrl("/api/v1/requests");

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function setUpContactForm(form: HTMLFormElement): void {
  const messages: Messages = JSON.parse(form.dataset.messages ?? "{}");
  const msg = (key: string, params: Record<string, string | number> = {}) =>
    fill(messages[key] ?? key, params);
  const summary = document.getElementById("form-summary");
  const confirmation = document.getElementById("confirmation");
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const deflected = document.querySelector<HTMLElement>("[data-deflected]");
  let sending = false;
  // One key per distinct submission: a double click or a retry files once,
  // an edited form after an error is a new submission.
  let idempotency = { payload: "", key: "" };

  const suggestions = setUpSuggestions(form, () => {
    form.hidden = true;
    if (deflected) {
      deflected.hidden = false;
      deflected.focus();
    }
  });
  const incidentId = setUpIncidentWarning(form);

  const control = (field: Field) =>
    form.elements.namedItem(field) as
      | HTMLInputElement
      | HTMLSelectElement
      | HTMLTextAreaElement
      | null;

  function readForm(): Record<string, string> {
    const data = new FormData(form);
    const value = (name: string) => {
      const raw = data.get(name);
      return typeof raw === "string" ? raw : "";
    };
    const payload: Record<string, string> = { locale: value("locale"), website: value("website") };
    for (const field of fields) payload[field] = value(field);
    return payload;
  }

  /** The form's fields plus what the help center learned while the customer filled it in. */
  function requestBody(payload: Record<string, string>) {
    const incident = incidentId();
    return {
      ...payload,
      suggestedArticles: suggestions.suggested(),
      openedArticles: suggestions.opened(),
      ...(incident === undefined ? {} : { incidentId: incident }),
    };
  }

  function clearErrors(): void {
    for (const field of fields) {
      control(field)?.removeAttribute("aria-invalid");
      const error = document.getElementById(`error-${field}`);
      if (error) error.textContent = "";
    }
    if (summary) {
      summary.hidden = true;
      summary.replaceChildren();
    }
  }

  function showErrors(errors: readonly FieldError[], detail?: string): void {
    const shown = new Set<Field>();
    const listed: FieldError[] = [];
    for (const error of errors) {
      if (!error.field) continue;
      if (shown.has(error.field)) continue;
      shown.add(error.field);
      listed.push(error);
      control(error.field)?.setAttribute("aria-invalid", "true");
      const slot = document.getElementById(`error-${error.field}`);
      if (slot) slot.textContent = error.message;
    }
    const general = errors.filter((e) => !e.field).map((e) => e.message);
    if (detail && (general.length > 0 || listed.length === 0)) general.unshift(detail);
    if (!summary) return;

    const parts: Node[] = [];
    for (const text of new Set(general)) {
      const p = document.createElement("p");
      p.className = "form-summary-detail";
      p.textContent = text;
      parts.push(p);
    }
    if (listed.length > 0) {
      const title = document.createElement("p");
      title.className = "form-summary-title";
      title.textContent = msg("contact.summaryTitle");
      const list = document.createElement("ul");
      for (const error of listed) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `#${error.field}`;
        link.textContent = `${msg(`contact.${error.field}`)}: ${error.message}`;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          if (error.field) control(error.field)?.focus();
        });
        item.append(link);
        list.append(item);
      }
      parts.push(title, list);
    }
    summary.replaceChildren(...parts);
    summary.hidden = parts.length === 0;
    if (!summary.hidden) {
      summary.focus();
      summary.scrollIntoView({ block: "start" });
    }
  }

  function setSending(value: boolean): void {
    sending = value;
    form.setAttribute("aria-busy", String(value));
    if (button) {
      button.disabled = value;
      button.textContent = msg(value ? "contact.sending" : "contact.submit");
    }
  }

  function showConfirmation(number: string, trackingToken: string): void {
    if (!confirmation) return;
    const reference = confirmation.querySelector("[data-reference]");
    const token = confirmation.querySelector("[data-tracking-token]");
    const link = confirmation.querySelector<HTMLAnchorElement>("[data-tracking-link]");
    if (reference) reference.textContent = number;
    if (token) token.textContent = trackingToken;
    // The token rides in the fragment, which browsers never send to a server.
    if (link) link.href = `${link.dataset.base ?? ""}#${number}:${trackingToken}`;
    form.hidden = true;
    if (summary) summary.hidden = true;
    confirmation.hidden = false;
    confirmation.focus();
    confirmation.scrollIntoView({ block: "start" });
  }

  async function readProblem(response: Response): Promise<Problem | null> {
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("json")) return null;
    try {
      return (await response.json()) as Problem;
    } catch {
      return null;
    }
  }

  /** Server field names may be paths ("body.subject"); the last segment names the field. */
  /** The server names fields and zod codes; the words come from this page's language. */
  function serverErrors(problem: Problem, payload: Record<string, string>): FieldError[] {
    return (problem.errors ?? []).map((error) => {
      const name = String(error.field ?? "")
        .split(/[./]/)
        .pop();
      const limits = isField(name)
        ? (supportRequestLimits as Record<string, { min?: number; max?: number }>)[name]
        : undefined;
      return localIssue(
        msg,
        { code: error.code ?? "", path: [name ?? ""], minimum: limits?.min, maximum: limits?.max },
        payload,
      );
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors();
    const payload = readForm();
    const parsed = supportRequestSchema.safeParse(requestBody(payload));
    if (!parsed.success) {
      showErrors(parsed.error.issues.map((issue) => localIssue(msg, issue, payload)));
      return;
    }

    setSending(true);
    const body = JSON.stringify(parsed.data);
    if (idempotency.payload !== body) idempotency = { payload: body, key: randomId() };
    try {
      let response: Response;
      try {
        response = await fetch(requestsEndpoint, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json, application/problem+json",
            "Idempotency-Key": idempotency.key,
          },
          body,
        });
      } catch {
        showErrors([], msg("contact.error.network"));
        return;
      }

      if (response.ok) {
        const body = (await response.json().catch(() => null)) as {
          number?: unknown;
          trackingToken?: unknown;
        } | null;
        if (body && typeof body.number === "string" && typeof body.trackingToken === "string") {
          showConfirmation(body.number, body.trackingToken);
        } else {
          showErrors([], msg("contact.error.server", { status: response.status }));
        }
        return;
      }

      const problem = await readProblem(response);
      if (response.status === 429) {
        showErrors([], msg("contact.error.tooMany"));
      } else if (problem && response.status < 500) {
        const errors = serverErrors(problem, payload);
        showErrors(errors, errors.some((e) => e.field) ? undefined : msg("contact.error.invalid"));
      } else {
        showErrors([], problem?.detail || msg("contact.error.server", { status: response.status }));
      }
    } finally {
      setSending(false);
    }
  });
}
