/** One question and answer as written in an article's <FaqItem>. */
export interface FaqEntry {
  readonly question: string;
  /** The answer as plain text, for structured data. */
  readonly answer: string;
}

const faqItemPattern = /<FaqItem\s+question="([^"]+)"\s*>([\s\S]*?)<\/FaqItem>/g;

/** Markdown and component markup to plain, readable text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<UiPath\s+path="([^"]+)"\s*\/>/g, (_, path: string) =>
      path.replace(/\s*>\s*/g, " › "),
    )
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The FAQ entries of an article's MDX source, in order. */
export function faqEntries(body: string): FaqEntry[] {
  return [...body.matchAll(faqItemPattern)].map((match) => ({
    question: (match[1] ?? "").trim(),
    answer: plainText(match[2] ?? ""),
  }));
}

/** schema.org FAQPage data, so search engines can show the answers. */
export function faqPageJsonLd(entries: readonly FaqEntry[]): string {
  const data = {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: entries.map((entry) => ({
      "@type": "Question",
      name: entry.question,
      acceptedAnswer: { "@type": "Answer", text: entry.answer },
    })),
  };
  // "<" cannot end the script element early when escaped.
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
