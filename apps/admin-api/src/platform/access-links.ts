import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Signed access links: what every email after the first carries, since the
 * tracking token itself is stored only as a hash and cannot be repeated.
 *
 *   a1.<expiry in seconds, base 36>.<HMAC-SHA256 over number, purpose and expiry>
 *
 * It rides in the URL fragment in place of the token, so, like the token,
 * it never reaches a server's logs. Anyone with the secret can sign, so
 * the secret is the revocation: rotating it voids every link sent.
 */

const VERSION = "a1";
export const ACCESS_LINK_DAYS = 30;
/** What a link lets its holder do; only following the request, for now. */
export type AccessPurpose = "track";

function mac(secret: string, number: string, purpose: AccessPurpose, expiry: string): Buffer {
  return createHmac("sha256", secret).update(`${number}\n${purpose}\n${expiry}`).digest();
}

export function signAccess(
  secret: string,
  number: string,
  purpose: AccessPurpose,
  now: Date,
): string {
  const expiry = Math.floor(now.getTime() / 1000 + ACCESS_LINK_DAYS * 86_400).toString(36);
  return `${VERSION}.${expiry}.${mac(secret, number, purpose, expiry).toString("base64url")}`;
}

/** Whether the credential a customer sent is one of our access links for this request, unexpired. */
export function isAccessLink(credential: string | undefined): boolean {
  return credential?.startsWith(`${VERSION}.`) ?? false;
}

export function accessLinkValid(
  secret: string,
  number: string,
  purpose: AccessPurpose,
  credential: string,
  now: Date,
): boolean {
  const [version, expiry = "", signature = ""] = credential.split(".");
  if (version !== VERSION || !/^[0-9a-z]{1,10}$/.test(expiry)) return false;
  const expected = mac(secret, number, purpose, expiry);
  const given = Buffer.from(signature, "base64url");
  const signed = given.length === expected.length && timingSafeEqual(given, expected);
  return signed && Number.parseInt(expiry, 36) * 1000 > now.getTime();
}

/** A new secret: 256 random bits. */
export const newAccessSecret = () => randomBytes(32).toString("base64url");

/**
 * The secret of a server on a SQLite file when ACCESS_LINK_SECRET is not
 * set: kept beside the database (only its owner may read it), made on the
 * first start. Deleting the file rotates it. An in-memory database gets
 * one for the process.
 */
export function accessSecretBeside(databasePath: string): string {
  if (databasePath === ":memory:" || databasePath === "") return newAccessSecret();
  const file = join(dirname(databasePath.replace(/^file:/, "")), "access-link.secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = newAccessSecret();
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}
