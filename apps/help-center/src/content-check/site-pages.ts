import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const localePages = fileURLToPath(new URL("../pages/[locale]/", import.meta.url));

/**
 * The pages besides articles that a link may point at under each locale,
 * read from the page files themselves so a new page is linkable without a
 * second list: "" for index.astro (the locale's home), "contact" for
 * contact.astro. 404 is where broken links end up, never a target; the
 * articles/ and categories/ folders have checks of their own.
 */
export function sitePages(dir: string = localePages): ReadonlySet<string> {
  return new Set(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".astro"))
      .map((entry) => entry.name.slice(0, -".astro".length))
      .filter((name) => name !== "404")
      .map((name) => (name === "index" ? "" : name)),
  );
}
