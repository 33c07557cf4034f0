/** The languages the help center and the notifications are written in. */
export const locales = ["en", "de", "it", "zh-cn"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** A text in every locale; the catalogue refuses to compile with one missing. */
export type Localized = Readonly<Record<Locale, string>>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Reads an optional locale (query string, header) and falls back to English. */
export function resolveLocale(value: unknown): Locale {
  if (typeof value !== "string") return defaultLocale;
  const lower = value.toLowerCase();
  return isLocale(lower) ? lower : defaultLocale;
}

/**
 * Each locale as a BCP 47 language tag in its canonical case ("zh-cn" →
 * "zh-CN"), for hreflang in the sitemap. The codes above stay lower case
 * because they are folder names and URL segments; tags are case-insensitive,
 * so this is the same language, written the way crawlers document it.
 * Derived rather than listed, so a new locale needs no second entry; a code
 * that is not a valid tag throws here, when the module loads. Marked pure so
 * browser bundles that only need another export leave it out.
 */
export const localeTags: Readonly<Record<Locale, string>> = /* @__PURE__ */ canonicalTags();

function canonicalTags(): Record<Locale, string> {
  return Object.fromEntries(
    locales.map((locale) => [locale, Intl.getCanonicalLocales(locale)[0] ?? locale]),
  ) as Record<Locale, string>;
}

export const localeNames: Localized = {
  en: "English",
  de: "Deutsch",
  it: "Italiano",
  "zh-cn": "简体中文",
};

/**
 * A supported locale that a tag means without naming it: "zh", "zh-Hans…"
 * and "zh-SG" read Simplified Chinese. Shared by the server's negotiation
 * and the static "/" page's script, so both send a reader to the same place.
 */
export function localeAlias(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  return lower === "zh" || lower.startsWith("zh-hans") || lower === "zh-sg" ? "zh-cn" : undefined;
}

/**
 * Picks the best supported locale from an HTTP Accept-Language header,
 * honouring q-values; "zh", "zh-CN" and "zh-Hans" all mean Simplified Chinese.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (isLocale(tag)) return tag;
    const alias = localeAlias(tag);
    if (alias) return alias;
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}
