import { z } from "zod";
import { articleSlugSchema } from "./article.ts";
import { attachmentTokensSchema } from "./attachments.ts";
import { categoryIds, defaultServices, type Service, severityIds } from "./catalog.ts";
import { locales } from "./locales.ts";
import { emailAddress, plainText } from "./text.ts";

/** True for a time zone name the runtime knows, such as "Asia/Shanghai". */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

/** Limits are shared by the form (maxlength) and the API (validation). */
export const supportRequestLimits = {
  subject: { min: 5, max: 150 },
  description: { min: 20, max: 10_000 },
  organisation: { min: 2, max: 200 },
  name: { min: 1, max: 120 },
  email: { max: 254 },
} as const;

const text = (limits: { min: number; max: number }) => plainText().min(limits.min).max(limits.max);

/**
 * What a customer sends when self-help failed. Built from the service
 * catalogue in use, because services are configuration. Unknown fields are
 * refused rather than dropped, so a client typo never loses data silently.
 */
export function createSupportRequestSchema(services: readonly Service[] = defaultServices) {
  const serviceIds = services.map((s) => s.id);
  const l = supportRequestLimits;
  return z.strictObject({
    locale: z.enum(locales),
    category: z.enum(categoryIds),
    service: z.string().refine((id) => serviceIds.includes(id), { message: "Unknown service" }),
    severity: z.enum(severityIds),
    subject: text(l.subject),
    description: text(l.description),
    organisation: text(l.organisation),
    name: text(l.name),
    email: emailAddress().max(l.email.max),
    /** Articles the form suggested while the customer typed, and those they opened. */
    suggestedArticles: z.array(articleSlugSchema).max(10).default([]),
    openedArticles: z.array(articleSlugSchema).max(10).default([]),
    /** The known incident the form showed for this service, if the customer filed anyway. */
    incidentId: z.number().int().positive().optional(),
    /** The customer's time zone as their browser knows it (IANA, "Europe/Berlin"), so the desk sees their local time. */
    timeZone: z.string().max(64).refine(isTimeZone, { message: "Unknown time zone" }).optional(),
    /** Screenshots, logs or invoices uploaded first (`POST /api/v1/uploads`), by their tokens. */
    attachments: attachmentTokensSchema.optional(),
    /** A field people never see; software that fills in every field gives itself away. */
    website: z.literal("", { message: "Leave this field empty" }).optional(),
  });
}

export const supportRequestSchema = createSupportRequestSchema();
export type SupportRequestInput = z.infer<typeof supportRequestSchema>;
export type SupportRequestFields = z.input<typeof supportRequestSchema>;

/** "This solved my problem": the customer found the answer and files nothing. */
export const deflectionSchema = z.strictObject({
  locale: z.enum(locales),
  /** What the customer had typed when the suggestion helped. */
  query: plainText().min(1).max(supportRequestLimits.subject.max),
  article: articleSlugSchema,
  suggestedArticles: z.array(articleSlugSchema).max(10).default([]),
});
export type DeflectionInput = z.infer<typeof deflectionSchema>;

/** What a customer may do to their own request from the tracking page. */
export const customerStatusChangeSchema = z.strictObject({
  status: z.enum(["resolved", "closed", "open"]),
});

/** A human reference like SR-2026-000123: year of filing and a yearly sequence. */
export function formatRequestNumber(year: number, sequence: number): string {
  return `SR-${year}-${String(sequence).padStart(6, "0")}`;
}

const requestNumberPattern = /^SR-(\d{4})-(\d{6,})$/;

export function parseRequestNumber(value: string): { year: number; sequence: number } | null {
  const match = requestNumberPattern.exec(value.trim().toUpperCase());
  if (!match) return null;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}
