import type { EscalationMissingItem } from "./escalation.ts";
import type { Status } from "./lifecycle.ts";
import type { Localized } from "./locales.ts";

/** How a status reads to the customer following their request. */
export const statusLabels: Readonly<Record<Status, Localized>> = {
  new: { en: "Received", de: "Eingegangen", it: "Ricevuta", "zh-cn": "已收到" },
  open: { en: "In progress", de: "In Bearbeitung", it: "In lavorazione", "zh-cn": "处理中" },
  "waiting-on-customer": {
    en: "Waiting for your reply",
    de: "Wartet auf Ihre Antwort",
    it: "In attesa della Sua risposta",
    "zh-cn": "等待您的回复",
  },
  escalated: {
    en: "Escalated to the operator",
    de: "An den Betreiber eskaliert",
    it: "Inoltrata all'operatore",
    "zh-cn": "已升级至运营方",
  },
  resolved: { en: "Resolved", de: "Gelöst", it: "Risolta", "zh-cn": "已解决" },
  closed: { en: "Closed", de: "Geschlossen", it: "Chiusa", "zh-cn": "已关闭" },
};

/** What the partner must still add before the operator accepts an escalation. */
export const escalationMissingLabels: Readonly<Record<EscalationMissingItem, Localized>> = {
  "service-health-not-checked": {
    en: "Check the service health of the affected service",
    de: "Prüfen Sie den Dienststatus des betroffenen Dienstes",
    it: "Controlla lo stato del servizio interessato",
    "zh-cn": "检查受影响服务的运行状况",
  },
  "service-health-check-stale": {
    en: "Check the service health again: the last check is older than an hour",
    de: "Prüfen Sie den Dienststatus erneut: die letzte Prüfung ist älter als eine Stunde",
    it: "Controlla di nuovo lo stato del servizio: l'ultimo controllo ha più di un'ora",
    "zh-cn": "请重新检查服务运行状况：上次检查已超过一小时",
  },
  "description-too-short": {
    en: "Describe the problem in at least 30 characters",
    de: "Beschreiben Sie das Problem mit mindestens 30 Zeichen",
    it: "Descrivi il problema con almeno 30 caratteri",
    "zh-cn": "请用至少 30 个字符描述问题",
  },
  "no-steps-tried": {
    en: "List at least one troubleshooting step you tried",
    de: "Nennen Sie mindestens einen Lösungsschritt, den Sie versucht haben",
    it: "Indica almeno un passaggio di risoluzione che hai provato",
    "zh-cn": "请至少列出一个您尝试过的故障排除步骤",
  },
  "self-help-not-offered": {
    en: "Point the customer to self-troubleshooting first",
    de: "Verweisen Sie den Kunden zuerst auf die Selbsthilfe",
    it: "Indirizza prima il cliente alla risoluzione autonoma",
    "zh-cn": "请先引导客户进行自助故障排除",
  },
  "partner-contact-missing": {
    en: "Give a contact the operator's engineer can reach",
    de: "Geben Sie einen Kontakt an, den der Techniker des Betreibers erreichen kann",
    it: "Indica un contatto che il tecnico dell'operatore possa raggiungere",
    "zh-cn": "请提供运营方工程师可以联系到的联系人",
  },
};
