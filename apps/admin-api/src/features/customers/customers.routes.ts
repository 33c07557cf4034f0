import {
  customerChangeSchema,
  customerSchema,
  subscriptionChangeSchema,
  subscriptionSchema,
} from "@frontline/core";
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
  staffReadOneRefusals,
  staffReadRefusals,
} from "../../platform/openapi.ts";
import { actingOnBehalfOut } from "../admin-portals/admin-portals.routes.ts";

export const subscriptionOut = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    service: z.string().openapi({ example: "mail" }),
    seats: z.number().int(),
    status: z.enum(["active", "suspended", "cancelled"]),
    renewalDate: dateTime,
    operatorReference: z.string().nullable().openapi({
      description: "The operator's id of the subscription, for admin portals that need it.",
    }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .openapi("Subscription");
export const customerOut = z
  .object({
    id: z.number().int(),
    organisation: z.string(),
    tenantDomain: z.string().nullable().openapi({ example: "contoso.partner.cn" }),
    contacts: z.array(
      z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
    ),
    delegatedAccessUntil: dateTime.nullable().openapi({
      description: "Until when the customer granted the partner delegated admin access.",
    }),
    createdAt: dateTime,
    updatedAt: dateTime.nullable(),
    subscriptions: z.array(subscriptionOut),
    actingOnBehalf: actingOnBehalfOut,
  })
  .openapi("Customer");
const customerListItemOut = customerOut
  .omit({ subscriptions: true, actingOnBehalf: true })
  .extend({ subscriptions: z.number().int().openapi({ description: "How many it has" }) })
  .openapi("CustomerListItem");

/** Every customers route: in the reference's Customers section, for admins and agents. */
const customersRoute = { tags: ["Customers"], middleware: requireStaff("admin", "agent") };

export const listCustomersRoute = createRoute({
  method: "get",
  path: "/api/v1/customers",
  ...customersRoute,
  summary: "Customers by name or tenant domain",
  request: { query: z.object({ q: z.string().max(200).optional() }) },
  responses: { 200: itemsResponse(customerListItemOut, "The customers"), ...staffReadRefusals },
});

export const createCustomerRoute = createRoute({
  method: "post",
  path: "/api/v1/customers",
  ...customersRoute,
  summary: "Add a customer; requests from its tenant domain are matched to it",
  request: { body: jsonBody(customerSchema) },
  responses: {
    201: jsonResponse(customerOut, "Added"),
    ...problemResponses(400, 401, 403, 409, 415, 422),
  },
});

export const showCustomerRoute = createRoute({
  method: "get",
  path: "/api/v1/customers/{id}",
  ...customersRoute,
  summary: "A customer with contacts and subscriptions",
  request: { params: idParam },
  responses: { 200: jsonResponse(customerOut, "The customer"), ...staffReadOneRefusals },
});

export const updateCustomerRoute = createRoute({
  method: "patch",
  path: "/api/v1/customers/{id}",
  ...customersRoute,
  summary:
    "Change a customer's organisation, tenant domain, contacts or delegated access; only the fields sent",
  request: {
    params: idParam,
    body: jsonBody(customerChangeSchema),
  },
  responses: { 200: jsonResponse(customerOut, "Changed"), ...staffChangeRefusals },
});

export const addSubscriptionRoute = createRoute({
  method: "post",
  path: "/api/v1/customers/{id}/subscriptions",
  ...customersRoute,
  summary: "Add a subscription (service, seats, status, renewal date)",
  request: {
    params: idParam,
    body: jsonBody(subscriptionSchema),
  },
  responses: {
    201: jsonResponse(subscriptionOut, "Added"),
    ...problemResponses(400, 401, 403, 404, 415, 422),
  },
});

export const updateSubscriptionRoute = createRoute({
  method: "patch",
  path: "/api/v1/subscriptions/{id}",
  ...customersRoute,
  summary:
    "Change a subscription's seats, status, renewal date or operator id; only the fields sent",
  request: {
    params: idParam,
    body: jsonBody(subscriptionChangeSchema),
  },
  responses: {
    200: jsonResponse(subscriptionOut, "Changed"),
    ...problemResponses(400, 401, 403, 404, 415, 422),
  },
});
