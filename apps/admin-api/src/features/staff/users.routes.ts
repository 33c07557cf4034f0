import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { jsonResponse, problemResponses } from "../../platform/openapi.ts";
import { nameSchema, newUserSchema, roleSchema } from "./accounts.ts";

/** Either way of calling a partner endpoint, as the OpenAPI document names them. */
export const staffSecurity: Record<string, string[]>[] = [
  { bearerAuth: [] },
  { sessionCookie: [] },
];

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable().openapi({
      format: "date-time",
      description: "Set after failed sign-ins in a row; sign-in waits until then",
    }),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("StaffUser");

const userIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" } }),
});

export const meRoute = createRoute({
  method: "get",
  path: "/api/v1/me",
  tags: ["Staff"],
  summary: "Who you are signed in as",
  security: staffSecurity,
  middleware: requireStaff("admin", "agent", "operator"),
  responses: {
    200: jsonResponse(
      z.object({
        id: z.number().int(),
        email: z.string(),
        name: z.string(),
        role: roleSchema,
        via: z.enum(["session", "token"]),
      }),
      "The caller",
    ),
    ...problemResponses(401, 403),
  },
});

export const listUsersRoute = createRoute({
  method: "get",
  path: "/api/v1/users",
  tags: ["Staff"],
  summary: "List staff users (admins)",
  security: staffSecurity,
  middleware: requireStaff("admin"),
  responses: {
    200: jsonResponse(z.object({ items: z.array(userSchema) }), "Every user, by email"),
    ...problemResponses(401, 403),
  },
});

export const createUserRoute = createRoute({
  method: "post",
  path: "/api/v1/users",
  tags: ["Staff"],
  summary: "Create a staff user (admins)",
  security: staffSecurity,
  middleware: requireStaff("admin"),
  request: {
    body: { required: true, content: { "application/json": { schema: newUserSchema } } },
  },
  responses: {
    201: jsonResponse(
      z.object({
        user: userSchema,
        oneTimePassword: z.string().nullable().openapi({
          description: "The generated password when none was sent; shown only this once",
        }),
      }),
      "Created; the user must change the password at first sign-in",
    ),
    ...problemResponses(400, 401, 403, 409, 415, 422),
  },
});

export const updateUserRoute = createRoute({
  method: "patch",
  path: "/api/v1/users/{id}",
  tags: ["Staff"],
  summary: "Rename, re-role, disable or enable a user (admins)",
  description:
    "Disabling ends the user's sessions and stops their API tokens. The last enabled admin cannot be disabled or demoted (409).",
  security: staffSecurity,
  middleware: requireStaff("admin"),
  request: {
    params: userIdParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              name: nameSchema.optional(),
              role: roleSchema.optional(),
              disabled: z.boolean({ message: "Send true or false." }).optional(),
            })
            .strict()
            .refine(
              (body) => Object.keys(body).length > 0,
              "Send at least one of name, role, disabled.",
            ),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(userSchema, "The user as changed"),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

export const resetPasswordRoute = createRoute({
  method: "post",
  path: "/api/v1/users/{id}/password-reset",
  tags: ["Staff"],
  summary: "Give a user a new one-time password (admins)",
  description:
    "Signs the user out everywhere and revokes their API tokens; they must change the password at next sign-in.",
  security: staffSecurity,
  middleware: requireStaff("admin"),
  request: { params: userIdParams },
  responses: {
    200: jsonResponse(
      z.object({
        user: userSchema,
        oneTimePassword: z.string(),
        revokedTokens: z
          .number()
          .int()
          .openapi({ description: "API tokens of the user revoked now" }),
      }),
      "The new password, shown only this once",
    ),
    ...problemResponses(401, 403, 404),
  },
});
