import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A tracking token is 192 random bits: unguessable, so a fast hash is
 * enough at rest (there is no password to brute-force).
 */
export function newTrackingToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const decoy = hashTrackingToken("no request has this token");

/**
 * Compares in constant time; with no stored hash it still compares against
 * a decoy, so an unknown number answers no faster than a wrong token.
 */
export function trackingTokenMatches(
  token: string | undefined,
  storedHash: string | null,
): boolean {
  const given = Buffer.from(hashTrackingToken(token ?? ""), "hex");
  const stored = Buffer.from(storedHash ?? decoy, "hex");
  return (
    given.length === stored.length &&
    timingSafeEqual(given, stored) &&
    storedHash !== null &&
    token !== undefined
  );
}
