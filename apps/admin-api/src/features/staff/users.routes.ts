import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import {
  idParam,
  itemsResponse,
  jsonBody,
  jsonResponse,
  problemResponses,
  staffChangeRefusals,
  staffReadOneRefusals,
  staffReadRefusals,
} from "../../platform/openapi.ts";
import { nameSchema, newUserSchema, roleSchema } from "./accounts.ts";

/** Either way of calling a partner endpoint, as the OpenAPI document names them. */
export const staffSecurity: Record<string, string[]>[] = [
  { bearerAuth: [] },
  { sessionCookie: [] },
];

/** The Staff section's routes: for anyone on the staff, or for admins. */
export const anyStaffRoute = {
  tags: ["Staff"],
  middleware: requireStaff("admin", "agent", "operator"),
};
export const adminRoute = { ...anyStaffRoute, middleware: requireStaff("admin") };

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

export const meRoute = createRoute({
  method: "get",
  path: "/api/v1/me",
  ...anyStaffRoute,
  summary: "Who you are signed in as",
  security: staffSecurity,
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
    ...staffReadRefusals,
  },
});

export const listUsersRoute = createRoute({
  method: "get",
  path: "/api/v1/users",
  ...adminRoute,
  summary: "List staff users (admins)",
  security: staffSecurity,
  responses: { 200: itemsResponse(userSchema, "Every user, by email"), ...staffReadRefusals },
});

export const createUserRoute = createRoute({
  method: "post",
  path: "/api/v1/users",
  ...adminRoute,
  summary: "Create a staff user (admins)",
  security: staffSecurity,
  request: { body: jsonBody(newUserSchema) },
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
  ...adminRoute,
  summary: "Rename, re-role, disable or enable a user (admins)",
  description:
    "Disabling ends the user's sessions and stops their API tokens. The last enabled admin cannot be disabled or demoted (409).",
  security: staffSecurity,
  request: {
    params: idParam,
    body: jsonBody(
      z
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
    ),
  },
  responses: { 200: jsonResponse(userSchema, "The user as changed"), ...staffChangeRefusals },
});

export const resetPasswordRoute = createRoute({
  method: "post",
  path: "/api/v1/users/{id}/password-reset",
  ...adminRoute,
  summary: "Give a user a new one-time password (admins)",
  description:
    "Signs the user out everywhere and revokes their API tokens; they must change the password at next sign-in.",
  security: staffSecurity,
  request: { params: idParam },
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
    ...staffReadOneRefusals,
  },
});
