/** The contact form's fields and how their errors read to a customer. */
import type { SupportRequestFields } from "@frontline/core";

/**
 * The fields a customer fills in: the visible part of core's request schema
 * (locale, honeypot and article lists are filled by the page). `satisfies`
 * keeps each name one the schema has, so a renamed field fails the typecheck.
 */
export const fields = [
  "category",
  "service",
  "severity",
  "subject",
  "description",
  "organisation",
  "name",
  "email",
] as const satisfies readonly (keyof SupportRequestFields)[];
export type Field = (typeof fields)[number];
export const choiceFields: readonly Field[] = ["category", "service", "severity"];

/** Where an error is shown: a field, the file chooser, or the form as a whole (null). */
export interface FieldError {
  field: Field | "attachments" | null;
  message: string;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Fills a message's {names}; numbers are written the page's way ("10,000", "10.000"). */
export function fillIn(
  template: string,
  params: Record<string, string | number>,
  locale: string,
): string {
  const numbers = new Intl.NumberFormat(locale);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numbers.format(value) : value;
  });
}

export function isField(value: unknown): value is Field {
  return typeof value === "string" && (fields as readonly string[]).includes(value);
}

/** Turns a zod issue into words a customer understands, in the page language. */
export function localIssue(
  msg: Translate,
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
