/**
 * The error summary above the contact form (GOV.UK pattern): general
 * messages first, then one link per field error that moves focus to it.
 */
import { type Field, type FieldError, fields, type Translate } from "./contact-fields.ts";

/**
 * The form's error display: each field's own message beside it (and
 * aria-invalid), plus the summary; `clear` before each try.
 */
export function fieldErrors(form: HTMLFormElement, summary: HTMLElement | null, msg: Translate) {
  const control = (field: Field | "attachments") =>
    form.elements.namedItem(field) as
      | HTMLInputElement
      | HTMLSelectElement
      | HTMLTextAreaElement
      | null;
  function clear(): void {
    for (const field of [...fields, "attachments" as const]) {
      control(field)?.removeAttribute("aria-invalid");
      const error = document.getElementById(`error-${field}`);
      if (error) error.textContent = "";
    }
    if (summary) {
      summary.hidden = true;
      summary.replaceChildren();
    }
  }
  function show(errors: readonly FieldError[], detail?: string): void {
    const listed: FieldError[] = [];
    for (const error of errors) {
      if (!error.field || listed.some((e) => e.field === error.field)) continue;
      listed.push(error);
      control(error.field)?.setAttribute("aria-invalid", "true");
      const slot = document.getElementById(`error-${error.field}`);
      if (slot) slot.textContent = error.message;
    }
    const general = errors.filter((e) => !e.field).map((e) => e.message);
    if (detail && (general.length > 0 || listed.length === 0)) general.unshift(detail);
    if (summary) renderErrorSummary(summary, general, listed, msg, (f) => control(f)?.focus());
  }
  return { clear, show };
}

function renderErrorSummary(
  summary: HTMLElement,
  general: readonly string[],
  listed: readonly FieldError[],
  msg: Translate,
  focusField: (field: Field | "attachments") => void,
): void {
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
        if (error.field) focusField(error.field);
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
