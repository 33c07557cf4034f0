import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isLocale, negotiateLocale } from "@frontline/core";
import { Hono } from "hono";
import { resolveFile, serveFile } from "./static-files.ts";

/**
 * Serves the built static help center. `/` picks the reader's language from
 * Accept-Language; on plain static hosting the page's own script does that.
 */
export function staticSite(dist: string) {
  const router = new Hono();

  router.get("/", (c) => {
    c.header("Vary", "Accept-Language");
    return c.redirect(`/${negotiateLocale(c.req.header("Accept-Language"))}/`, 302);
  });

  // GET also answers HEAD in Hono.
  router.get("*", (c, next) => {
    const file = resolveFile(dist, c.req.path);
    return file ? serveFile(c, file, c.req.path) : next();
  });

  // A missing page gets the 404 page of the language in its path, if built.
  router.get("*", (c) => {
    const locale = c.req.path.split("/")[1] ?? "";
    const localized = isLocale(locale) ? join(dist, locale, "404", "index.html") : null;
    const page = [localized, join(dist, "404.html")].find((p) => p && existsSync(p));
    return c.html(page ? readFileSync(page, "utf8") : "<h1>Page not found</h1>", 404);
  });
  return router;
}
