import type { CategoryId } from "@frontline/core";
import type { SiteLocale } from "../i18n/locales.ts";

/** Site paths always carry the locale and end with a slash (directory build). */
export function localePath(locale: SiteLocale, ...segments: string[]): string {
  const rest = segments.filter(Boolean).join("/");
  return rest ? `/${locale}/${rest}/` : `/${locale}/`;
}

export const articlePath = (locale: SiteLocale, slug: string) =>
  localePath(locale, "articles", slug);
export const categoryPath = (locale: SiteLocale, category: CategoryId) =>
  localePath(locale, "categories", category);
export const contactPath = (locale: SiteLocale) => localePath(locale, "contact");
export const searchPath = (locale: SiteLocale) => localePath(locale, "search");
export const faqPath = (locale: SiteLocale) => localePath(locale, "faq");

/** Absolute URL for sitemaps and canonical links; the site origin is a build setting. */
export function absoluteUrl(site: URL | undefined, path: string): string {
  return site ? new URL(path, site).href : path;
}
