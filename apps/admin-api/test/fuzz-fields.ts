import { categoryIds, defaultServices, locales, severityIds } from "@frontline/core";
import fc from "fast-check";
import {
  articleLists,
  type FieldSpec,
  garbageText,
  hugeString,
  notABoolean,
  notASlug,
  notAString,
  notOneOf,
  tooLong,
  tooShort,
} from "./fuzz-inputs.ts";

/**
 * The JSON fields of each public endpoint, each with a valid value and the
 * ways to break it, read off the schemas in @frontline/core.
 */

/** The fields of POST /api/v1/requests. */
export const requestFields: Record<string, FieldSpec> = {
  locale: { required: true, valid: fc.constantFrom(...locales), invalid: notOneOf(locales) },
  category: {
    required: true,
    valid: fc.constantFrom(...categoryIds),
    invalid: notOneOf(categoryIds),
  },
  service: {
    required: true,
    valid: fc.constant("mail"),
    invalid: notOneOf(defaultServices.map((s) => s.id)),
  },
  severity: {
    required: true,
    valid: fc.constantFrom(...severityIds),
    invalid: notOneOf(severityIds),
  },
  subject: {
    required: true,
    valid: fc.constant("Outlook keeps asking"),
    invalid: fc.oneof(tooShort(5), tooLong(150)),
  },
  description: {
    required: true,
    valid: fc.constant("Since this morning Outlook asks again and again."),
    invalid: fc.oneof(tooShort(20), tooLong(10_000)),
  },
  organisation: {
    required: true,
    valid: fc.constant("contoso.partner.cn"),
    invalid: fc.oneof(tooShort(2), tooLong(200)),
  },
  name: {
    required: true,
    valid: fc.constant("Li Wei"),
    invalid: fc.oneof(tooShort(1), tooLong(120)),
  },
  email: {
    required: true,
    valid: fc.constant("li.wei@contoso.cn"),
    invalid: fc.oneof(
      notAString,
      garbageText(30).filter((s) => !s.includes("@")),
      hugeString(255, 400).map((s) => `${s}@contoso.cn`),
    ),
  },
  suggestedArticles: { required: false, valid: fc.constant(["reset-mfa"]), invalid: articleLists },
  openedArticles: { required: false, valid: fc.constant([]), invalid: articleLists },
  incidentId: {
    required: false,
    valid: fc.constant(1),
    invalid: fc.oneof(fc.constantFrom(0, -1, 1.5, 1e308, "1", null, [1]), garbageText(5)),
  },
  website: {
    required: false,
    valid: fc.constant(""),
    invalid: fc.oneof(fc.string({ minLength: 1 }), notAString),
  },
};

/** The fields of a customer's reply. */
export const replyFields: Record<string, FieldSpec> = {
  body: {
    required: true,
    valid: fc.constant("Here is the screenshot."),
    invalid: fc.oneof(tooShort(1), tooLong(10_000)),
  },
};

/** The fields of a customer's status change. */
export const statusFields: Record<string, FieldSpec> = {
  status: {
    required: true,
    valid: fc.constantFrom("resolved", "closed", "open"),
    invalid: notOneOf(["resolved", "closed", "open"]),
  },
};

/** The fields of "Was this helpful?". */
export const feedbackFields: Record<string, FieldSpec> = {
  submissionId: {
    required: true,
    valid: fc.uuid({ version: 4 }),
    invalid: fc
      .oneof(
        notAString,
        fc.constantFrom("", "not-a-uuid", "00000000-0000-0000-0000-00000000000g"),
        garbageText(36),
      )
      .filter(
        (id) => typeof id !== "string" || !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(id),
      ),
  },
  locale: { required: true, valid: fc.constantFrom(...locales), invalid: notOneOf(locales) },
  article: { required: true, valid: fc.constant("reset-mfa"), invalid: notASlug },
  helpful: { required: true, valid: fc.boolean(), invalid: notABoolean },
  comment: {
    required: false,
    valid: fc.constant("Helpful, thanks."),
    invalid: fc.oneof(notAString, tooLong(1_000)),
  },
};

/** The fields of a deflection. */
export const deflectionFields: Record<string, FieldSpec> = {
  locale: { required: true, valid: fc.constantFrom(...locales), invalid: notOneOf(locales) },
  query: {
    required: true,
    valid: fc.constant("outlook password"),
    invalid: fc.oneof(tooShort(1), tooLong(150)),
  },
  article: { required: true, valid: fc.constant("reset-mfa"), invalid: notASlug },
  suggestedArticles: { required: false, valid: fc.constant(["reset-mfa"]), invalid: articleLists },
};
