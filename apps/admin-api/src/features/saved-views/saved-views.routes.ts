import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import {
  idParam,
  itemsResponse,
  jsonBody,
  jsonResponse,
  problemResponses,
} from "../../platform/openapi.ts";
import { savedViewSchema } from "./saved-views.use-cases.ts";

const viewOut = z
  .object({
    id: z.number().int(),
    name: z.string(),
    shared: z.boolean().openapi({ description: "The desk's, or your own." }),
    query: z.record(z.string(), z.union([z.string(), z.array(z.string())])).openapi({
      description: "The queue's filters, as GET /api/v1/queue takes them.",
      example: { status: ["new", "open"], tag: "vip" },
    }),
    href: z.string().openapi({ description: "The console's queue with these filters." }),
  })
  .openapi("SavedView");

const desk = { tags: ["Desk"], middleware: requireStaff("admin", "agent") };

export const listViewsRoute = createRoute({
  method: "get",
  path: "/api/v1/queue/views",
  ...desk,
  summary: "The desk's shared queue views and your own, each with how many requests it holds",
  responses: {
    200: itemsResponse(
      viewOut.extend({
        count: z
          .number()
          .int()
          .nullable()
          .openapi({ description: "Null if its filters no longer hold." }),
      }),
      "Shared first, then yours",
    ),
    ...problemResponses(401, 403),
  },
});

export const createViewRoute = createRoute({
  method: "post",
  path: "/api/v1/queue/views",
  ...desk,
  summary: "Save queue filters as a view (shared: admins only)",
  request: { body: jsonBody(savedViewSchema) },
  responses: { 201: jsonResponse(viewOut, "Saved"), ...problemResponses(400, 401, 403, 415, 422) },
});

export const deleteViewRoute = createRoute({
  method: "delete",
  path: "/api/v1/queue/views/{id}",
  ...desk,
  summary: "Delete a view: your own, or (admins) a shared one",
  request: { params: idParam },
  responses: { 204: { description: "Deleted" }, ...problemResponses(401, 403, 404) },
});
