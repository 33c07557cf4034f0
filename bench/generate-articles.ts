/**
 * Writes a synthetic help-center corpus: N articles in each of the four
 * languages, as <dir>/<locale>/<slug>.mdx, valid for the content check.
 *
 * The text is deterministic pseudo-prose (seeded PRNG) drawn from a
 * vocabulary per language, sized like a real article (≈400–700 words,
 * 3–5 sections, a <Steps> list, a <Note>); Chinese articles use real
 * Chinese words so Pagefind's Chinese indexing is exercised. Some articles
 * carry a distinctive word per language (see `markerWords`) for searches.
 *
 * Standalone:
 *   npm exec -- tsx bench/generate-articles.ts --n 100 --out /tmp/corpus [--seed 1]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { articleTypes, categoryIds, defaultServices, type Locale, locales } from "@frontline/core";
import { labels, split, vocabularies } from "./article-vocabularies.ts";
import { capitalise, int, pick, prng, type Random, Writer } from "./article-writer.ts";

/** A word that appears only in every `markerEvery`-th article of its language. */
export const markerWords: Readonly<Record<Locale, string>> = {
  en: "quasar",
  de: "Dienststatus",
  it: "fatturazione",
  "zh-cn": "服务运行状况",
};
export const markerEvery = 10;

export interface GenerateOptions {
  /** Articles per language. */
  readonly n: number;
  /** Output folder; created if missing. Existing files with the same names are overwritten. */
  readonly dir: string;
  readonly seed?: number;
}

export interface GeneratedCorpus {
  readonly dir: string;
  readonly articlesPerLocale: number;
  readonly files: number;
  readonly bytes: number;
  /** Words per article body (tokens for Chinese), over all languages. */
  readonly words: { readonly min: number; readonly max: number; readonly mean: number };
  /** Slugs of the articles that contain each language's marker word. */
  readonly markerSlugs: readonly string[];
}

const authors = [
  "Lena Hoffmann",
  "Marco Bianchi",
  "Jonas Weber",
  "Giulia Rossi",
  "Wang Fang",
  "Sarah Miller",
  "Li Wei",
  "Tobias Schmid",
];

interface ArticleMeta {
  readonly slug: string;
  readonly updated: string;
  readonly type: (typeof articleTypes)[number];
  readonly category: (typeof categoryIds)[number];
  readonly services: readonly string[];
  readonly related: readonly string[];
  readonly marked: boolean;
}

function articleMeta(index: number, n: number, rnd: Random): ArticleMeta {
  const serviceIds = defaultServices.map((s) => s.id);
  const services = serviceIds.filter(() => rnd() < 0.25);
  if (services.length === 0) services.push(pick(rnd, serviceIds));
  const day = new Date(Date.UTC(2025, 0, 1) + int(rnd, 0, 680) * 86_400_000);
  const related: string[] = [];
  if (n > 2) {
    while (related.length < 2) {
      const other = int(rnd, 0, n - 1);
      const slug = slugOf(other);
      if (other !== index && !related.includes(slug)) related.push(slug);
    }
  } else if (n === 2) {
    related.push(slugOf(1 - index));
  }
  return {
    slug: slugOf(index),
    updated: day.toISOString().slice(0, 10),
    type: articleTypes[index % articleTypes.length] as ArticleMeta["type"],
    category: categoryIds[index % categoryIds.length] as ArticleMeta["category"],
    services,
    related,
    marked: index % markerEvery === 3 % markerEvery,
  };
}

const slugWords = split(`mail files meetings identity billing storage network sign-in
  health update licence backup sync portal device calendar`);
function slugOf(index: number): string {
  const a = slugWords[index % slugWords.length];
  const b = slugWords[Math.floor(index / slugWords.length) % slugWords.length];
  return `bench-${String(index).padStart(5, "0")}-${a}-${b}`;
}

interface Rendered {
  readonly text: string;
  readonly title: string;
  readonly words: number;
}

function renderArticle(
  meta: ArticleMeta,
  locale: Locale,
  titleOf: (slug: string) => string,
  seed: number,
  index: number,
): Rendered {
  const rnd = prng(seed * 7919 + index * 31 + locales.indexOf(locale) * 1_000_003);
  const vocab = vocabularies[locale];
  const w = new Writer(rnd, vocab);
  let title = w.heading(3, 6);
  while (title.length > 110) title = w.heading(3, 5);
  const [dMin, dMax] = vocab.spaced ? [12, 24] : [20, 32];
  let description = w.sentence(dMin, dMax);
  while (description.length < 30 || description.length > 280) description = w.sentence(dMin, dMax);
  w.words = 0; // count the body only

  const target = int(rnd, 410, 620);
  const sectionCount = int(rnd, 3, 5);
  const marker = meta.marked ? markerWords[locale] : undefined;
  const stepsIn = int(rnd, 0, sectionCount - 1);
  const noteIn = int(rnd, 0, sectionCount - 1);
  const markerIn = int(rnd, -1, sectionCount - 1); // -1: the introduction
  const sep = vocab.spaced ? " " : "";

  const parts: string[] = [w.paragraph(markerIn === -1 ? marker : undefined)];
  for (let s = 0; s < sectionCount; s++) {
    parts.push(`## ${w.heading()}`);
    parts.push(w.paragraph(markerIn === s ? marker : undefined));
    if (s === stepsIn) {
      const steps = Array.from({ length: int(rnd, 3, 6) }, (_, i) => `${i + 1}. ${w.step()}`);
      parts.push(`<Steps>\n\n${steps.join("\n")}\n\n</Steps>`);
    }
    if (s === noteIn) parts.push(`<Note>\n${w.sentence()}${sep}${w.sentence()}\n</Note>`);
    if (s === 0 && meta.related[0]) {
      const target = meta.related[0];
      parts.push(
        `${w.sentence()}${sep}${labels[locale].see}: [${titleOf(target)}](/${locale}/articles/${target}/)`,
      );
    }
    // Spread what is left of the target over the remaining sections.
    const left = sectionCount - s - 1;
    const budget = left > 0 ? (target - w.words) / (left + 1) : target - w.words;
    let added = 0;
    while (added < budget - 40) {
      const before = w.words;
      parts.push(w.paragraph());
      added += w.words - before;
    }
  }
  if (meta.type === "faq") {
    parts.push(`## ${labels[locale].faq}`);
    for (let q = 0; q < 2; q++) {
      const question = `${w.phrase(int(rnd, 5, 9)).replaceAll(vocab.comma, "")}${vocab.question}`;
      const asked = vocab.spaced ? capitalise(question) : question;
      parts.push(`<FaqItem question="${asked}">\n${w.sentence()}\n</FaqItem>`);
    }
  }

  const lines = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(description)}`,
    `type: ${meta.type}`,
    `category: ${meta.category}`,
    "services:",
    ...meta.services.map((s) => `  - ${s}`),
    "appliesTo:",
    "  - operator-cloud",
    `updated: ${meta.updated}`,
    `author: ${authors[index % authors.length]}`,
  ];
  if (locale !== "en") lines.push("translation: machine", `translatedFrom: "${meta.updated}"`);
  if (meta.related.length > 0) lines.push("related:", ...meta.related.map((r) => `  - ${r}`));
  lines.push("---", "", parts.join("\n\n"), "");
  return { text: lines.join("\n"), title, words: w.words };
}

/** Titles are needed before bodies (for links), so render each language in two passes. */
export function generateArticles(options: GenerateOptions): GeneratedCorpus {
  const { n, dir } = options;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive integer, got ${n}`);
  const metaRnd = prng(seed);
  const metas = Array.from({ length: n }, (_, i) => articleMeta(i, n, metaRnd));
  let files = 0;
  let bytes = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let total = 0;
  for (const locale of locales) {
    const localeDir = join(dir, locale);
    mkdirSync(localeDir, { recursive: true });
    const noTitles = () => "";
    const titles = new Map(
      metas.map((meta, i) => [meta.slug, renderArticle(meta, locale, noTitles, seed, i).title]),
    );
    metas.forEach((meta, i) => {
      const article = renderArticle(meta, locale, (s) => titles.get(s) ?? s, seed, i);
      writeFileSync(join(localeDir, `${meta.slug}.mdx`), article.text);
      files += 1;
      bytes += Buffer.byteLength(article.text);
      min = Math.min(min, article.words);
      max = Math.max(max, article.words);
      total += article.words;
    });
  }
  return {
    dir,
    articlesPerLocale: n,
    files,
    bytes,
    words: { min, max, mean: Math.round(total / files) },
    markerSlugs: metas.filter((m) => m.marked).map((m) => m.slug),
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "100" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
    },
  });
  if (!values.out) {
    console.error("Usage: tsx bench/generate-articles.ts --n 100 --out <folder> [--seed 1]");
    process.exit(2);
  }
  const corpus = generateArticles({
    n: Number(values.n),
    dir: resolve(values.out),
    seed: Number(values.seed),
  });
  console.log(
    `Wrote ${corpus.files} articles (${corpus.articlesPerLocale} × ${locales.length} languages, ` +
      `${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.words.min}–${corpus.words.max} words, ` +
      `mean ${corpus.words.mean}) to ${corpus.dir}; ` +
      `${corpus.markerSlugs.length} per language contain the marker words.`,
  );
}
