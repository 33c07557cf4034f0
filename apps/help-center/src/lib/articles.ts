import { type CollectionEntry, getCollection } from "astro:content";
import { type ArticleType, articleTypes, type CategoryId } from "@frontline/core";
import { defaultSiteLocale, type SiteLocale, siteLocales } from "../i18n/locales.ts";

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

let index: Promise<Map<string, Article>> | undefined;

/** "de/check-service-health" → entry, built once so page lookups stay constant time. */
function articleIndex(): Promise<Map<string, Article>> {
  index ??= getAllArticles().then((all) => new Map(all.map((e) => [e.id, e])));
  return index;
}

export async function findArticle(slug: string, locale: SiteLocale): Promise<Article | undefined> {
  return (await articleIndex()).get(`${locale}/${slug}`);
}

/** The languages an article really exists in (fallbacks do not count). */
export async function translationsOf(slug: string): Promise<SiteLocale[]> {
  const entries = await articleIndex();
  return siteLocales.filter((locale) => entries.has(`${locale}/${slug}`));
}

const viewsByLocale = new Map<SiteLocale, Promise<ArticleView[]>>();

/**
 * Every article a reader of `locale` can open, one per English original,
 * sorted by title in the reader's language. Computed once per language:
 * every page asks, and recomputing made the build grow with the square of
 * the number of articles.
 */
export function articlesFor(locale: SiteLocale): Promise<ArticleView[]> {
  let views = viewsByLocale.get(locale);
  if (!views) {
    views = computeViews(locale);
    viewsByLocale.set(locale, views);
  }
  return views;
}

async function computeViews(locale: SiteLocale): Promise<ArticleView[]> {
  const entries = await articleIndex();
  const originals = (await getAllArticles()).filter((e) => e.data.locale === defaultSiteLocale);
  const views = originals.map((original) => {
    const slug = articleSlug(original);
    const translated = entries.get(`${locale}/${slug}`);
    return { slug, locale, entry: translated ?? original, isFallback: !translated };
  });
  const collator = new Intl.Collator(locale);
  return views.sort((a, b) => collator.compare(a.entry.data.title, b.entry.data.title));
}

export function inCategory(views: readonly ArticleView[], category: CategoryId): ArticleView[] {
  return views.filter((v) => v.entry.data.category === category);
}

/**
 * The order in which a category page lists its groups: the order of the types
 * in core, so an article of a newly added type gets a group instead of
 * vanishing from its category page.
 */
export const typeOrder: readonly ArticleType[] = articleTypes;

export async function resolveRelated(view: ArticleView): Promise<ArticleView[]> {
  const related = await Promise.all(
    view.entry.data.related.map((slug) => viewOf(slug, view.locale)),
  );
  return related.filter((v) => v !== undefined);
}

/** One article as a reader of `locale` meets it, by slug; undefined if it does not exist. */
async function viewOf(slug: string, locale: SiteLocale): Promise<ArticleView | undefined> {
  const translated = await findArticle(slug, locale);
  const entry = translated ?? (await findArticle(slug, defaultSiteLocale));
  return entry && { slug, locale, entry, isFallback: !translated };
}
