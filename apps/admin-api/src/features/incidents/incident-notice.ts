import {
  composeIncidentMail,
  type IncidentMailKind,
  type Locale,
  label,
  readableText,
} from "@frontline/core";
import type { IncidentNotice } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { signUnsubscribe } from "./subscription-links.ts";

/** The status page in one language, where every mail about incidents points. */
export const statusPageUrl = (deps: Pick<AppDeps, "config">, locale: Locale) =>
  `${deps.config.publicUrl}/${locale}/status/`;

/** The unsubscribe address: a POST to it unsubscribes (RFC 8058), a GET shows a button. */
export function unsubscribeUrl(
  deps: Pick<AppDeps, "config">,
  subscription: { id: number; email: string; locale?: Locale },
) {
  const token = signUnsubscribe(deps.config.accessLinkSecret, subscription);
  const locale = subscription.locale ? `lang=${subscription.locale}&` : "";
  return `${deps.config.publicUrl}/status-mail/unsubscribe?${locale}token=${encodeURIComponent(token)}`;
}

/**
 * The mail an incident's new stage sends to each subscriber of its
 * service, in the subscriber's language, with the one-click unsubscribe
 * headers mail clients show as an "Unsubscribe" button.
 */
export function incidentNotice(
  deps: Pick<AppDeps, "config">,
  kind: IncidentMailKind,
): IncidentNotice {
  return (incident, update, subscribers) =>
    subscribers.map((subscriber) => {
      const service = deps.config.services.find((s) => s.id === incident.service);
      const unsubscribe = unsubscribeUrl(deps, subscriber);
      const mail = composeIncidentMail({
        kind,
        locale: subscriber.locale,
        serviceName: service ? label(service.label, subscriber.locale) : incident.service,
        impact: incident.impact,
        stage: update.stage,
        message: readableText(update.message, subscriber.locale),
        statusUrl: statusPageUrl(deps, subscriber.locale),
        unsubscribeUrl: unsubscribe,
      });
      return {
        kind: `incident-${kind}`,
        recipient: subscriber.email,
        locale: subscriber.locale,
        subject: mail.subject,
        body: mail.text,
        headers: {
          "List-Unsubscribe": `<${unsubscribe}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      };
    });
}
