import type { Locale } from "@frontline/core";

/**
 * The locales the help center is built for. Core knows more languages than
 * the site ships; add one here (and a `content/<locale>/` folder) to publish it.
 */
export const siteLocales = ["en", "de"] as const satisfies readonly Locale[];
export type SiteLocale = (typeof siteLocales)[number];
export const defaultSiteLocale: SiteLocale = "en";

export function isSiteLocale(value: unknown): value is SiteLocale {
  return typeof value === "string" && (siteLocales as readonly string[]).includes(value);
}
