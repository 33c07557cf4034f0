import type { Locale } from "./locales.ts";

/** Why a customer gets an email about their request. */
export type NotificationKind = "created" | "reply" | "status-changed";

export interface NotificationContext {
  readonly kind: NotificationKind;
  readonly locale: Locale;
  readonly number: string;
  readonly subject: string;
  readonly name: string;
  /** The new status in plain words, for status changes. */
  readonly statusLabel?: string;
  /** The partner's public reply, for replies; for a status change, the message that came with it (a resolution). */
  readonly replyBody?: string;
  /** Where to follow the request; with the token only in the first email. */
  readonly trackingUrl: string;
  /** Where to rate the support, in the email that says the request is resolved. */
  readonly rateUrl?: string;
}

export interface ComposedMail {
  readonly subject: string;
  readonly text: string;
}

type Texts = {
  subject: Record<NotificationKind, string>;
  greeting: string;
  created: string;
  reply: string;
  status: string;
  track: string;
  rate: string;
  keepPrivate: string;
  signature: string;
};

const texts: Record<Locale, Texts> = {
  en: {
    subject: {
      created: "[{number}] We received your request: {subject}",
      reply: "[{number}] New reply: {subject}",
      "status-changed": "[{number}] {status}: {subject}",
    },
    greeting: "Hello {name},",
    created:
      "thank you for your request. Your reference number is {number}. We check the service health first and answer around the clock.",
    reply: "there is a new reply to your request {number}:",
    status: "the status of your request {number} is now: {status}.",
    track: "Follow your request and reply here:",
    rate: "How did we do? Rate our support in one click:",
    keepPrivate: "This link contains your private tracking code. Do not forward this email.",
    signature: "Your support team",
  },
  de: {
    subject: {
      created: "[{number}] Ihre Anfrage ist eingegangen: {subject}",
      reply: "[{number}] Neue Antwort: {subject}",
      "status-changed": "[{number}] {status}: {subject}",
    },
    greeting: "Guten Tag {name},",
    created:
      "vielen Dank für Ihre Anfrage. Ihre Referenznummer ist {number}. Wir prüfen zuerst den Dienststatus und antworten rund um die Uhr.",
    reply: "es gibt eine neue Antwort auf Ihre Anfrage {number}:",
    status: "der Status Ihrer Anfrage {number} lautet jetzt: {status}.",
    track: "Hier verfolgen und beantworten Sie Ihre Anfrage:",
    rate: "Wie zufrieden sind Sie? Bewerten Sie unseren Support mit einem Klick:",
    keepPrivate:
      "Dieser Link enthält Ihren privaten Tracking-Code. Leiten Sie diese E-Mail nicht weiter.",
    signature: "Ihr Support-Team",
  },
  it: {
    subject: {
      created: "[{number}] Abbiamo ricevuto la Sua richiesta: {subject}",
      reply: "[{number}] Nuova risposta: {subject}",
      "status-changed": "[{number}] {status}: {subject}",
    },
    greeting: "Gentile {name},",
    created:
      "grazie per la Sua richiesta. Il numero di riferimento è {number}. Controlliamo prima lo stato dei servizi e rispondiamo 24 ore su 24.",
    reply: "c'è una nuova risposta alla Sua richiesta {number}:",
    status: "lo stato della Sua richiesta {number} ora è: {status}.",
    track: "Segua e risponda alla Sua richiesta qui:",
    rate: "Come siamo andati? Valuti il nostro supporto con un clic:",
    keepPrivate:
      "Questo link contiene il Suo codice di monitoraggio privato. Non inoltri questa email.",
    signature: "Il Suo team di supporto",
  },
  "zh-cn": {
    subject: {
      created: "[{number}] 我们已收到您的请求：{subject}",
      reply: "[{number}] 新回复：{subject}",
      "status-changed": "[{number}] {status}：{subject}",
    },
    greeting: "{name}，您好：",
    created: "感谢您提交请求。您的参考编号是 {number}。我们会先检查服务运行状况，并全天候响应。",
    reply: "您的请求 {number} 有一条新回复：",
    status: "您的请求 {number} 的状态现为：{status}。",
    track: "在此跟踪并回复您的请求：",
    rate: "我们的服务如何？一键评价我们的支持：",
    keepPrivate: "此链接包含您的私人跟踪代码。请勿转发此电子邮件。",
    signature: "您的支持团队",
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The email a customer gets, in the language of their request. */
export function composeNotification(context: NotificationContext): ComposedMail {
  const t = texts[context.locale];
  const values = {
    number: context.number,
    subject: context.subject,
    name: context.name,
    status: context.statusLabel ?? "",
  };
  const lead = {
    created: fill(t.created, values),
    reply: fill(t.reply, values),
    "status-changed": fill(t.status, values),
  }[context.kind];
  const paragraphs = [
    fill(t.greeting, values),
    lead,
    ...(context.kind !== "created" && context.replyBody ? [context.replyBody] : []),
    `${t.track}\n${context.trackingUrl}`,
    ...(context.rateUrl ? [`${t.rate}\n${context.rateUrl}`] : []),
    ...(context.kind === "created" ? [t.keepPrivate] : []),
    t.signature,
  ];
  return { subject: fill(t.subject[context.kind], values), text: `${paragraphs.join("\n\n")}\n` };
}
