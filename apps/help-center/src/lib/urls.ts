import type { SiteLocale } from "../i18n/locales.ts";

/** Site paths always carry the locale and end with a slash (directory build). */
export function localePath(locale: SiteLocale, ...segments: string[]): string {
  const rest = segments.filter(Boolean).join("/");
  return rest ? `/${locale}/${rest}/` : `/${locale}/`;
}

export function articlePath(locale: SiteLocale, slug: string): string {
  return localePath(locale, "articles", slug);
}

export function contactPath(locale: SiteLocale): string {
  return localePath(locale, "contact");
}
