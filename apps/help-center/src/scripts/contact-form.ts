/**
 * The support request form: validates with the same schema the API uses,
 * posts JSON, and shows field errors (ours or the server's) next to the
 * fields without losing what the customer typed.
 */
import { supportRequestSchema } from "@frontline/core";
import { apiUrl } from "./api.ts";

const fields = [
  "category",
  "service",
  "severity",
  "subject",
  "description",
  "organisation",
  "name",
  "email",
] as const;
type Field = (typeof fields)[number];
const choiceFields: readonly Field[] = ["category", "service", "severity"];

type Messages = Record<string, string>;

interface FieldError {
  field: Field | null;
  message: string;
}

/** The subset of RFC 9457 problem details the API sends. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { field?: string; message?: string }[];
}

export const requestsEndpoint = apiUrl("/api/v1/requests");

function isField(value: unknown): value is Field {
  return typeof value === "string" && (fields as readonly string[]).includes(value);
}

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
  let sending = false;

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
    const payload: Record<string, string> = { locale: value("locale") };
    for (const field of fields) payload[field] = value(field);
    return payload;
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

  /** Turns a zod issue into words a customer understands, in the page language. */
  function localIssue(
    issue: { code: string; path: PropertyKey[]; minimum?: unknown; maximum?: unknown },
    payload: Record<string, string>,
  ): FieldError {
    const field = isField(issue.path[0]) ? issue.path[0] : null;
    const value = field ? (payload[field] ?? "").trim() : "";
    if (field && value === "") {
      return {
        field,
        message: msg(
          choiceFields.includes(field) ? "contact.error.choose" : "contact.error.required",
        ),
      };
    }
    switch (issue.code) {
      case "too_small":
        return { field, message: msg("contact.error.tooShort", { min: Number(issue.minimum) }) };
      case "too_big":
        return { field, message: msg("contact.error.tooLong", { max: Number(issue.maximum) }) };
      case "invalid_format":
        return {
          field,
          message: msg(field === "email" ? "contact.error.email" : "contact.error.invalid"),
        };
      case "invalid_value":
        return { field, message: msg("contact.error.choose") };
      default:
        return { field, message: msg("contact.error.invalid") };
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
    if (reference) reference.textContent = number;
    if (token) token.textContent = trackingToken;
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
  function serverErrors(problem: Problem): FieldError[] {
    return (problem.errors ?? []).map((error) => {
      const name = String(error.field ?? "")
        .split(/[./]/)
        .pop();
      return {
        field: isField(name) ? name : null,
        message: error.message || msg("contact.error.invalid"),
      };
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors();
    const payload = readForm();
    const parsed = supportRequestSchema.safeParse(payload);
    if (!parsed.success) {
      showErrors(parsed.error.issues.map((issue) => localIssue(issue, payload)));
      return;
    }

    setSending(true);
    try {
      let response: Response;
      try {
        response = await fetch(requestsEndpoint, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json, application/problem+json",
          },
          body: JSON.stringify(parsed.data),
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
      if (problem && response.status < 500) {
        const detail = problem.detail || problem.title || msg("contact.error.invalid");
        showErrors(serverErrors(problem), detail);
      } else {
        showErrors([], problem?.detail || msg("contact.error.server", { status: response.status }));
      }
    } finally {
      setSending(false);
    }
  });
}
