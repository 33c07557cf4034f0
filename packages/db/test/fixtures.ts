import type { SupportRequestInput } from "@frontline/core";
import { createRequest, type Db } from "../src/index.ts";

/** Requests the tests file, shared by each test file and its SQLite-only twin. */

/** An English connectivity request, severity A: the queue tests' usual one. */
export const englishRequest: SupportRequestInput = {
  locale: "en",
  category: "connectivity",
  service: "mail",
  severity: "A",
  subject: "Outlook cannot connect",
  description: "Since this morning Outlook shows a connection error on every desktop.",
  organisation: "contoso.partner.cn",
  name: "Li Wei",
  email: "li.wei@contoso.cn",
  suggestedArticles: [],
  openedArticles: [],
};

/** An Italian billing request: the request and timeline tests' usual one. */
export const italianRequest: SupportRequestInput = {
  locale: "it",
  category: "billing",
  service: "partner-portal",
  severity: "C",
  subject: "Invoice shows the wrong seat count",
  description: "The November invoice lists 40 seats but we reduced to 25 in October.",
  organisation: "fabrikam.partner.cn",
  name: "Giulia Rossi",
  email: "giulia@fabrikam.cn",
  suggestedArticles: ["read-your-invoice"],
  openedArticles: [],
};

/** Files the English request (with `fields` changed) at `iso`. */
export const fileAt = (db: Db, iso: string, fields: Partial<SupportRequestInput> = {}) =>
  createRequest(db, {
    input: { ...englishRequest, ...fields },
    trackingTokenHash: "h".repeat(64),
    now: new Date(iso),
  });
