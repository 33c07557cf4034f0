import { z } from "zod";
import { locales } from "./locales.ts";
import { plainText } from "./text.ts";

/**
 * Canned replies: texts an agent starts a reply from, written once per
 * language. Placeholders in braces are filled for the request at hand:
 * `{customer.name}`, `{request.number}`, `{request.subject}` and
 * `{article:<slug>}` for a link to a help-center article in the request's
 * language. Anything else in braces is refused when the text is saved,
 * so a typo never reaches a customer as "{custmer.name}".
 */

const namedPlaceholders = ["customer.name", "request.number", "request.subject"] as const;
const articlePlaceholder = /^article:[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The placeholders a text uses that are not known, each as written. */
export function unknownPlaceholders(body: string): string[] {
  const found = [...body.matchAll(/\{([^{}\n]*)\}/g)].map((m) => m[1] ?? "");
  return [
    ...new Set(
      found.filter(
        (name) =>
          !(namedPlaceholders as readonly string[]).includes(name) &&
          !articlePlaceholder.test(name),
      ),
    ),
  ].map((name) => `{${name}}`);
}

/** The statuses a canned reply may move the request to as it is sent. */
export const cannedReplyStatuses = ["open", "waiting-on-customer", "resolved"] as const;
export type CannedReplyStatus = (typeof cannedReplyStatuses)[number];

export const cannedReplySchema = z.strictObject({
  title: plainText().min(1).max(120),
  locale: z.enum(locales),
  body: plainText()
    .min(1)
    .max(10_000)
    .superRefine((body, context) => {
      const unknown = unknownPlaceholders(body);
      if (unknown.length) {
        context.addIssue({
          code: "custom",
          message: `Unknown placeholders: ${unknown.join(", ")}. Use {customer.name}, {request.number}, {request.subject} or {article:<slug>}.`,
        });
      }
    }),
  /** Where the request moves when the reply is sent; null keeps its status. */
  status: z.enum(cannedReplyStatuses).nullable().default(null),
  /** Shared with the whole desk (admins only), or the agent's own. */
  shared: z.boolean().default(false),
});
export type CannedReplyInput = z.infer<typeof cannedReplySchema>;

export interface CannedReplyContext {
  readonly customerName: string;
  readonly requestNumber: string;
  readonly requestSubject: string;
  /** The address of an article in the request's language. */
  readonly articleUrl: (slug: string) => string;
}

/** The text with its placeholders filled for one request. */
export function fillCannedReply(body: string, context: CannedReplyContext): string {
  return body.replace(/\{([^{}\n]*)\}/g, (whole, name: string) => {
    if (name === "customer.name") return context.customerName;
    if (name === "request.number") return context.requestNumber;
    if (name === "request.subject") return context.requestSubject;
    if (articlePlaceholder.test(name)) return context.articleUrl(name.slice("article:".length));
    return whole;
  });
}
