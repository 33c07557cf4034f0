import { z } from "zod";
import { attachmentTokensSchema } from "./attachments.ts";
import { serviceStatuses } from "./escalation.ts";
import { locales } from "./locales.ts";
import { plainText } from "./text.ts";

/** A message on a request's timeline, from the customer or from staff. */
export const messageSchema = z.strictObject({
  body: plainText().min(1).max(10_000),
  /** Files uploaded first (`POST /api/v1/uploads`), sent with the message by their tokens. */
  attachments: attachmentTokensSchema.optional(),
});
export type MessageInput = z.infer<typeof messageSchema>;

export const satisfactionRatings = ["good", "bad"] as const;

/** The customer's one rating of the support, once the request is resolved. */
export const satisfactionSchema = z.strictObject({
  rating: z.enum(satisfactionRatings),
  comment: plainText().max(2_000).optional(),
});
export type SatisfactionInput = z.infer<typeof satisfactionSchema>;

/** A staff message chooses whether the customer sees it. */
export const staffMessageSchema = messageSchema.extend({
  visibility: z.enum(["public", "internal"]),
});

export const incidentStatuses = ["investigating", "identified", "monitoring", "resolved"] as const;
/** Where an incident stands; each update on its timeline names one. */
export type IncidentStage = (typeof incidentStatuses)[number];

/**
 * A known problem with a service, as the status page and the contact form
 * show it; the message is written per locale, English required.
 */
export const incidentSchema = z.strictObject({
  service: z.string().min(1),
  impact: z.enum(serviceStatuses).exclude(["operational"]),
  status: z.enum(incidentStatuses),
  startedAt: z.coerce.date(),
  message: z
    .partialRecord(z.enum(locales), plainText().min(1).max(2_000))
    .refine((m) => Boolean(m.en), {
      message: "An English message is required",
    }),
});
export type IncidentInput = z.infer<typeof incidentSchema>;
