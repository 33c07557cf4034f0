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

export const localeNames: Localized = {
  en: "English",
  de: "Deutsch",
  it: "Italiano",
  "zh-cn": "简体中文",
};

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
    if (tag === "zh" || tag.startsWith("zh-hans") || tag === "zh-sg") return "zh-cn";
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}
