/**
 * The names authors may write as <Name> in any article. A module of its own,
 * free of .astro imports, so the content check (a plain Node script run
 * before Astro) reads the same list the pages render with; index.ts refuses
 * to compile unless its components match these names exactly.
 */
export const mdxComponentNames = [
  "AppliesTo",
  "FaqItem",
  "Important",
  "Note",
  "Steps",
  "Tip",
  "UiPath",
  "Warning",
] as const;
export type MdxComponentName = (typeof mdxComponentNames)[number];
