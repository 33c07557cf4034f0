import { createHmac, timingSafeEqual } from "node:crypto";
import { isLocale, type Locale } from "@frontline/core";

/**
 * The two links of incident mail, signed with the server's access-link
 * secret (like platform/access-links.ts) so nothing about them is stored:
 *
 *   confirm:      s1.<base64url JSON {service, email, locale, expiry}>.<HMAC>
 *   unsubscribe:  u1.<subscription id>.<HMAC over id and address>
 *
 * A confirmation link carries the address itself, so an unconfirmed
 * address is kept nowhere but in the mail sent to it. An unsubscribe link
 * never expires (an old mail must still stop the next), and binds the
 * subscription's id to its address, so no id can be unsubscribed by
 * guessing. Rotating the secret voids both.
 */

export const CONFIRM_LINK_DAYS = 7;

export interface PendingSubscription {
  readonly service: string;
  readonly email: string;
  readonly locale: Locale;
}

const mac = (secret: string, purpose: string, payload: string) =>
  createHmac("sha256", secret).update(`incident-${purpose}\n${payload}`).digest();

function signatureMatches(expected: Buffer, given: string): boolean {
  const bytes = Buffer.from(given, "base64url");
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

export function signConfirmation(secret: string, pending: PendingSubscription, now: Date): string {
  const expiry = Math.floor(now.getTime() / 1000 + CONFIRM_LINK_DAYS * 86_400);
  const payload = Buffer.from(
    JSON.stringify({ s: pending.service, e: pending.email, l: pending.locale, x: expiry }),
  ).toString("base64url");
  return `s1.${payload}.${mac(secret, "confirm", payload).toString("base64url")}`;
}

/** The subscription a confirmation link asks for; null when it is not ours, altered or expired. */
export function readConfirmation(
  secret: string,
  token: string,
  now: Date,
): PendingSubscription | null {
  const [version, payload = "", signature = ""] = token.split(".");
  if (version !== "s1" || !signatureMatches(mac(secret, "confirm", payload), signature))
    return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    const { s, e, l, x } = data;
    if (typeof s !== "string" || typeof e !== "string" || !isLocale(l) || typeof x !== "number")
      return null;
    if (x * 1000 <= now.getTime()) return null;
    return { service: s, email: e, locale: l };
  } catch {
    return null;
  }
}

export function signUnsubscribe(secret: string, subscription: { id: number; email: string }) {
  const id = String(subscription.id);
  return `u1.${id}.${mac(secret, "unsubscribe", `${id}\n${subscription.email}`).toString("base64url")}`;
}

/** The subscription id an unsubscribe link names, before its signature is checked against the row. */
export function unsubscribeId(token: string): number | null {
  const [version, id = ""] = token.split(".");
  return version === "u1" && /^[1-9]\d{0,9}$/.test(id) ? Number(id) : null;
}

export function unsubscribeValid(
  secret: string,
  token: string,
  subscription: { id: number; email: string },
): boolean {
  const [, id = "", signature = ""] = token.split(".");
  return (
    id === String(subscription.id) &&
    signatureMatches(mac(secret, "unsubscribe", `${id}\n${subscription.email}`), signature)
  );
}
