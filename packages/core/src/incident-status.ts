import { label, type Service } from "./catalog.ts";
import type { Locale, Localized } from "./locales.ts";
import type { IncidentStage } from "./messages.ts";
import { type IncidentView, statusOfService } from "./service-health.ts";

/** One entry of an incident's timeline, as storage keeps it. */
export interface IncidentUpdateView {
  readonly stage: IncidentStage;
  readonly message: Partial<Localized>;
  readonly createdAt: Date;
}

export interface IncidentWithUpdates extends IncidentView {
  /** Newest first. */
  readonly updates: readonly IncidentUpdateView[];
}

/** A text in the reader's language when written, else in English, saying which. */
export interface ReadableText {
  readonly text: string;
  /** The language `text` is in: the reader's, or English when theirs is missing. */
  readonly language: Locale;
}

/** The message in the reader's language, English when not translated; "" when there is none. */
export function readableText(message: Partial<Localized>, locale: Locale): ReadableText {
  const own = message[locale];
  if (own) return { text: own, language: locale };
  return { text: message.en ?? "", language: "en" };
}

/** What readers see when a message is shown in English because theirs is missing. */
export const englishOnlyNotice: Localized = {
  en: "This message is only available in English.",
  de: "Diese Meldung gibt es nur auf Englisch.",
  it: "Questo messaggio è disponibile solo in inglese.",
  "zh-cn": "此消息仅有英文版本。",
};

export const incidentStageNames: Readonly<Record<IncidentStage, Localized>> = {
  investigating: {
    en: "Investigating",
    de: "Wird untersucht",
    it: "In analisi",
    "zh-cn": "调查中",
  },
  identified: {
    en: "Identified",
    de: "Ursache erkannt",
    it: "Causa individuata",
    "zh-cn": "已确定原因",
  },
  monitoring: { en: "Monitoring", de: "Wird beobachtet", it: "In monitoraggio", "zh-cn": "监控中" },
  resolved: { en: "Resolved", de: "Behoben", it: "Risolto", "zh-cn": "已解决" },
};

export const impactNames: Readonly<Record<IncidentView["impact"], Localized>> = {
  degraded: { en: "Degraded", de: "Beeinträchtigt", it: "Degradato", "zh-cn": "性能下降" },
  outage: { en: "Outage", de: "Ausfall", it: "Interruzione", "zh-cn": "中断" },
};

/** An incident as the status page and the feeds show it to one reader. */
export function incidentForReader(
  incident: IncidentWithUpdates,
  services: readonly Service[],
  locale: Locale,
) {
  const service = services.find((s) => s.id === incident.service);
  const current = readableText(incident.message, locale);
  return {
    id: incident.id,
    service: incident.service,
    serviceLabel: service ? label(service.label, locale) : incident.service,
    impact: incident.impact,
    status: incident.status,
    message: current.text,
    messageLanguage: current.language,
    startedAt: incident.startedAt.toISOString(),
    updatedAt: incident.updatedAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    updates: incident.updates.map((update) => {
      const text = readableText(update.message, locale);
      return {
        stage: update.stage,
        message: text.text,
        messageLanguage: text.language,
        at: update.createdAt.toISOString(),
      };
    }),
  };
}

export type IncidentForReader = ReturnType<typeof incidentForReader>;

/**
 * The status page's whole report for one reader: every service's status,
 * the incidents going on, and the past ones of the history window
 * (resolved, newest first), each with its timeline.
 */
export function statusReport(
  services: readonly Service[],
  incidents: readonly IncidentWithUpdates[],
  locale: Locale,
) {
  const active = incidents.filter((incident) => incident.resolvedAt === null);
  const past = incidents
    .filter((incident) => incident.resolvedAt !== null)
    .sort((a, b) => (b.resolvedAt?.getTime() ?? 0) - (a.resolvedAt?.getTime() ?? 0));
  return {
    services: services.map((service) => ({
      id: service.id,
      label: label(service.label, locale),
      status: statusOfService(service.id, active),
    })),
    incidents: active.map((incident) => incidentForReader(incident, services, locale)),
    history: past.map((incident) => incidentForReader(incident, services, locale)),
  };
}
