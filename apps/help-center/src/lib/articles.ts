import { type CollectionEntry, getCollection } from "astro:content";
import type { ArticleType, CategoryId } from "@frontline/core";
import { defaultSiteLocale, type SiteLocale } from "../i18n/locales.ts";

export type Article = CollectionEntry<"articles">;

/**
 * An article as a reader of one language meets it: the translation when
 * there is one, otherwise the English original shown as a fallback.
 */
export interface ArticleView {
  readonly slug: string;
  /** The language of the page around the article. */
  readonly locale: SiteLocale;
  /** The entry whose text is shown. */
  readonly entry: Article;
  readonly isFallback: boolean;
}

/** "de/check-service-health" → "check-service-health". */
export function articleSlug(entry: Article): string {
  return entry.id.slice(entry.id.indexOf("/") + 1);
}

let cache: Promise<Article[]> | undefined;

/** Every article in every language; read once per build. */
export function getAllArticles(): Promise<Article[]> {
  cache ??= getCollection("articles");
  return cache;
}

export async function findArticle(slug: string, locale: SiteLocale): Promise<Article | undefined> {
  return (await getAllArticles()).find((e) => e.data.locale === locale && articleSlug(e) === slug);
}

/** The languages an article really exists in (fallbacks do not count). */
export async function translationsOf(slug: string): Promise<SiteLocale[]> {
  return (await getAllArticles()).filter((e) => articleSlug(e) === slug).map((e) => e.data.locale);
}

/**
 * Every article a reader of `locale` can open, one per English original,
 * sorted by title in the reader's language.
 */
export async function articlesFor(locale: SiteLocale): Promise<ArticleView[]> {
  const all = await getAllArticles();
  const originals = all.filter((e) => e.data.locale === defaultSiteLocale);
  const views = originals.map((original) => {
    const slug = articleSlug(original);
    const translated = all.find((e) => e.data.locale === locale && articleSlug(e) === slug);
    return { slug, locale, entry: translated ?? original, isFallback: !translated };
  });
  const collator = new Intl.Collator(locale);
  return views.sort((a, b) => collator.compare(a.entry.data.title, b.entry.data.title));
}

export function inCategory(views: readonly ArticleView[], category: CategoryId): ArticleView[] {
  return views.filter((v) => v.entry.data.category === category);
}

/** The order in which a category page lists its groups. */
export const typeOrder: readonly ArticleType[] = ["how-to", "troubleshooting", "concept", "faq"];

export async function resolveRelated(view: ArticleView): Promise<ArticleView[]> {
  const views = await articlesFor(view.locale);
  return view.entry.data.related.flatMap((slug) => views.filter((v) => v.slug === slug));
}
