import { createRoute, z } from "@hono/zod-openapi";
import {
  idParam,
  itemsResponse,
  jsonBody,
  jsonResponse,
  problemResponses,
  staffReadOneRefusals,
} from "../../platform/openapi.ts";
import { newTokenSchema } from "./tokens.ts";
import { anyStaffRoute, staffSecurity } from "./users.routes.ts";

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The first characters, to recognise the token" }),
    userId: z.number().int(),
    userEmail: z.string(),
    scope: z.enum(["read", "full"]).openapi({ description: "read: GET and HEAD only" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    expiresAt: z
      .string()
      .nullable()
      .openapi({ format: "date-time", description: "null: until revoked" }),
    lastUsedAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("ApiToken");

export const listTokensRoute = createRoute({
  method: "get",
  path: "/api/v1/tokens",
  ...anyStaffRoute,
  summary: "List your live API tokens (admins: everyone's with scope=all)",
  security: staffSecurity,
  request: {
    query: z.object({
      scope: z.enum(["own", "all"]).default("own").openapi({ description: "all: admins only" }),
    }),
  },
  responses: {
    200: itemsResponse(tokenSchema, "Live tokens, newest first, without their secrets"),
    ...problemResponses(401, 403, 422),
  },
});

export const createTokenRoute = createRoute({
  method: "post",
  path: "/api/v1/tokens",
  ...anyStaffRoute,
  summary: "Create a personal API token",
  description:
    "Send it as `Authorization: Bearer <token>`. A full token acts with your role; a read token may only GET. Only its hash is stored: copy it now. Tokens are created from a console session only, never with another token.",
  security: staffSecurity,
  request: { body: jsonBody(newTokenSchema) },
  responses: {
    201: jsonResponse(
      tokenSchema
        .extend({ token: z.string().openapi({ example: "flt_9pQ…" }) })
        .openapi("NewApiToken"),
      "The token, shown only this once",
    ),
    ...problemResponses(400, 401, 403, 415, 422),
  },
});

export const revokeTokenRoute = createRoute({
  method: "delete",
  path: "/api/v1/tokens/{id}",
  ...anyStaffRoute,
  summary: "Revoke an API token (your own; admins any)",
  security: staffSecurity,
  request: { params: idParam },
  responses: {
    204: { description: "Revoked; calls with it now answer 401" },
    ...staffReadOneRefusals,
  },
});
