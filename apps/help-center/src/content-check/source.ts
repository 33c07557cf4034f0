import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { LineCounter, parseDocument } from "yaml";

/** One MDX article as read from disk, before any validation. */
export interface ArticleSource {
  /** Path shown in messages, relative to the working directory. */
  readonly file: string;
  readonly locale: string;
  readonly slug: string;
  readonly frontMatter: Record<string, unknown>;
  /** 1-based line of each top-level front-matter key, for messages. */
  readonly fieldLines: Readonly<Record<string, number>>;
  readonly body: string;
  /** Line number (1-based) of the body's first line in the file. */
  readonly bodyStartLine: number;
  /** Set when the front matter cannot be read at all. */
  readonly parseError?: { line: number; message: string };
}

const fence = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function parseArticle(
  file: string,
  text: string,
  locale: string,
  slug: string,
): ArticleSource {
  const match = fence.exec(text);
  const base = { file, locale, slug, fieldLines: {}, frontMatter: {} };
  if (!match) {
    return {
      ...base,
      body: text,
      bodyStartLine: 1,
      parseError: { line: 1, message: "The file must start with front matter between --- lines" },
    };
  }
  const yamlText = match[1] ?? "";
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter });
  const bodyStartLine = match[0].split("\n").length;
  const body = text.slice(match[0].length);
  const firstError = document.errors[0];
  if (firstError) {
    const line = 1 + lineCounter.linePos(firstError.pos[0]).line;
    return {
      ...base,
      body,
      bodyStartLine,
      parseError: { line, message: firstError.message.split("\n")[0] ?? "Invalid YAML" },
    };
  }
  const fieldLines: Record<string, number> = {};
  const contents = document.contents;
  if (contents && "items" in contents) {
    for (const item of contents.items as { key?: { value?: unknown; range?: [number] } }[]) {
      const key = item.key?.value;
      const offset = item.key?.range?.[0];
      if (typeof key === "string" && offset !== undefined)
        fieldLines[key] = 1 + lineCounter.linePos(offset).line;
    }
  }
  const data = document.toJS() as unknown;
  const frontMatter =
    data && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  return { file, locale, slug, frontMatter, fieldLines, body, bodyStartLine };
}

/**
 * Reads content/<locale>/<slug>.mdx; anything else in a language folder is
 * reported by the checks. Paths are shown from the content folder's parent
 * ("content/de/x.mdx"), the way authors see them in the repository.
 */
export function readContentDir(
  dir: string,
  shownFrom = dirname(dir),
): { articles: ArticleSource[]; strayFiles: string[] } {
  const articles: ArticleSource[] = [];
  const strayFiles: string[] = [];
  for (const locale of readdirSync(dir).sort()) {
    const localeDir = join(dir, locale);
    if (!statSync(localeDir).isDirectory()) continue;
    for (const name of readdirSync(localeDir).sort()) {
      const path = join(localeDir, name);
      const file = relative(shownFrom, path);
      if (!name.endsWith(".mdx")) {
        strayFiles.push(file);
        continue;
      }
      articles.push(
        parseArticle(file, readFileSync(path, "utf8"), locale, name.slice(0, -".mdx".length)),
      );
    }
  }
  return { articles, strayFiles };
}
