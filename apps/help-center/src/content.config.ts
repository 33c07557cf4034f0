import { defineCollection } from "astro:content";
import { categoryIds, defaultServices } from "@frontline/core";
import { glob, type Loader } from "astro/loaders";
import { z } from "astro/zod";
import { defaultSiteLocale, siteLocales } from "./i18n/locales.ts";

export const articleTypes = ["how-to", "faq", "troubleshooting", "concept"] as const;
export type ArticleType = (typeof articleTypes)[number];

const serviceIds = defaultServices.map((s) => s.id) as [string, ...string[]];

/** A slug is the file name without extension: lower-case words joined by hyphens. */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use a lower-case slug like my-article");

/** YAML turns an unquoted 2026-05-01 into a Date; keep it as the ISO day. */
const revision = z.union([
  z.string().trim().min(1),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

const articleSchema = z
  .object({
    /** Filled in by the loader from the folder name; authors do not write it. */
    locale: z.enum(siteLocales),
    title: z.string().trim().min(1),
    description: z.string().trim().min(1),
    type: z.enum(articleTypes),
    category: z.enum(categoryIds),
    services: z.array(z.enum(serviceIds)),
    appliesTo: z.array(z.string().trim().min(1)),
    updated: z.coerce.date(),
    author: z.string().trim().min(1),
    related: z.array(slug).default([]),
    translation: z.enum(["human", "machine"]).optional(),
    translatedFrom: revision.optional(),
  })
  .superRefine((data, ctx) => {
    if (data.locale !== defaultSiteLocale && !data.translation) {
      ctx.addIssue({
        code: "custom",
        path: ["translation"],
        message: `Required for a ${data.locale} article: say whether it is a "human" or "machine" translation`,
      });
    }
  });

/**
 * The glob loader, plus the locale taken from the entry id
 * ("de/check-service-health" → "de") so the schema can check rules that
 * depend on the language, such as "translations say how they were made".
 */
function articlesLoader(): Loader {
  const inner = glob({ base: "../../content", pattern: "**/*.mdx" });
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
  schema: articleSchema,
});

export const collections = { articles };
