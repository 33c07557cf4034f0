import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/**
 * Deliveries are signed the Standard Webhooks way (standardwebhooks.com):
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
 * ("v1," and the base64 HMAC-SHA256 of "id.timestamp.body" under the
 * endpoint's secret). Receivers verify with any Standard Webhooks library,
 * which also refuses a timestamp outside its replay window (5 minutes).
 */

/** A new endpoint secret, shown to the admin once: "whsec_" and 32 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export interface SignedDelivery {
  readonly "webhook-id": string;
  readonly "webhook-timestamp": string;
  readonly "webhook-signature": string;
}

/** The three headers of one delivery of `body`; a retry keeps its id and signs a new time. */
export function signDelivery(secret: string, id: string, at: Date, body: string): SignedDelivery {
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
