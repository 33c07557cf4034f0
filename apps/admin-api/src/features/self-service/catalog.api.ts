import { locales, publicCatalog, resolveLocale } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter, jsonResponse } from "../../platform/openapi.ts";

const entry = z.object({ id: z.string(), label: z.string() });

const catalogRoute = createRoute({
  method: "get",
  path: "/api/v1/catalog",
  tags: ["Catalogue"],
  summary: "Categories, services and severities, labelled in one language",
  request: {
    query: z.object({
      locale: z
        .string()
        .optional()
        .openapi({
          description: `One of ${locales.join(", ")}; anything else answers in English.`,
          example: "de",
        }),
    }),
  },
  responses: {
    200: jsonResponse(
      z
        .object({
          categories: z.array(entry),
          services: z.array(entry),
          severities: z.array(
            entry.extend({ meaning: z.string(), firstResponseMinutes: z.number().int() }),
          ),
        })
        .openapi("Catalog"),
      "The catalogue the contact form offers",
    ),
  },
});

export function catalogApi(deps: AppDeps) {
  return createRouter().openapi(catalogRoute, (c) => {
    const locale = resolveLocale(c.req.valid("query").locale);
    c.header("Cache-Control", "public, max-age=300");
    return c.json(publicCatalog(locale, deps.config.services, deps.config.partnerPolicy), 200);
  });
}
