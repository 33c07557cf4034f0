import { z } from "zod";
import { categoryIds, defaultServices, type Service } from "./catalog.ts";
import { defaultLocale, type Localized, locales } from "./locales.ts";
import { plainText } from "./text.ts";

/** What kind of help an article gives; the help center groups by it. */
export const articleTypes = ["how-to", "troubleshooting", "concept", "faq"] as const;
export type ArticleType = (typeof articleTypes)[number];

export const articleTypeLabels: Readonly<Record<ArticleType, Localized>> = {
  "how-to": { en: "How-to", de: "Anleitung", it: "Procedura", "zh-cn": "操作指南" },
  troubleshooting: {
    en: "Troubleshooting",
    de: "Problembehandlung",
    it: "Risoluzione dei problemi",
    "zh-cn": "故障排除",
  },
  concept: { en: "Concept", de: "Konzept", it: "Concetto", "zh-cn": "概念" },
  faq: { en: "FAQ", de: "Häufige Fragen", it: "Domande frequenti", "zh-cn": "常见问题" },
};

/**
 * Which cloud an article is about: the one run in-country by the operator,
 * or the vendor's global cloud. Steps and addresses differ between them.
 */
export const platforms = [
  {
    id: "operator-cloud",
    label: {
      en: "Operator-run cloud",
      de: "Vom Betreiber geführte Cloud",
      it: "Cloud gestito dall'operatore",
      "zh-cn": "由运营方运营的云",
    },
  },
  {
    id: "global-cloud",
    label: { en: "Global cloud", de: "Globale Cloud", it: "Cloud globale", "zh-cn": "全球云" },
  },
] as const satisfies readonly { id: string; label: Localized }[];
export type PlatformId = (typeof platforms)[number]["id"];
export const platformIds = platforms.map((p) => p.id) as [PlatformId, ...PlatformId[]];

/** File names of articles: lower-case words joined by hyphens. */
export const articleSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use a lower-case slug like check-service-health");

/**
 * The front matter every article carries. `locale` is not written by
 * authors: the loader takes it from the folder (content/<locale>/…), so the
 * rules that depend on the language can be checked here.
 */
export function createArticleSchema(services: readonly Service[] = defaultServices) {
  const serviceIds = services.map((s) => s.id) as [string, ...string[]];
  return z
    .strictObject({
      locale: z.enum(locales),
      title: z.string().trim().min(1).max(120),
      description: z.string().trim().min(20).max(300),
      type: z.enum(articleTypes),
      category: z.enum(categoryIds),
      services: z.array(z.enum(serviceIds)).default([]),
      appliesTo: z.array(z.enum(platformIds)).min(1),
      updated: z.coerce.date(),
      author: z.string().trim().min(1),
      related: z.array(articleSlugSchema).default([]),
      /** Shown on the home page. */
      featured: z.boolean().default(false),
      /** How a translation was made; readers are told about machine translation. */
      translation: z.enum(["human", "machine"]).optional(),
      /** The `updated` date of the English article this translation was made from. */
      translatedFrom: z.coerce.date().optional(),
    })
    .superRefine((data, ctx) => {
      if (data.locale === defaultLocale) {
        for (const field of ["translation", "translatedFrom"] as const) {
          if (data[field] !== undefined) {
            ctx.addIssue({
              code: "custom",
              path: [field],
              message: "Only translations say how and from what they were translated",
            });
          }
        }
        return;
      }
      if (!data.translation) {
        ctx.addIssue({
          code: "custom",
          path: ["translation"],
          message: `Required for a ${data.locale} article: "human" or "machine"`,
        });
      }
      if (!data.translatedFrom) {
        ctx.addIssue({
          code: "custom",
          path: ["translatedFrom"],
          message: "Required for a translation: the `updated` date of the English original",
        });
      }
    });
}
export type ArticleFrontMatter = z.infer<ReturnType<typeof createArticleSchema>>;

/**
 * A reader's answer to "Was this helpful?". The page makes up a random
 * submission id, so a comment sent after the vote updates that one vote
 * instead of counting it twice.
 */
export const articleFeedbackSchema = z.strictObject({
  submissionId: z.uuid(),
  locale: z.enum(locales),
  article: articleSlugSchema,
  helpful: z.boolean(),
  comment: plainText().max(1_000).optional(),
});
export type ArticleFeedbackInput = z.infer<typeof articleFeedbackSchema>;
