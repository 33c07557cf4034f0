import { defaultLocale, type Locale, type Localized } from "./locales.ts";

/** The seven kinds of request a partner must support (see DOMAIN.md). */
export const categories = [
  {
    id: "account-setup",
    label: {
      en: "Account set-up and sign-up",
      de: "Kontoeinrichtung und Registrierung",
      it: "Configurazione dell'account e iscrizione",
      "zh-cn": "账户设置和注册",
    },
  },
  {
    id: "billing",
    label: {
      en: "Accounts and billing",
      de: "Konten und Abrechnung",
      it: "Account e fatturazione",
      "zh-cn": "账户和账单",
    },
  },
  {
    id: "how-to",
    label: {
      en: "How-to questions and FAQs",
      de: "Anleitungen und häufige Fragen",
      it: "Domande pratiche e FAQ",
      "zh-cn": "操作方法和常见问题",
    },
  },
  {
    id: "updates",
    label: {
      en: "Service and software updates",
      de: "Dienst- und Softwareupdates",
      it: "Aggiornamenti di servizi e software",
      "zh-cn": "服务和软件更新",
    },
  },
  {
    id: "configuration",
    label: {
      en: "Software configuration",
      de: "Softwarekonfiguration",
      it: "Configurazione del software",
      "zh-cn": "软件配置",
    },
  },
  {
    id: "connectivity",
    label: {
      en: "Client connectivity and desktop",
      de: "Clientkonnektivität und Desktop",
      it: "Connettività e desktop del client",
      "zh-cn": "客户端连接和桌面",
    },
  },
  {
    id: "performance",
    label: {
      en: "Performance and availability",
      de: "Leistung und Verfügbarkeit",
      it: "Prestazioni e disponibilità",
      "zh-cn": "性能和可用性",
    },
  },
] as const satisfies readonly { id: string; label: Localized }[];

export type CategoryId = (typeof categories)[number]["id"];
export const categoryIds = categories.map((c) => c.id) as [CategoryId, ...CategoryId[]];

/**
 * Severities follow the operator's A/B/C scheme. What each one means is
 * spelled out for customers, who otherwise pick "critical" for everything.
 */
export const severities = [
  {
    id: "A",
    label: { en: "A – Critical", de: "A – Kritisch", it: "A – Critico", "zh-cn": "A – 严重" },
    meaning: {
      en: "A service is down or unusable for many people and there is no workaround.",
      de: "Ein Dienst ist ausgefallen oder für viele unbenutzbar, und es gibt keine Umgehung.",
      it: "Un servizio è inattivo o inutilizzabile per molte persone e non esiste alternativa.",
      "zh-cn": "服务中断或对许多人无法使用，且没有变通办法。",
    },
  },
  {
    id: "B",
    label: { en: "B – High", de: "B – Hoch", it: "B – Alto", "zh-cn": "B – 高" },
    meaning: {
      en: "Important work is impaired, but people can still get by.",
      de: "Wichtige Arbeit ist beeinträchtigt, aber es geht notdürftig weiter.",
      it: "Un lavoro importante è compromesso, ma si riesce ancora ad andare avanti.",
      "zh-cn": "重要工作受到影响，但仍可勉强进行。",
    },
  },
  {
    id: "C",
    label: { en: "C – Normal", de: "C – Normal", it: "C – Normale", "zh-cn": "C – 普通" },
    meaning: {
      en: "A question, a request for advice, or a problem with little business impact.",
      de: "Eine Frage, ein Beratungswunsch oder ein Problem mit geringer Auswirkung.",
      it: "Una domanda, una richiesta di consiglio o un problema con scarso impatto.",
      "zh-cn": "一般问题、咨询请求，或对业务影响很小的问题。",
    },
  },
] as const satisfies readonly { id: string; label: Localized; meaning: Localized }[];

export type SeverityId = (typeof severities)[number]["id"];
export const severityIds = severities.map((s) => s.id) as [SeverityId, ...SeverityId[]];

/** A service the partner resells; the list is configuration, not code. */
export interface Service {
  readonly id: string;
  readonly label: Localized;
}

/** The services an operator-run productivity and infrastructure cloud offers. */
export const defaultServices: readonly Service[] = [
  {
    id: "mail",
    label: {
      en: "Email and calendar",
      de: "E-Mail und Kalender",
      it: "Posta e calendario",
      "zh-cn": "电子邮件和日历",
    },
  },
  {
    id: "files",
    label: {
      en: "Files and team sites",
      de: "Dateien und Teamwebsites",
      it: "File e siti del team",
      "zh-cn": "文件和团队网站",
    },
  },
  {
    id: "meetings",
    label: {
      en: "Chat and online meetings",
      de: "Chat und Onlinebesprechungen",
      it: "Chat e riunioni online",
      "zh-cn": "聊天和在线会议",
    },
  },
  {
    id: "office-apps",
    label: {
      en: "Desktop office apps",
      de: "Office-Desktop-Apps",
      it: "App Office desktop",
      "zh-cn": "桌面办公应用",
    },
  },
  {
    id: "identity",
    label: {
      en: "Sign-in and identity",
      de: "Anmeldung und Identität",
      it: "Accesso e identità",
      "zh-cn": "登录和身份",
    },
  },
  {
    id: "virtual-machines",
    label: {
      en: "Virtual machines",
      de: "Virtuelle Computer",
      it: "Macchine virtuali",
      "zh-cn": "虚拟机",
    },
  },
  {
    id: "storage",
    label: {
      en: "Cloud storage",
      de: "Cloudspeicher",
      it: "Archiviazione cloud",
      "zh-cn": "云存储",
    },
  },
  {
    id: "partner-portal",
    label: {
      en: "Partner portal and subscriptions",
      de: "Partnerportal und Abonnements",
      it: "Portale partner e abbonamenti",
      "zh-cn": "合作伙伴门户和订阅",
    },
  },
];

export function label(text: Localized, locale: Locale = defaultLocale): string {
  return text[locale] ?? text[defaultLocale];
}
