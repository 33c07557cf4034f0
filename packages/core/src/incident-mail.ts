import {
  englishOnlyNotice,
  impactNames,
  incidentStageNames,
  type ReadableText,
} from "./incident-status.ts";
import type { Locale } from "./locales.ts";
import type { IncidentStage } from "./messages.ts";
import type { ComposedMail } from "./notifications.ts";
import type { IncidentView } from "./service-health.ts";

/** Why a subscriber gets mail about an incident: it was posted, it changed, it is over. */
export type IncidentMailKind = "posted" | "updated" | "resolved";

export interface IncidentMailContext {
  readonly kind: IncidentMailKind;
  readonly locale: Locale;
  /** The service's name in the subscriber's language. */
  readonly serviceName: string;
  readonly impact: IncidentView["impact"];
  readonly stage: IncidentStage;
  /** The update's text, in the subscriber's language or English (saying so). */
  readonly message: ReadableText;
  readonly statusUrl: string;
  /** The one-click unsubscribe page, also in the List-Unsubscribe header. */
  readonly unsubscribeUrl: string;
}

type Texts = {
  subject: Record<IncidentMailKind, string>;
  intro: Record<IncidentMailKind, string>;
  stage: string;
  status: string;
  why: string;
  confirmSubject: string;
  confirmIntro: string;
  confirmIgnore: string;
  signature: string;
};

const texts: Record<Locale, Texts> = {
  en: {
    subject: {
      posted: "Incident: {service} – {impact}",
      updated: "Update: {service} – {stage}",
      resolved: "Resolved: {service}",
    },
    intro: {
      posted: "we know about a problem with {service} ({impact}).",
      updated: "there is news about the problem with {service}.",
      resolved: "the problem with {service} is resolved.",
    },
    stage: "Stage: {stage}",
    status: "Every update on the status page:",
    why: "You get this email because you subscribed to incidents of {service}. Unsubscribe in one click:",
    confirmSubject: "Confirm: incident emails for {service}",
    confirmIntro:
      "please confirm that you want an email whenever there is an incident with {service}:",
    confirmIgnore: "If you did not ask for this, ignore this email: you will get nothing more.",
    signature: "Your support team",
  },
  de: {
    subject: {
      posted: "Störung: {service} – {impact}",
      updated: "Neue Meldung: {service} – {stage}",
      resolved: "Behoben: {service}",
    },
    intro: {
      posted: "uns ist eine Störung von {service} bekannt ({impact}).",
      updated: "es gibt Neuigkeiten zur Störung von {service}.",
      resolved: "die Störung von {service} ist behoben.",
    },
    stage: "Stand: {stage}",
    status: "Alle Meldungen auf der Statusseite:",
    why: "Sie erhalten diese E-Mail, weil Sie Meldungen zu {service} abonniert haben. Mit einem Klick abbestellen:",
    confirmSubject: "Bitte bestätigen: Störungsmeldungen für {service}",
    confirmIntro:
      "bitte bestätigen Sie, dass Sie bei jeder Störung von {service} eine E-Mail erhalten möchten:",
    confirmIgnore:
      "Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Sie erhalten dann nichts weiter.",
    signature: "Ihr Support-Team",
  },
  it: {
    subject: {
      posted: "Disservizio: {service} – {impact}",
      updated: "Aggiornamento: {service} – {stage}",
      resolved: "Risolto: {service}",
    },
    intro: {
      posted: "siamo a conoscenza di un problema con {service} ({impact}).",
      updated: "ci sono novità sul problema con {service}.",
      resolved: "il problema con {service} è risolto.",
    },
    stage: "Stato: {stage}",
    status: "Tutti gli aggiornamenti nella pagina di stato:",
    why: "Riceve questa email perché si è iscritto agli avvisi su {service}. Annulli l'iscrizione con un clic:",
    confirmSubject: "Conferma: avvisi via email per {service}",
    confirmIntro: "confermi di voler ricevere un'email per ogni disservizio di {service}:",
    confirmIgnore: "Se non l'ha richiesto, ignori questa email: non riceverà altro.",
    signature: "Il Suo team di supporto",
  },
  "zh-cn": {
    subject: {
      posted: "故障：{service} – {impact}",
      updated: "更新：{service} – {stage}",
      resolved: "已解决：{service}",
    },
    intro: {
      posted: "我们已知 {service} 出现问题（{impact}）。",
      updated: "{service} 的问题有新进展。",
      resolved: "{service} 的问题已经解决。",
    },
    stage: "阶段：{stage}",
    status: "在状态页面查看所有更新：",
    why: "您收到此邮件是因为您订阅了 {service} 的故障通知。一键退订：",
    confirmSubject: "请确认：{service} 的故障通知邮件",
    confirmIntro: "请确认您希望在 {service} 出现故障时收到邮件：",
    confirmIgnore: "如果这不是您的请求，请忽略此邮件：您不会再收到任何邮件。",
    signature: "您的支持团队",
  },
};

const greeting: Record<Locale, string> = {
  en: "Hello,",
  de: "Guten Tag,",
  it: "Gentile cliente,",
  "zh-cn": "您好：",
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** The mail a subscriber gets about an incident, all in their language but the update's text. */
export function composeIncidentMail(context: IncidentMailContext): ComposedMail {
  const t = texts[context.locale];
  const values = {
    service: context.serviceName,
    impact: impactNames[context.impact][context.locale],
    stage: incidentStageNames[context.stage][context.locale],
  };
  const { text, language } = context.message;
  const message = !text
    ? []
    : language === context.locale
      ? [text, ""]
      : [englishOnlyNotice[context.locale], text, ""];
  return {
    subject: fill(t.subject[context.kind], values),
    text: [
      greeting[context.locale],
      "",
      fill(t.intro[context.kind], values),
      "",
      fill(t.stage, values),
      ...message,
      t.status,
      context.statusUrl,
      "",
      fill(t.why, values),
      context.unsubscribeUrl,
      "",
      t.signature,
    ].join("\n"),
  };
}

/** The double opt-in mail: nothing else is sent to the address until its link is followed. */
export function composeSubscriptionConfirmation(context: {
  readonly locale: Locale;
  readonly serviceName: string;
  readonly confirmUrl: string;
}): ComposedMail {
  const t = texts[context.locale];
  const values = { service: context.serviceName };
  return {
    subject: fill(t.confirmSubject, values),
    text: [
      greeting[context.locale],
      "",
      fill(t.confirmIntro, values),
      context.confirmUrl,
      "",
      t.confirmIgnore,
      "",
      t.signature,
    ].join("\n"),
  };
}
