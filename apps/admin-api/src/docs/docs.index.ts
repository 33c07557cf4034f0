import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";

/**
 * The browsable API reference at /api/docs: Swagger UI, served from the
 * installed package rather than a CDN, so it works on closed networks.
 */
const assets = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const files: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontline API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main id="reference"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

// Kept out of the page so a strict Content-Security-Policy needs no inline scripts.
const init = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", deepLinking: true });`;

export function docsRouter() {
  const router = new Hono();
  router.get("/api/docs", (c) => c.html(page));
  router.get("/api/docs/init.js", (c) =>
    c.body(init, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
  );
  router.get("/api/docs/:file", (c) => {
    const file = c.req.param("file");
    const type = files[file];
    if (!type) return c.notFound();
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(readFileSync(join(assets, file)), 200, { "Content-Type": type });
  });
  return router;
}
