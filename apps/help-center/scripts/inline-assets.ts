/**
 * Finds what a Content-Security-Policy without 'unsafe-inline' has to know
 * about in a built page: the text of inline <script> and <style> elements
 * (to be allowed by hash) and `style="…"` attributes (which no hash allows).
 *
 * A small scanner rather than an HTML parser dependency: the built pages are
 * machine-written, and the only HTML rules that matter here are comments,
 * quoted attribute values and the raw-text elements, whose content runs to
 * their end tag and is never markup.
 */
import { createHash } from "node:crypto";

export interface InlineAssets {
  /** Text of each <script> without src, exactly as the browser hashes it. */
  readonly scripts: string[];
  /** Text of each <style> element. */
  readonly styles: string[];
  /** How many elements carry a style attribute. */
  readonly styleAttributes: number;
}

/**
 * Elements whose content is text up to their end tag. <noscript> is left out
 * on purpose: with scripting off its content is markup, and CSP applies then too.
 */
const rawText = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed"]);

const tagName = /[a-zA-Z][a-zA-Z0-9-]*/y;
const attributeName = /[^\s"'>/=]+/y;
const unquoted = /[^\s>]*/y;
const space = /[\s/]*/y;

function matchAt(pattern: RegExp, text: string, at: number): string {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? "";
}

/** Reads a start tag's attributes from just after its name; returns them and where the tag ends. */
function readAttributes(html: string, from: number): { names: Set<string>; end: number } {
  const names = new Set<string>();
  let at = from;
  while (at < html.length) {
    at += matchAt(space, html, at).length;
    if (html[at] === ">") return { names, end: at + 1 };
    const name = matchAt(attributeName, html, at);
    if (!name) {
      at += 1; // a stray quote or "=": skip it, as the tokenizer would
      continue;
    }
    names.add(name.toLowerCase());
    at += name.length;
    const afterName = at + matchAt(/\s*/y, html, at).length;
    if (html[afterName] !== "=") continue;
    at = afterName + 1;
    at += matchAt(/\s*/y, html, at).length;
    const quote = html[at];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, at + 1);
      at = close === -1 ? html.length : close + 1;
    } else {
      at += matchAt(unquoted, html, at).length;
    }
  }
  return { names, end: html.length };
}

export function findInlineAssets(source: string): InlineAssets {
  // Browsers normalise line breaks before parsing; hashes are of the normalised text.
  const html = source.replace(/\r\n?/g, "\n");
  const scripts: string[] = [];
  const styles: string[] = [];
  let styleAttributes = 0;
  let at = 0;
  for (;;) {
    const open = html.indexOf("<", at);
    if (open === -1) break;
    if (html.startsWith("<!--", open)) {
      const close = html.indexOf("-->", open + 4);
      at = close === -1 ? html.length : close + 3;
      continue;
    }
    const name = matchAt(tagName, html, open + 1).toLowerCase();
    if (!name) {
      at = open + 1; // an end tag, a doctype or a lone "<"
      continue;
    }
    const { names, end } = readAttributes(html, open + 1 + name.length);
    if (names.has("style")) styleAttributes += 1;
    at = end;
    if (!rawText.has(name)) continue;
    const closing = new RegExp(`</${name}[\\s/>]`, "ig");
    closing.lastIndex = end;
    const close = closing.exec(html)?.index ?? html.length;
    const text = html.slice(end, close);
    if (name === "script" && !names.has("src")) scripts.push(text);
    if (name === "style") styles.push(text);
    at = close;
  }
  return { scripts, styles, styleAttributes };
}

/** A CSP hash source, quotes included, as it goes into the header: 'sha256-…'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
