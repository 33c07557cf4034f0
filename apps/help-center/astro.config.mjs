// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { defaultSiteLocale, siteLocales } from "./src/i18n/locales.ts";

export default defineConfig({
  output: "static",
  // `/en/contact` and `/en/contact/` both resolve to dist/en/contact/index.html.
  trailingSlash: "ignore",
  build: { format: "directory" },
  integrations: [mdx()],
  vite: {
    // `npm run dev`: the form posts to /api on the dev server; pass it to the API.
    server: { proxy: { "/api": "http://localhost:3000" } },
    build: {
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
    locales: [...siteLocales],
    defaultLocale: defaultSiteLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
});
