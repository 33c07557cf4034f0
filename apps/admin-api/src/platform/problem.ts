import { driverError, isDatabaseUnavailable } from "@frontline/db";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { problems } from "./problems.ts";
// Words for zod's issues wherever a schema has none of its own (zod's global config).
import "./validation-words.ts";

export interface FieldError {
  /** The offending field ("" when the body as a whole is wrong). */
  readonly field: string;
  readonly message: string;
  readonly code: string;
}

/**
 * The one error type of the server. Handlers throw it; `problemHandler`
 * turns it (and anything else thrown) into RFC 9457 problem+json.
 */
export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: readonly FieldError[],
    /** Seconds to wait before trying again, sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(detail ?? title);
  }
}

/** Lists every offending field; unknown keys are named one by one. */
export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: [...issue.path, key].join("."),
        message: "This field is not part of the request.",
        code: "unknown_field",
      }));
    }
    return [{ field: issue.path.join("."), message: issue.message, code: issue.code }];
  });
}

const httpTitles: Record<number, [string, string]> = {
  400: ["bad-request", "The request could not be read"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  413: ["payload-too-large", "The request body is too large"],
  415: ["unsupported-media-type", "Send the body as application/json"],
};

export function problemResponse(c: Context, problem: Problem): Response {
  const body = {
    type: `https://frontline.example/problems/${problem.slug}`,
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: c.req.path,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  return c.body(JSON.stringify(body), problem.status, {
    "Content-Type": "application/problem+json",
    ...(problem.retryAfter ? { "Retry-After": String(problem.retryAfter) } : {}),
  });
}

export function problemHandler(error: Error, c: Context): Response {
  if (error instanceof Problem) return problemResponse(c, error);
  if (error instanceof HTTPException) {
    const [slug, title] = httpTitles[error.status] ?? ["http-error", "Request failed"];
    return problemResponse(c, new Problem(error.status, slug, title, error.message || undefined));
  }
  // A failed query's own message lists its parameters; the driver's error does not.
  console.error(driverError(error));
  // The database is away or overloaded: a state to retry, not a fault of this request.
  if (isDatabaseUnavailable(error)) return problemResponse(c, problems.databaseUnavailable());
  return problemResponse(
    c,
    new Problem(
      500,
      "internal",
      "Something went wrong on our side",
      "Nothing was changed. Please try again.",
    ),
  );
}
