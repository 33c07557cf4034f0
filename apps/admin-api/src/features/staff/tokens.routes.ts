import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { problemResponses } from "../../platform/openapi.ts";
import { newTokenSchema } from "./tokens.ts";
import { staffSecurity } from "./users.routes.ts";

const anyStaff = requireStaff("admin", "agent", "operator");

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
  tags: ["Staff"],
  summary: "List your live API tokens (admins: everyone's with scope=all)",
  security: staffSecurity,
  middleware: anyStaff,
  request: {
    query: z.object({
      scope: z.enum(["own", "all"]).default("own").openapi({ description: "all: admins only" }),
    }),
  },
  responses: {
    200: {
      description: "Live tokens, newest first, without their secrets",
      content: { "application/json": { schema: z.object({ items: z.array(tokenSchema) }) } },
    },
    ...problemResponses(401, 403, 422),
  },
});

export const createTokenRoute = createRoute({
  method: "post",
  path: "/api/v1/tokens",
  tags: ["Staff"],
  summary: "Create a personal API token",
  description:
    "Send it as `Authorization: Bearer <token>`. A full token acts with your role; a read token may only GET. Only its hash is stored: copy it now. Tokens are created from a console session only, never with another token.",
  security: staffSecurity,
  middleware: anyStaff,
  request: {
    body: { required: true, content: { "application/json": { schema: newTokenSchema } } },
  },
  responses: {
    201: {
      description: "The token, shown only this once",
      content: {
        "application/json": {
          schema: tokenSchema
            .extend({ token: z.string().openapi({ example: "flt_9pQ…" }) })
            .openapi("NewApiToken"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 415, 422),
  },
});

export const revokeTokenRoute = createRoute({
  method: "delete",
  path: "/api/v1/tokens/{id}",
  tags: ["Staff"],
  summary: "Revoke an API token (your own; admins any)",
  security: staffSecurity,
  middleware: anyStaff,
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: {
    204: { description: "Revoked; calls with it now answer 401" },
    ...problemResponses(401, 403, 404),
  },
});
