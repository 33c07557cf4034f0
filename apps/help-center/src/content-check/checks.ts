import {
  articleSlugSchema,
  categoryIds,
  createArticleSchema,
  defaultLocale,
  isLocale,
  type Service,
} from "@frontline/core";
import { mdxToJs } from "satteri";
import { mdxComponentNames } from "../components/mdx/names.ts";
import { articleAnchors, proseLines } from "./anchors.ts";
import { sitePages } from "./site-pages.ts";
import type { ArticleSource } from "./source.ts";

export interface ContentIssue {
  readonly severity: "error" | "warning";
  readonly file: string;
  readonly line: number;
  /** The front-matter field at fault, when there is one. */
  readonly field?: string;
  readonly message: string;
}

const linkablePages = sitePages();
/** The names the article pages hand to MDX; anything else would fail to render. */
const knownComponents: ReadonlySet<string> = new Set(mdxComponentNames);

const linkPattern = /\]\((\/[^)\s]*|#[^)\s]*)\)|href="(\/[^"]*|#[^"]*)"/g;
const componentPattern = /<([A-Z][A-Za-z0-9]*)\b/g;

type Report = (issue: Omit<ContentIssue, "file"> & { file?: string }) => void;

function checkFrontMatter(
  article: ArticleSource,
  services: readonly Service[] | undefined,
  report: Report,
) {
  const line = (field: string) => article.fieldLines[field] ?? 1;
  if (!isLocale(article.locale)) {
    report({
      severity: "error",
      line: 1,
      message: `"${article.locale}" is not a language of the help center`,
    });
    return;
  }
  if (!articleSlugSchema.safeParse(article.slug).success) {
    report({
      severity: "error",
      line: 1,
      message: `The file name "${article.slug}.mdx" must be a lower-case slug like check-service-health.mdx`,
    });
  }
  const result = createArticleSchema(services).safeParse({
    ...article.frontMatter,
    locale: article.locale,
  });
  if (result.success) return;
  for (const issue of result.error.issues) {
    const fields = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "")];
    for (const field of fields) {
      const missing = !(field in article.frontMatter);
      const message =
        issue.code === "unrecognized_keys"
          ? "Unknown field"
          : missing
            ? "Missing field"
            : issue.message;
      const where = issue.path.length > 1 ? `${issue.path.join(".")}: ` : "";
      report({ severity: "error", line: line(field), field, message: `${where}${message}` });
    }
  }
}

/** Compiles the body with the compiler Astro uses, so syntax errors get a file line. */
function checkMdxSyntax(article: ArticleSource, report: Report) {
  try {
    mdxToJs(article.body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(\d+):(\d+):\s*/.exec(message);
    const line = article.bodyStartLine + Number(position?.[1] ?? 1) - 1;
    report({
      severity: "error",
      line,
      message: `MDX: ${message.slice(position?.[0].length ?? 0)}`,
    });
  }
}

function checkTranslation(
  article: ArticleSource,
  original: ArticleSource | undefined,
  report: Report,
) {
  if (article.locale === defaultLocale || !isLocale(article.locale)) return;
  if (!original) {
    report({
      severity: "error",
      line: 1,
      message: `A translation needs its English original: content/en/${article.slug}.mdx does not exist`,
    });
    return;
  }
  const from = article.frontMatter.translatedFrom;
  const updated = original.frontMatter.updated;
  if (
    !(from instanceof Date || typeof from === "string") ||
    !(updated instanceof Date || typeof updated === "string")
  )
    return;
  const fromDay = new Date(from).toISOString().slice(0, 10);
  const originalDay = new Date(updated).toISOString().slice(0, 10);
  const line = article.fieldLines.translatedFrom ?? 1;
  if (fromDay > originalDay) {
    report({
      severity: "error",
      line,
      field: "translatedFrom",
      message: `${fromDay} is later than the English original's updated date ${originalDay}`,
    });
  } else if (fromDay < originalDay) {
    report({
      severity: "warning",
      line,
      field: "translatedFrom",
      message: `Out of date: translated from ${fromDay}, the English original was updated ${originalDay}`,
    });
  }
}

function checkLinks(
  article: ArticleSource,
  find: (locale: string, slug: string) => ArticleSource | undefined,
  report: Report,
) {
  const ownAnchors = articleAnchors(article.body);
  for (const { text, line } of proseLines(article.body, article.bodyStartLine)) {
    for (const match of text.matchAll(linkPattern)) {
      const target = match[1] ?? match[2] ?? "";
      const [path = "", anchor] = target.split("#");
      if (path === "") {
        if (anchor && !ownAnchors.has(anchor))
          report({
            severity: "error",
            line,
            message: `Broken anchor #${anchor}: no such heading in this article`,
          });
        continue;
      }
      const [locale = "", section = "", name = "", ...rest] = path.split("/").filter(Boolean);
      const broken = (why: string) =>
        report({ severity: "error", line, message: `Broken link ${target}: ${why}` });
      if (!isLocale(locale)) broken(`"${locale}" is not a language of the help center`);
      else if (section === "articles" && rest.length === 0) {
        const linked = find(locale, name) ?? find(defaultLocale, name);
        if (!linked) broken(`there is no article "${name}"`);
        else if (anchor && !articleAnchors(linked.body).has(anchor))
          broken(`"${name}" has no heading #${anchor}`);
      } else if (section === "categories" && rest.length === 0) {
        if (!(categoryIds as readonly string[]).includes(name))
          broken(`there is no category "${name}"`);
      } else if (!(linkablePages.has(section) && name === "")) broken("there is no such page");
    }
    for (const match of text.matchAll(componentPattern)) {
      if (!knownComponents.has(match[1] ?? "")) {
        report({
          severity: "error",
          line,
          message: `Unknown component <${match[1]}>; use one of ${[...knownComponents].join(", ")}`,
        });
      }
    }
  }
}

/**
 * Everything that can be wrong with the content as a whole: each file's
 * front matter, translations against their originals, related slugs,
 * internal links and anchors, and components. Errors carry file and line.
 */
export function checkContent(
  articles: readonly ArticleSource[],
  options: { strayFiles?: readonly string[]; services?: readonly Service[] } = {},
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const byKey = new Map(articles.map((a) => [`${a.locale}/${a.slug}`, a]));
  const find = (locale: string, slug: string) => byKey.get(`${locale}/${slug}`);
  for (const file of options.strayFiles ?? []) {
    issues.push({
      severity: "error",
      file,
      line: 1,
      message: "Only .mdx articles belong in a language folder",
    });
  }
  for (const article of articles) {
    const report: Report = (issue) => issues.push({ file: article.file, ...issue });
    if (article.parseError) {
      report({ severity: "error", ...article.parseError });
      continue;
    }
    checkFrontMatter(article, options.services, report);
    checkMdxSyntax(article, report);
    checkTranslation(article, find(defaultLocale, article.slug), report);
    const related = article.frontMatter.related;
    for (const slug of Array.isArray(related) ? related : []) {
      if (typeof slug === "string" && !find(defaultLocale, slug)) {
        report({
          severity: "error",
          line: article.fieldLines.related ?? 1,
          field: "related",
          message: `There is no article "${slug}"`,
        });
      } else if (slug === article.slug) {
        report({
          severity: "error",
          line: article.fieldLines.related ?? 1,
          field: "related",
          message: "An article cannot be related to itself",
        });
      }
    }
    checkLinks(article, find, report);
  }
  return issues;
}

/** "content/de/x.mdx:7: error: category: Invalid option…" — one line per issue. */
export function formatIssue(issue: ContentIssue): string {
  const field = issue.field ? `${issue.field}: ` : "";
  return `${issue.file}:${issue.line}: ${issue.severity}: ${field}${issue.message}`;
}
