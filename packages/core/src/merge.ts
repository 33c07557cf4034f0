import type { Locale, Localized } from "./locales.ts";

const mergedNotices: Localized = {
  en: "We are handling this request together with {number}, which is about the same problem, so we have closed this one. You do not need to do anything: we will keep you informed.",
  de: "Wir bearbeiten diese Anfrage zusammen mit {number}, die dasselbe Problem betrifft, und haben diese daher geschlossen. Sie müssen nichts weiter tun: Wir halten Sie auf dem Laufenden.",
  it: "Gestiamo questa richiesta insieme alla {number}, che riguarda lo stesso problema, e per questo l'abbiamo chiusa. Non deve fare nulla: La terremo aggiornata.",
  "zh-cn":
    "我们将此请求与涉及同一问题的 {number} 一并处理，因此已关闭此请求。您无需进行任何操作，我们会随时向您通报进展。",
};

/** What the customer of a duplicate reads when it is merged into another request. */
export function mergedNotice(locale: Locale, into: string): string {
  return mergedNotices[locale].replace("{number}", into);
}
