import type { Context } from "hono";
import type { z } from "zod";
import { fieldErrorsFromZod, Problem } from "../problem.ts";
import { problems } from "../problems.ts";

/** What a console form sent: every field as text (files and repeats are ignored). */
export type FormValues = Record<string, string>;
/** One message per field; "_form" for the form as a whole. */
export type FormErrors = Record<string, string>;

/**
 * The parsed body of a form post. A body that does not parse as its
 * Content-Type says (multipart without a boundary, or with a broken one) is
 * the sender's mistake: a 400 page, not a 500.
 */
export async function parseFormBody(
  c: Context,
  options: { all?: boolean } = {},
): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody(options);
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw problems.badRequest(
      "Open the page again and resend the form.",
      "The form could not be read",
    );
  }
}

export async function readForm(c: Context): Promise<FormValues> {
  const body = await parseFormBody(c);
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/** The files a form sent under `name`; an empty file chooser sends a nameless empty part, left out. */
export async function readFormFiles(c: Context, name: string): Promise<File[]> {
  const sent = (await parseFormBody(c, { all: true }))[name];
  const parts = Array.isArray(sent) ? sent : [sent];
  return parts.filter((part): part is File => part instanceof File && part.name !== "");
}

/** The first message for each field, in the order the schema reported them. */
export function formErrors(errors: readonly { field: string; message: string }[]): FormErrors {
  const result: FormErrors = {};
  for (const error of errors) result[error.field || "_form"] ??= error.message;
  return result;
}

export type Parsed<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly errors: FormErrors };

/**
 * Validates a form with the same zod schema the JSON API uses; on failure
 * the page re-renders with the errors next to their fields.
 */
export function parseForm<S extends z.ZodType>(schema: S, values: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: formErrors(fieldErrorsFromZod(result.error)) };
}

/**
 * Field errors carried by a thrown Problem (e.g. "email taken"), or for a
 * problem without fields its detail as a form-wide error. Anything that is
 * not a Problem is rethrown: it is a bug, not a form error.
 */
export function errorsFromProblem(error: unknown): FormErrors {
  if (!(error instanceof Problem) || error.status >= 500) throw error;
  if (error.errors?.length) return formErrors(error.errors);
  return { _form: error.detail ?? error.title };
}

/**
 * What a form's fields show, by name: what was typed and its error, to
 * spread on Field, SelectField or TextAreaField (`{...field("email")}`).
 * `idOf` names the field's id where several forms on a page share names.
 */
export function formFields(
  values: Readonly<Record<string, string | undefined>>,
  errors: FormErrors,
  idOf?: (name: string) => string,
) {
  return (name: string) => ({
    ...(idOf ? { id: idOf(name) } : {}),
    name,
    value: values[name],
    error: errors[name],
  });
}

/** A record's id in the path (`/admin/users/:id`); anything but a positive whole number is a 404. */
export function pathId(c: Context, name: string, detail?: string): number {
  const id = Number(c.req.param(name));
  if (!Number.isSafeInteger(id) || id <= 0) throw problems.notFound(detail);
  return id;
}

/** Drops fields a page must never echo back (passwords, the CSRF token). */
export function keptValues(values: FormValues, ...secret: string[]): FormValues {
  const kept: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (key !== "_csrf" && !secret.includes(key)) kept[key] = value;
  }
  return kept;
}

/**
 * Where to go after sign-in: only a path on this site under /admin, so a
 * crafted link cannot send people elsewhere ("//evil", "/\\evil", "https:").
 */
export function safeNext(next: string | undefined | null, fallback = "/admin"): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return fallback;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    const url = new URL(next, "http://desk.invalid");
    if (url.origin !== "http://desk.invalid") return fallback;
    if (url.pathname !== "/admin" && !url.pathname.startsWith("/admin/")) return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}
