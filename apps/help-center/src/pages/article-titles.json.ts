import type { APIRoute } from "astro";
import { articleSlug, getAllArticles } from "../lib/articles.ts";

/**
 * Every article's title in each language it is written in, by slug. The
 * server reads this from the build to show titles, not slugs, where the
 * desk lists the articles a customer was suggested or opened.
 */
export const GET: APIRoute = async () => {
  const titles: Record<string, Record<string, string>> = {};
  for (const entry of await getAllArticles()) {
    const locale = entry.id.slice(0, entry.id.indexOf("/"));
    const slug = articleSlug(entry);
    titles[slug] = { ...titles[slug], [locale]: entry.data.title };
  }
  return new Response(JSON.stringify(titles), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
