import {
  composeNotification,
  label,
  type NotificationKind,
  type Status,
  statusLabels,
} from "@frontline/core";
import type { NewMail, RequestRow } from "@frontline/db";
import type { AppConfig } from "../../platform/deps.ts";

/** The tracking page; the first email adds the number and token after "#", never sent to a server. */
export function trackingUrl(config: AppConfig, row: RequestRow, token?: string): string {
  const page = `${config.publicUrl}/${row.locale}/track/`;
  return token ? `${page}#${row.number}:${token}` : page;
}

function mail(
  kind: NotificationKind,
  row: RequestRow,
  url: string,
  extra: { statusLabel?: string; replyBody?: string } = {},
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
  };
}

export const createdMail = (config: AppConfig, row: RequestRow, token: string) =>
  mail("created", row, trackingUrl(config, row, token));

/** A status change's email; `message` is the public text that came with it, such as the resolution. */
export const statusMail = (config: AppConfig, row: RequestRow, status: Status, message?: string) =>
  mail("status-changed", row, trackingUrl(config, row), {
    statusLabel: label(statusLabels[status], row.locale),
    ...(message ? { replyBody: message } : {}),
  });

export const replyMail = (config: AppConfig, row: RequestRow, body: string) =>
  mail("reply", row, trackingUrl(config, row), { replyBody: body });
