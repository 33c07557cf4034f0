import {
  composeNotification,
  label,
  type NotificationKind,
  type Status,
  statusLabels,
} from "@frontline/core";
import type { NewMail, RequestRow } from "@frontline/db";
import { signAccess } from "../../platform/access-links.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { replyAddress } from "../../platform/reply-address.ts";

/** What composing a request's email needs: the settings, and the time for its access link. */
type MailDeps = Pick<AppDeps, "config" | "clock">;

/**
 * The tracking page, opened for this request: after "#" (never sent to a
 * server) the first email puts the tracking token, and every later one a
 * signed access link, since the token is stored only as its hash.
 */
export function trackingUrl(deps: MailDeps, row: RequestRow, token?: string): string {
  const page = `${deps.config.publicUrl}/${row.locale}/track/`;
  const access =
    token ?? signAccess(deps.config.accessLinkSecret, row.number, "track", deps.clock.now());
  return `${page}#${row.number}:${access}`;
}

function mail(
  deps: MailDeps,
  kind: NotificationKind,
  row: RequestRow,
  url: string,
  extra: { statusLabel?: string; replyBody?: string; rateUrl?: string } = {},
): NewMail {
  const composed = composeNotification({
    kind,
    locale: row.locale,
    number: row.number,
    subject: row.subject,
    name: row.contactName,
    trackingUrl: url,
    ...extra,
  });
  return {
    kind,
    recipient: row.contactEmail,
    locale: row.locale,
    subject: composed.subject,
    body: composed.text,
    replyTo: deps.config.supportAddress
      ? replyAddress(deps.config.accessLinkSecret, deps.config.supportAddress, row.number)
      : null,
  };
}

export const createdMail = (deps: MailDeps, row: RequestRow, token: string) =>
  mail(deps, "created", row, trackingUrl(deps, row, token));

/** A status change's email; `message` is the public text that came with it, such as the resolution. */
export function statusMail(deps: MailDeps, row: RequestRow, status: Status, message?: string) {
  const url = trackingUrl(deps, row);
  return mail(deps, "status-changed", row, url, {
    statusLabel: label(statusLabels[status], row.locale),
    ...(message ? { replyBody: message } : {}),
    // ":rate" after the access opens the tracking page at its rating form.
    ...(status === "resolved" && row.satisfaction === null ? { rateUrl: `${url}:rate` } : {}),
  });
}

export const replyMail = (deps: MailDeps, row: RequestRow, body: string) =>
  mail(deps, "reply", row, trackingUrl(deps, row), { replyBody: body });
