/**
 * What the API answered to a filing, read into one of the outcomes the form
 * shows: filed (number and token), field errors, or a message.
 */
import { attachmentLimits, supportRequestLimits } from "@frontline/core";
import { type FieldError, isField, localIssue, type Translate } from "./contact-fields.ts";

/** The subset of RFC 9457 problem details the API sends. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { field?: string; message?: string; code?: string }[];
}

export type FilingOutcome =
  | { readonly kind: "filed"; readonly number: string; readonly trackingToken: string }
  | { readonly kind: "errors"; readonly errors: FieldError[]; readonly detail?: string };

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return null;
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}

/**
 * The server names fields (maybe as paths, "body.subject": the last segment
 * counts) and zod codes; the words come from this page's language.
 */
function serverErrors(problem: Problem, payload: Record<string, string>, msg: Translate) {
  return (problem.errors ?? []).map((error): FieldError => {
    const segments = String(error.field ?? "").split(/[./]/);
    if (segments[0] === "attachments") {
      return { field: "attachments", message: attachmentRefusal(error.code, msg) };
    }
    const name = segments.pop();
    const limits = isField(name)
      ? (supportRequestLimits as Record<string, { min?: number; max?: number }>)[name]
      : undefined;
    return localIssue(
      msg,
      { code: error.code ?? "", path: [name ?? ""], minimum: limits?.min, maximum: limits?.max },
      payload,
    );
  });
}

const MiB = 1024 * 1024;

/** Why the server would not take the chosen files with the message (problem attachments-refused). */
export function attachmentRefusal(code: string | undefined, msg: Translate): string {
  switch (code) {
    case "message-files":
      return msg("files.tooMany", { max: attachmentLimits.messageFiles });
    case "message-bytes":
      return msg("files.totalTooLarge", { max: attachmentLimits.messageBytes / MiB });
    case "request-files":
    case "request-bytes":
      return msg("files.requestFull");
    default:
      return msg("files.expired");
  }
}

const message = (detail: string): FilingOutcome => ({ kind: "errors", errors: [], detail });

/** Turns the API's answer (or its absence) into what the customer is shown. */
export async function readFilingAnswer(
  response: Response | null,
  payload: Record<string, string>,
  msg: Translate,
): Promise<FilingOutcome> {
  if (!response) return message(msg("contact.error.network"));
  if (response.ok) {
    const body = (await response.json().catch(() => null)) as {
      number?: unknown;
      trackingToken?: unknown;
    } | null;
    if (body && typeof body.number === "string" && typeof body.trackingToken === "string") {
      return { kind: "filed", number: body.number, trackingToken: body.trackingToken };
    }
    return message(msg("contact.error.server", { status: response.status }));
  }
  const problem = await readProblem(response);
  if (response.status === 429) return message(msg("contact.error.tooMany"));
  if (problem && response.status < 500) {
    const errors = serverErrors(problem, payload, msg);
    return errors.some((e) => e.field)
      ? { kind: "errors", errors }
      : { kind: "errors", errors, detail: msg("contact.error.invalid") };
  }
  return message(problem?.detail || msg("contact.error.server", { status: response.status }));
}
