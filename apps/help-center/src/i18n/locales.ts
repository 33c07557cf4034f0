import { defaultLocale, type Locale, locales } from "@frontline/core";

/** The help center is published in every language the domain knows. */
export const siteLocales = locales;
export type SiteLocale = Locale;
export const defaultSiteLocale: SiteLocale = defaultLocale;

export function isSiteLocale(value: unknown): value is SiteLocale {
  return typeof value === "string" && (siteLocales as readonly string[]).includes(value);
}
