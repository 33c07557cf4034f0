import { defineCollection } from "astro:content";
import { createArticleSchema } from "@frontline/core";
import { glob, type Loader } from "astro/loaders";

/**
 * Articles live in content/<locale>/<slug>.mdx at the repository root.
 * FRONTLINE_CONTENT_DIR points the build elsewhere (the benchmark's
 * generated corpus, test fixtures); relative paths are from this app.
 */
const contentDir = process.env.FRONTLINE_CONTENT_DIR ?? "../../content";

/**
 * The glob loader, plus the locale taken from the entry id
 * ("de/check-service-health" → "de") so the schema can check rules that
 * depend on the language, such as "translations say how they were made".
 */
function articlesLoader(): Loader {
  const inner = glob({ base: contentDir, pattern: "*/*.mdx" });
  return {
    name: "articles-loader",
    load: (context) =>
      inner.load({
        ...context,
        parseData: (props) =>
          context.parseData({
            ...props,
            data: { ...props.data, locale: props.id.split("/")[0] },
          }),
      }),
  };
}

const articles = defineCollection({
  loader: articlesLoader(),
  schema: createArticleSchema(),
});

export const collections = { articles };
