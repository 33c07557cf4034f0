import GithubSlugger from "github-slugger";

/** Body lines with their file line numbers, leaving out fenced code blocks. */
export function proseLines(body: string, firstLine: number): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let inFence = false;
  body.split("\n").forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) {
      inFence = !inFence;
      return;
    }
    if (!inFence) lines.push({ text, line: firstLine + index });
  });
  return lines;
}

const headingPattern = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const faqPattern = /<FaqItem\s+question="([^"]+)"/g;

/** Strips inline Markdown so the anchor matches what the rendered heading gets. */
function plainHeading(text: string): string {
  return text
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, "$1");
}

/**
 * The anchors a rendered article offers: heading ids as Astro makes them
 * (github-slugger, numbered on repeats) and the ids of FAQ items.
 */
export function articleAnchors(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const { text } of proseLines(body, 1)) {
    const heading = headingPattern.exec(text);
    if (heading?.[2]) anchors.add(slugger.slug(plainHeading(heading[2])));
    for (const faq of text.matchAll(faqPattern)) {
      if (faq[1]) anchors.add(`faq-${new GithubSlugger().slug(faq[1])}`);
    }
  }
  return anchors;
}
