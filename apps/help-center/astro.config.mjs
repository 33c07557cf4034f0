// @ts-check
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
// Astro loads this file through Vite, which compiles the workspace package's
// TypeScript, so the languages come from the one list the pages and the API use.
import { defaultLocale, locales, localeTags } from "@frontline/core";
import { defineConfig } from "astro/config";

const contentDir = resolve(process.env.FRONTLINE_CONTENT_DIR ?? "../../content");

/**
 * Pages that stand in for a missing translation show English text under
 * another language's address; they are left out of the sitemap (and carry
 * noindex) so search engines do not file them under the wrong language.
 */
function untranslatedPages() {
  /** @param {string} locale */
  const slugsIn = (locale) => {
    const dir = resolve(contentDir, locale);
    return existsSync(dir) ? readdirSync(dir).map((f) => f.replace(/\.mdx$/, "")) : [];
  };
  const originals = slugsIn(defaultLocale);
  return new Set(
    locales.flatMap((locale) => {
      const translated = new Set(slugsIn(locale));
      return originals.filter((s) => !translated.has(s)).map((s) => `/${locale}/articles/${s}/`);
    }),
  );
}

const hidden = untranslatedPages();
/** The language redirect at /, error pages and search results are not content. */
/** @param {string} path */
const listed = (path) => path !== "/" && !hidden.has(path) && !/\/(404|search)\/$/.test(path);

export default defineConfig({
  // Absolute links (sitemap, hreflang) need the public origin; set it when deploying.
  site: process.env.PUBLIC_SITE_URL ?? "http://localhost:3000",
  output: "static",
  // `/en/contact` and `/en/contact/` both resolve to dist/en/contact/index.html.
  trailingSlash: "ignore",
  // Styles and scripts stay in files, never inline: the server's Content-Security-Policy
  // allows 'self' and the hashes in dist/csp.json, not 'unsafe-inline'.
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => listed(new URL(page).pathname),
      i18n: { defaultLocale, locales: localeTags },
    }),
  ],
  vite: {
    // `npm run dev`: the form posts to /api on the dev server; pass it to the API.
    server: { proxy: { "/api": "http://localhost:3000" } },
    build: {
      // 0: Astro would otherwise inline small page scripts (and Vite small assets as data: URLs).
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Known harmless Astro 7 warning for every MDX entry
        // (withastro/astro#18087); drop the filter once that is fixed.
        onwarn(warning, warn) {
          if (
            warning.code === "MODULE_LEVEL_DIRECTIVE" &&
            warning.message.includes("astro:head-inject")
          ) {
            return;
          }
          warn(warning);
        },
      },
    },
  },
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
});
