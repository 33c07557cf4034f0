import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env.ts";
import { fieldErrorsFromZod } from "./problem.ts";
import { problems } from "./problems.ts";

/**
 * Every API router validates the same way (failures become one 422 problem)
 * and reads what the middleware set (AppEnv).
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw problems.validation(fieldErrorsFromZod(result.error));
    },
  });
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string(), code: z.string() }))
      .optional(),
  })
  .openapi("Problem");

export const problemContent = { "application/problem+json": { schema: problemSchema } };

export function problemResponses<const S extends number>(...statuses: S[]) {
  const descriptions: Record<number, string> = {
    400: "The body could not be read as JSON",
    401: "No session or API token",
    403: "Your role may not do this",
    404: "Not found",
    409: "Not possible in the request's current status",
    413: "The body is too large",
    415: "The body is not JSON",
    422: "Invalid fields, each one named",
    429: "Too many requests from this client; see Retry-After",
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? "Error", content: problemContent }]),
  ) as Record<S, { description: string; content: typeof problemContent }>;
}

/** What a staff-only read is refused for: no session or token (401), the wrong role (403). */
export const staffReadRefusals = problemResponses(401, 403);

/** The same for reading one thing, which may not exist (404). */
export const staffReadOneRefusals = problemResponses(401, 403, 404);

/** What a staff member's change to one thing is refused for: the body, the caller, the thing, its state, the fields. */
export const staffChangeRefusals = problemResponses(400, 401, 403, 404, 409, 415, 422);

/** A required JSON request body; the schema's type is kept, so `c.req.valid("json")` is typed. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A JSON answer as an OpenAPI response; the schema's type is kept, so tsc checks the handler's answer. */
export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A list as the API answers it: `{ items: [...] }`, so fields can be added beside the items later. */
export const itemsResponse = <S extends z.ZodType>(item: S, description: string) =>
  jsonResponse(z.object({ items: z.array(item) }), description);

/** Timestamps in answers: ISO 8601 strings. */
export const dateTime = z.string().openapi({ format: "date-time" });

/** `{id}` in a path: a positive whole number. */
export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** `{number}` in a path: a request's reference. */
export const numberParam = z.object({ number: z.string().openapi({ example: "SR-2026-000123" }) });
