import type { Locale, Localized } from "./locales.ts";

/**
 * What a request filed about an incident says when the incident closes and
 * resolves it. Only the closing message counts: the incident's earlier text
 * ("…we are working on it") is stale by then. A closing message missing in
 * the customer's language is sent in English, with a line that says so;
 * with none at all, a standard line in the customer's language.
 */
export function incidentClosingText(
  closing: Partial<Record<Locale, string>> | undefined,
  locale: Locale,
  /** The service's name in the customer's language. */
  serviceName: string,
): string {
  const own = closing?.[locale];
  if (own) return own;
  const english = closing?.en;
  if (english) return `${englishOnly[locale]}\n\n${english}`;
  return standardClosing[locale].replace("{service}", serviceName);
}

/** Never read in English: an English closing message is the customer's own language there. */
const englishOnly: Localized = {
  en: "This message is in English.",
  de: "Diese Nachricht liegt nicht auf Deutsch vor; hier ist sie auf Englisch:",
  it: "Questo messaggio non è disponibile in italiano; eccolo in inglese:",
  "zh-cn": "此消息暂无简体中文版本，以下为英文原文：",
};

const standardClosing: Localized = {
  en: "The disruption of {service} is over, and your request is resolved with it. If something still does not work, you can reopen the request on its tracking page within 7 days.",
  de: "Die Störung von {service} ist behoben, und damit ist auch Ihre Anfrage gelöst. Falls noch etwas nicht funktioniert, können Sie die Anfrage innerhalb von 7 Tagen auf ihrer Seite wieder öffnen.",
  it: "Il disservizio di {service} è terminato e con esso anche la Sua richiesta è risolta. Se qualcosa non funziona ancora, può riaprire la richiesta dalla sua pagina entro 7 giorni.",
  "zh-cn":
    "{service} 的故障已经排除，您的请求也随之解决。如果仍有问题，您可以在 7 天内通过请求跟踪页面重新打开请求。",
};
