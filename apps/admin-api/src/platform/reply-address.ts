import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Each request's own reply address: the support address with the request
 * number and an HMAC of it after a "+" (plus-addressing), e.g.
 * support+sr-2026-000123.4f0c…@partner.example. Whoever can write to it
 * answers on that request, so the tag cannot be guessed from the number;
 * rotating ACCESS_LINK_SECRET retires every address with the links. Lower
 * case throughout: mail systems may fold the local part's case.
 */

const TAG_LENGTH = 20;

const tagOf = (secret: string, number: string) =>
  createHmac("sha256", secret)
    .update(`reply:${number.toUpperCase()}`)
    .digest("hex")
    .slice(0, TAG_LENGTH);

function split(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf("@");
  return { local: address.slice(0, at).toLowerCase(), domain: address.slice(at + 1).toLowerCase() };
}

export function replyAddress(secret: string, supportAddress: string, number: string): string {
  const { local, domain } = split(supportAddress);
  return `${local}+${number.toLowerCase()}.${tagOf(secret, number)}@${domain}`;
}

export type Recipient =
  | { readonly kind: "reply"; readonly number: string }
  | { readonly kind: "support" }
  | { readonly kind: "unknown" };

/** What an address an email was sent to means: a request's reply address, the support address, or neither. */
export function readRecipient(secret: string, supportAddress: string, to: string): Recipient {
  const support = split(supportAddress);
  const given = split(to.trim());
  if (given.domain !== support.domain) return { kind: "unknown" };
  if (given.local === support.local) return { kind: "support" };
  const match = new RegExp(
    `^${escapeRegExp(support.local)}\\+(sr-\\d{4}-\\d{6})\\.([0-9a-f]{${TAG_LENGTH}})$`,
  ).exec(given.local);
  if (!match?.[1] || !match[2]) return { kind: "unknown" };
  const number = match[1].toUpperCase();
  const expected = Buffer.from(tagOf(secret, number));
  const sent = Buffer.from(match[2]);
  return expected.length === sent.length && timingSafeEqual(expected, sent)
    ? { kind: "reply", number }
    : { kind: "unknown" };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The bare address in "Frontline Support <support@partner.example>". */
export function bareAddress(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
}
