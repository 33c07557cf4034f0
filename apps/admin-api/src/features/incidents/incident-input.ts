import {
  type IncidentInput,
  incidentStatuses,
  type Locale,
  locales,
  plainText,
  type Service,
} from "@frontline/core";
import { z } from "zod";
import { type FormValues, type Parsed, parseForm } from "../../platform/console/forms.ts";

/** An incident being posted or updated is not resolved; resolving has its own form. */
export const openStatuses = incidentStatuses.filter((s) => s !== "resolved");
export const impacts = ["degraded", "outage"] as const;

const messageText = plainText().max(2_000, "Use at most 2,000 characters.");
const optionalMessage = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  messageText.optional(),
);
const messageFields = {
  "message-de": optionalMessage,
  "message-it": optionalMessage,
  "message-zh-cn": optionalMessage,
};
const status = z.enum(openStatuses as [string, ...string[]], {
  error: "Choose a status from the list.",
});
const impact = z.enum(impacts, { error: "Choose degraded or outage." });

/** "2026-11-21 09:30" (or with a T) read as UTC, as the page says. */
const utcTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, "Enter a UTC time like 2026-11-21 09:30.")
  .transform((v) => new Date(`${v.replace(" ", "T")}:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "Enter a UTC time like 2026-11-21 09:30.");

/** The value the "started at" field shows. */
export const utcText = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

/** The form's per-language fields as the API's message object, empty languages left out. */
function message(data: Record<string, unknown>): Partial<Record<Locale, string>> {
  const result: Partial<Record<Locale, string>> = {};
  for (const locale of locales) {
    const text = data[`message-${locale}`];
    if (typeof text === "string" && text) result[locale] = text;
  }
  return result;
}

export function parseNewIncident(
  values: FormValues,
  services: readonly Service[],
): Parsed<IncidentInput> {
  const schema = z
    .object({
      service: z
        .string()
        .refine((id) => services.some((s) => s.id === id), "Choose a service from the list."),
      impact,
      status,
      startedAt: utcTime,
      "message-en": messageText.min(1, "Write the message in English."),
      ...messageFields,
    })
    .transform((d) => ({
      service: d.service,
      impact: d.impact,
      status: d.status as IncidentInput["status"],
      startedAt: d.startedAt,
      message: message(d),
    }));
  return parseForm(schema, values);
}

export function parseIncidentChange(values: FormValues) {
  const schema = z
    .object({ impact, status, "message-en": optionalMessage, ...messageFields })
    .transform((d) => {
      const text = message(d);
      return {
        impact: d.impact,
        status: d.status,
        ...(Object.keys(text).length ? { message: text } : {}),
      };
    });
  return parseForm(schema, values);
}

export function parseResolution(values: FormValues) {
  const schema = z
    .object({
      "message-en": optionalMessage,
      ...messageFields,
      resolveLinkedRequests: z.preprocess((v) => v === "yes", z.boolean()),
    })
    .refine((d) => !d.resolveLinkedRequests || d["message-en"], {
      path: ["message-en"],
      message: "Write the closing message the customers will get, at least in English.",
    })
    .transform((d) => {
      const text = message(d);
      return {
        resolveLinkedRequests: d.resolveLinkedRequests,
        ...(Object.keys(text).length ? { message: text } : {}),
      };
    });
  return parseForm(schema, values);
}
