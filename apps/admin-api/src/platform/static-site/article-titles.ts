import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Each article's title per language, by slug, as the help center's build wrote them. */
export type ArticleTitles = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The titles from the built help center (dist/article-titles.json); none
 * without a build, and then the desk shows slugs.
 */
export function readArticleTitles(dist: string | null): ArticleTitles {
  const file = dist ? join(dist, "article-titles.json") : null;
  if (!file || !existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ArticleTitles;
  } catch {
    return {};
  }
}

/** The title in the customer's language, else in English, else the slug itself. */
export function articleTitle(titles: ArticleTitles, slug: string, locale: string): string {
  const known = titles[slug];
  return known?.[locale] ?? known?.en ?? slug;
}
