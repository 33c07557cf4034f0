import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import { compressedAsset } from "../compression.ts";

/**
 * The browsable API reference at /api/docs: Swagger UI, served from the
 * installed package rather than a CDN, so it works on closed networks.
 */
const assets = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const { version } = JSON.parse(readFileSync(join(assets, "package.json"), "utf8")) as {
  version: string;
};
// The package's version is in the address, so browsers may keep the files for a year.
const base = `/api/docs/${version}`;
const types = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};
// A Map, so a path like /constructor finds nothing rather than Object's prototype.
const files = new Map(
  Object.entries(types).map(([file, type]) => [
    file,
    compressedAsset(() => readFileSync(join(assets, file)), type),
  ]),
);

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontline API reference</title>
<link rel="stylesheet" href="${base}/swagger-ui.css">
</head>
<body>
<main id="reference"></main>
<script src="${base}/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

// Kept out of the page so a strict Content-Security-Policy needs no inline scripts.
const init = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", deepLinking: true });`;

export function apiReference() {
  const router = new Hono();
  router.get("/api/docs", (c) => c.html(page));
  router.get("/api/docs/init.js", (c) =>
    c.body(init, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
  );
  router.get(`${base}/:file`, (c) => {
    const serve = files.get(c.req.param("file"));
    if (!serve) return c.notFound();
    return serve(c, "public, max-age=31536000, immutable");
  });
  return router;
}
