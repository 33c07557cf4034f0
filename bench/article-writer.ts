/**
 * Deterministic pseudo-prose for the synthetic articles: a seeded PRNG and a
 * Writer that strings a language's words into phrases, sentences,
 * paragraphs, headings and <Steps> items, counting the words it wrote.
 */
import type { Vocabulary } from "./article-vocabularies.ts";

/** mulberry32: small, fast, good enough for text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const int = (rnd: Random, min: number, max: number) =>
  min + Math.floor(rnd() * (max - min + 1));
export function pick<T>(rnd: Random, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}
/** Skewed towards the front of the list, roughly like word frequencies in real text. */
function pickSkewed<T>(rnd: Random, items: readonly T[]): T {
  const r = rnd();
  return items[Math.floor(r * r * items.length)] as T;
}

export const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export class Writer {
  words = 0;
  constructor(
    private readonly rnd: Random,
    private readonly vocab: Vocabulary,
  ) {}

  private join(tokens: string[]): string {
    return tokens.join(this.vocab.spaced ? " " : "");
  }

  /** `count` words of pseudo-prose, without final punctuation. */
  phrase(count: number): string {
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const useFunction = i > 0 && this.rnd() < 0.38;
      tokens.push(
        useFunction
          ? pick(this.rnd, this.vocab.function)
          : pickSkewed(this.rnd, this.vocab.content),
      );
      if (i > 2 && i < count - 2 && this.rnd() < 0.08)
        tokens[tokens.length - 1] += this.vocab.comma;
    }
    this.words += count;
    return this.join(tokens);
  }

  sentence(min = 7, max = 16, extra?: string): string {
    let text = this.phrase(int(this.rnd, min, max));
    if (extra) {
      text += `${this.vocab.spaced ? " " : ""}${extra}`;
      this.words += 1;
    }
    return `${this.vocab.spaced ? capitalise(text) : text}${this.vocab.stop}`;
  }

  paragraph(extra?: string): string {
    const count = int(this.rnd, 3, 6);
    const withExtra = extra ? int(this.rnd, 0, count - 1) : -1;
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) {
      sentences.push(this.sentence(7, 16, i === withExtra ? extra : undefined));
    }
    return sentences.join(this.vocab.spaced ? " " : "");
  }

  /** A short heading or title: verb plus a few content words. */
  heading(min = 2, max = 4): string {
    const verb = pick(this.rnd, this.vocab.verbs);
    this.words += 1;
    const rest = this.phrase(int(this.rnd, min, max)).replaceAll(this.vocab.comma, "");
    const text = this.join([verb, rest]);
    return this.vocab.spaced ? capitalise(text) : text;
  }

  uiPath(): string {
    const count = int(this.rnd, 2, 3);
    const items = Array.from({ length: count }, () => pick(this.rnd, this.vocab.ui));
    this.words += count;
    return `<UiPath path="${items.join(" > ")}" />`;
  }

  step(): string {
    const verb = pick(this.rnd, this.vocab.verbs);
    this.words += 1;
    const sep = this.vocab.spaced ? " " : "";
    const start = this.vocab.spaced ? capitalise(verb) : verb;
    const middle = this.rnd() < 0.3 ? `${sep}${this.uiPath()}${sep}` : sep;
    return `${start}${middle}${this.phrase(int(this.rnd, 4, 10))}${this.vocab.stop}`;
  }
}
