import {
  englishOnlyNotice,
  type IncidentForReader,
  impactNames,
  incidentStageNames,
  type Locale,
  localeTags,
  statusReport,
} from "@frontline/core";
import { incidentHistory } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { statusPageUrl } from "./incident-notice.ts";

/** XML's five special characters, in text and in attribute values alike. */
export const xml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

const feedTitle: Record<Locale, string> = {
  en: "Service incidents",
  de: "Störungsmeldungen",
  it: "Disservizi",
  "zh-cn": "服务故障",
};

/** One entry's content: the timeline newest first, as the status page shows it, as escaped HTML. */
function timelineHtml(incident: IncidentForReader, locale: Locale): string {
  const items = incident.updates.map((update) => {
    const note =
      update.message && update.messageLanguage !== locale
        ? `<p><em>${xml(englishOnlyNotice[locale])}</em></p>`
        : "";
    const lang =
      update.messageLanguage !== locale ? ` lang="${localeTags[update.messageLanguage]}"` : "";
    const text = update.message ? `${note}<p${lang}>${xml(update.message)}</p>` : "";
    return `<li><p><strong>${xml(incidentStageNames[update.stage][locale])}</strong> <time datetime="${update.at}">${update.at}</time></p>${text}</li>`;
  });
  return `<ul>${items.join("")}</ul>`;
}

/**
 * The Atom feed (RFC 4287) of one language's status page: one entry per
 * incident of the history window, updated whenever its timeline grows.
 */
export async function incidentsFeed(deps: AppDeps, locale: Locale): Promise<string> {
  const now = deps.clock.now();
  const report = statusReport(deps.config.services, await incidentHistory(deps.db, now), locale);
  const incidents = [...report.incidents, ...report.history];
  const page = statusPageUrl(deps, locale);
  const self = `${deps.config.publicUrl}/api/v1/status/${locale}/feed.atom`;
  const host = new URL(deps.config.publicUrl).host;
  const updated = incidents.reduce(
    (latest, i) => (i.updatedAt > latest ? i.updatedAt : latest),
    "1970-01-01T00:00:00.000Z",
  );
  const entries = incidents.map((incident) => {
    const stage = incidentStageNames[incident.updates[0]?.stage ?? "investigating"][locale];
    const title = `${incident.serviceLabel}: ${impactNames[incident.impact][locale]} – ${stage}`;
    return [
      "  <entry>",
      `    <id>tag:${xml(host)},2026:incident-${incident.id}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(`${page}#incident-${incident.id}`)}"/>`,
      `    <published>${incident.startedAt}</published>`,
      `    <updated>${incident.updatedAt}</updated>`,
      `    <content type="html">${xml(timelineHtml(incident, locale))}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${localeTags[locale]}">`,
    `  <id>${xml(self)}</id>`,
    `  <title>${xml(feedTitle[locale])}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(host)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(page)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
