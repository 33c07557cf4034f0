import { type CollectionEntry, getCollection } from "astro:content";
import { defaultSiteLocale, type SiteLocale } from "../i18n/locales.ts";

export type Article = CollectionEntry<"articles">;

/** "de/check-service-health" → "check-service-health". */
export function articleSlug(entry: Article): string {
  return entry.id.slice(entry.id.indexOf("/") + 1);
}

/** Every article, in every language, ordered by title within each language. */
export async function getAllArticles(): Promise<Article[]> {
  const entries = await getCollection("articles");
  return entries.sort(
    (a, b) =>
      a.data.locale.localeCompare(b.data.locale) ||
      a.data.title.localeCompare(b.data.title, a.data.locale),
  );
}

export async function getArticles(locale: SiteLocale): Promise<Article[]> {
  return (await getAllArticles()).filter((entry) => entry.data.locale === locale);
}

/** The same article (same slug) in another language, if it exists. */
export function findTranslation(
  all: readonly Article[],
  slug: string,
  locale: SiteLocale,
): Article | undefined {
  return all.find((entry) => entry.data.locale === locale && articleSlug(entry) === slug);
}

/**
 * Resolves `related` slugs to articles in the page language, falling back to
 * the default language. A slug that exists nowhere fails the build, so a
 * typo in front matter never ships as a dead link.
 */
export function resolveRelated(all: readonly Article[], entry: Article): Article[] {
  return entry.data.related.map((slug) => {
    const found =
      findTranslation(all, slug, entry.data.locale) ??
      findTranslation(all, slug, defaultSiteLocale);
    if (!found) {
      throw new Error(
        `${entry.filePath ?? entry.id}: related article "${slug}" does not exist in any language`,
      );
    }
    return found;
  });
}
