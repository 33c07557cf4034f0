import { composeSubscriptionConfirmation, type Locale, label } from "@frontline/core";
import {
  addIncidentSubscription,
  enqueueMail,
  getIncidentSubscription,
  normalEmail,
  removeIncidentSubscription,
} from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import {
  readConfirmation,
  signConfirmation,
  unsubscribeId,
  unsubscribeValid,
} from "./subscription-links.ts";

export interface SubscriptionRequest {
  readonly email: string;
  readonly service: string;
  readonly locale: Locale;
}

export const confirmUrl = (deps: Pick<AppDeps, "config">, locale: Locale, token: string) =>
  `${deps.config.publicUrl}/status-mail/confirm?lang=${locale}&token=${encodeURIComponent(token)}`;

/**
 * Asks the address to confirm (double opt-in): one mail with a signed
 * link, through the outbox. Nothing is stored about the address, and it
 * gets no incident mail until the link is followed. The answer is the same
 * whether it is already subscribed or not, so the form reveals no one's
 * subscriptions.
 */
export async function requestSubscription(deps: AppDeps, request: SubscriptionRequest) {
  const service = deps.config.services.find((s) => s.id === request.service);
  if (!service) {
    throw problems.validation([
      { field: "service", message: "Choose a service from the list.", code: "unknown-service" },
    ]);
  }
  const now = deps.clock.now();
  const email = normalEmail(request.email);
  const token = signConfirmation(
    deps.config.accessLinkSecret,
    { service: service.id, email, locale: request.locale },
    now,
  );
  const mail = composeSubscriptionConfirmation({
    locale: request.locale,
    serviceName: label(service.label, request.locale),
    confirmUrl: confirmUrl(deps, request.locale, token),
  });
  await enqueueMail(
    deps.db,
    null,
    {
      kind: "incident-subscription-confirm",
      recipient: email,
      locale: request.locale,
      subject: mail.subject,
      body: mail.text,
    },
    now,
  );
}

/** Stores the subscription a confirmation link asks for; a refused link changes nothing. */
export async function confirmSubscription(deps: AppDeps, token: string) {
  const pending = readConfirmation(deps.config.accessLinkSecret, token, deps.clock.now());
  // A service removed from the catalogue since the mail was sent is no longer one to follow.
  if (!pending || !deps.config.services.some((s) => s.id === pending.service)) {
    throw problems.subscriptionLinkInvalid();
  }
  return addIncidentSubscription(deps.db, pending, deps.clock.now());
}

/** The subscription an unsubscribe link stands for, checked; null once it is gone. */
export async function subscriptionOfLink(deps: AppDeps, token: string) {
  const id = unsubscribeId(token);
  if (id === null) throw problems.subscriptionLinkInvalid();
  const subscription = await getIncidentSubscription(deps.db, id);
  if (!subscription) return null;
  if (!unsubscribeValid(deps.config.accessLinkSecret, token, subscription)) {
    throw problems.subscriptionLinkInvalid();
  }
  return subscription;
}

/**
 * Deletes the subscription of an unsubscribe link. Already gone is done
 * too: a second click, or a mail client's POST after the person's own,
 * gets the same answer.
 */
export async function unsubscribe(deps: AppDeps, token: string) {
  const subscription = await subscriptionOfLink(deps, token);
  if (subscription) await removeIncidentSubscription(deps.db, subscription.id, subscription.email);
  return subscription;
}
