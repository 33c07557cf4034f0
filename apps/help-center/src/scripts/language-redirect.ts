// The module alone, not the package index: this script is all the "/" page
// loads, and the index would bring the schemas (zod) along with it.
import { localeAlias } from "@frontline/core/locales";

/**
 * Sends a reader of "/" to the help center in their browser's language, on
 * static hosting; the Node server answers "/" with a redirect itself.
 */
export function redirectToPreferredLanguage(element: HTMLElement): void {
  const supported = JSON.parse(element.dataset.supported ?? "[]") as string[];
  const fallback = element.dataset.fallback ?? "/en/";
  const preferred = (navigator.languages?.length ? navigator.languages : [navigator.language])
    .map((tag) => String(tag).toLowerCase())
    // "zh", "zh-Hans" and "zh-SG" read Simplified Chinese: the rule the server's negotiation uses.
    .map((tag) => localeAlias(tag) ?? tag)
    .map((tag) => supported.find((code) => tag === code || tag.startsWith(`${code}-`)))
    .find(Boolean);
  location.replace(preferred ? `/${preferred}/` : fallback);
}
