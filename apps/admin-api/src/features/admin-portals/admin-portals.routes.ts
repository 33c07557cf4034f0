import { portalTemplateSchema } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import {
  dateTime,
  idParam,
  itemsResponse,
  jsonBody,
  jsonResponse,
  problemResponses,
} from "../../platform/openapi.ts";

export const portalTemplateOut = z
  .object({
    key: z.string().openapi({ description: 'A service\'s id, or "users" for the admin center.' }),
    label: z.string(),
    urlTemplate: z.string().nullable().openapi({
      example: "https://portal.operator.example/partner/customers/{tenant}/mail",
      description: "With {tenant} and {subscription}; null while none is set.",
    }),
    updatedAt: dateTime.nullable(),
  })
  .openapi("AdminPortalTemplate");

const portalLinkOut = z.object({
  key: z.string(),
  label: z.string(),
  openPath: z.string().nullable().openapi({
    description: "The console address that opens the portal for this customer (and audits it).",
  }),
  missing: z.enum(["tenant", "subscription"]).nullable().openapi({
    description: "The value the portal's address still needs, if any.",
  }),
});

/** What the partner may do for a customer in the operator's portals, shown with the customer. */
export const actingOnBehalfOut = z
  .object({
    delegatedAccess: z.object({
      state: z.enum(["none", "granted", "expiring", "expired"]),
      until: dateTime.nullable(),
      daysLeft: z.number().int().nullable(),
    }),
    portals: z.array(portalLinkOut),
    userAdmin: portalLinkOut.nullable().openapi({
      description: "The operator's admin center, where the tenant's users are managed.",
    }),
  })
  .openapi("ActingOnBehalf");

const keyParam = z.object({
  key: z
    .string()
    .max(60)
    .openapi({ param: { name: "key", in: "path" }, example: "mail" }),
});

const admins = { tags: ["Admin portals"], middleware: requireStaff("admin") };

export const listPortalsRoute = createRoute({
  method: "get",
  path: "/api/v1/admin-portals",
  ...admins,
  summary: "The operator's admin portal per service, as address templates",
  responses: {
    200: itemsResponse(portalTemplateOut, "Every service"),
    ...problemResponses(401, 403),
  },
});

export const setPortalRoute = createRoute({
  method: "put",
  path: "/api/v1/admin-portals/{key}",
  ...admins,
  summary: "Set a service's admin portal address",
  request: { params: keyParam, body: jsonBody(portalTemplateSchema) },
  responses: {
    200: jsonResponse(portalTemplateOut, "Set"),
    ...problemResponses(400, 401, 403, 404, 415, 422),
  },
});

export const removePortalRoute = createRoute({
  method: "delete",
  path: "/api/v1/admin-portals/{key}",
  ...admins,
  summary: "Remove a service's admin portal address",
  request: { params: keyParam },
  responses: { 204: { description: "Removed" }, ...problemResponses(401, 403, 404) },
});

export const openPortalRoute = createRoute({
  method: "post",
  path: "/api/v1/customers/{id}/admin-portals/{key}",
  tags: ["Customers"],
  middleware: requireStaff("admin", "agent"),
  summary: "Open a service's admin portal for a customer (audited)",
  description:
    "Answers the portal's address filled for the customer, and writes who opened which customer's portal to the audit log.",
  request: { params: idParam.extend(keyParam.shape) },
  responses: {
    200: jsonResponse(z.object({ url: z.string() }), "The address to open"),
    ...problemResponses(401, 403, 404, 409),
  },
});
