import { emailAddress, locales } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody, jsonResponse, problemResponses } from "../../platform/openapi.ts";

export const subscribeRoute = createRoute({
  method: "post",
  path: "/api/v1/incident-subscriptions",
  tags: ["Help center"],
  summary: "Subscribe an address to a service's incident mail; it gets a link to confirm first",
  description:
    "Double opt-in: the address gets one mail in the given language with a link to confirm, and nothing else until it is followed. The answer is the same whether or not the address is already subscribed.",
  request: {
    body: jsonBody(
      z.strictObject({
        email: emailAddress().openapi({ example: "ana@contoso.example" }),
        service: z.string().min(1).max(100).openapi({ example: "mail" }),
        locale: z.enum(locales).openapi({ description: "The language of the mail." }),
      }),
    ),
  },
  responses: {
    202: jsonResponse(
      z.object({ status: z.literal("confirmation-sent") }),
      "The confirmation mail is on its way",
    ),
    ...problemResponses(400, 413, 415, 422, 429),
  },
});
