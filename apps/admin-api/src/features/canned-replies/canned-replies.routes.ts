import { cannedReplySchema, cannedReplyStatuses, locales } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import {
  dateTime,
  idParam,
  itemsResponse,
  jsonBody,
  jsonResponse,
  problemResponses,
  staffChangeRefusals,
} from "../../platform/openapi.ts";

export const cannedReplyOut = z
  .object({
    id: z.number().int(),
    title: z.string(),
    locale: z.enum(locales).openapi({ description: "The language it is written in." }),
    body: z.string().openapi({
      description:
        "With placeholders: {customer.name}, {request.number}, {request.subject}, {article:<slug>}.",
    }),
    status: z.enum(cannedReplyStatuses).nullable().openapi({
      description: "Where the request moves as the reply is sent; null keeps it.",
    }),
    shared: z.boolean().openapi({ description: "Shared with the desk, or your own." }),
    updatedAt: dateTime,
    filled: z.string().nullable().openapi({
      description: "With ?request=: the text filled for that request; otherwise null.",
    }),
  })
  .openapi("CannedReply");

const desk = { tags: ["Canned replies"], middleware: requireStaff("admin", "agent") };

export const listCannedRoute = createRoute({
  method: "get",
  path: "/api/v1/canned-replies",
  ...desk,
  summary: "The shared canned replies and your own",
  request: {
    query: z.object({
      request: z.string().max(40).optional().openapi({
        example: "SR-2026-000123",
        description: "Fill each for this request, those in the customer's language first.",
      }),
    }),
  },
  responses: {
    200: itemsResponse(cannedReplyOut, "By title; with ?request=, the customer's language first"),
    ...problemResponses(401, 403, 404, 422),
  },
});

export const createCannedRoute = createRoute({
  method: "post",
  path: "/api/v1/canned-replies",
  ...desk,
  summary: "Write a canned reply (shared: admins only)",
  request: { body: jsonBody(cannedReplySchema) },
  responses: {
    201: jsonResponse(cannedReplyOut, "Written"),
    ...problemResponses(400, 401, 403, 415, 422),
  },
});

export const changeCannedRoute = createRoute({
  method: "put",
  path: "/api/v1/canned-replies/{id}",
  ...desk,
  summary: "Rewrite a canned reply: your own, or (admins) a shared one",
  request: { params: idParam, body: jsonBody(cannedReplySchema) },
  responses: { 200: jsonResponse(cannedReplyOut, "Rewritten"), ...staffChangeRefusals },
});

export const deleteCannedRoute = createRoute({
  method: "delete",
  path: "/api/v1/canned-replies/{id}",
  ...desk,
  summary: "Delete a canned reply: your own, or (admins) a shared one",
  request: { params: idParam },
  responses: { 204: { description: "Deleted" }, ...problemResponses(401, 403, 404) },
});
