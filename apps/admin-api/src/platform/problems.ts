import { type FieldError, Problem } from "./problem.ts";

/** How many field errors one problem response lists. */
export const MAX_LISTED_ERRORS = 20;

/**
 * At most MAX_LISTED_ERRORS errors are listed, and the detail says how
 * many were left out: a body with a million unknown keys must not earn a
 * response a hundred times its size.
 */
function validation(errors: readonly FieldError[]) {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const left = errors.length - listed.length;
  const fields = [...new Set(listed.map((e) => e.field).filter(Boolean))];
  const detail = fields.length
    ? `Please check these fields: ${fields.join(", ")}.`
    : (errors[0]?.message ?? "The request body is not valid.");
  const more =
    left > 0 ? ` ${left} more ${left === 1 ? "error is" : "errors are"} not listed.` : "";
  return new Problem(
    422,
    "validation-failed",
    "Your request has invalid fields",
    `${detail}${more}`,
    listed,
  );
}

/**
 * Every problem the server answers with, by name: its status, its type
 * (the slug after /problems/) and its title live here once; call sites say
 * only what differs, the detail. A new kind of error is a new entry here.
 */
export const problems = {
  badRequest: (detail: string, title = "The request could not be read") =>
    new Problem(400, "bad-request", title, detail),

  unauthenticated: (detail = "Sign in to the console or send a personal API token.") =>
    new Problem(401, "unauthenticated", "Sign in required", detail),
  tokenExpired: (expiredAt: Date) =>
    new Problem(
      401,
      "token-expired",
      "API token expired",
      `The token expired at ${expiredAt.toISOString()}. Create a new one in the console.`,
    ),

  forbidden: (detail: string) => new Problem(403, "forbidden", "Not allowed for your role", detail),
  passwordChangeRequired: (detail: string, title = "Change your password first") =>
    new Problem(403, "password-change-required", title, detail),
  csrfTokenInvalid: (detail: string, title = "Missing or wrong CSRF token") =>
    new Problem(403, "csrf-token-invalid", title, detail),
  tokenReadOnly: () =>
    new Problem(
      403,
      "token-read-only",
      "This token may only read",
      "The token was created with the read scope: it may call GET and HEAD only. Use a full token to change things.",
    ),
  sessionRequired: () =>
    new Problem(
      403,
      "session-required",
      "Sign in to the console to create tokens",
      "API tokens can only be created from a console session, never with another token.",
    ),

  notFound: (detail = "There is nothing at this address.") =>
    new Problem(404, "not-found", "Not found", detail),

  stale: () =>
    new Problem(
      409,
      "stale",
      "Someone changed this meanwhile",
      "Reload to see the latest version, then try again.",
    ),
  transitionNotAllowed: (detail: string, title = "This change is not possible now") =>
    new Problem(409, "transition-not-allowed", title, detail),
  requestClosed: (detail: string) =>
    new Problem(409, "request-closed", "This request is closed", detail),
  mergeTargetClosed: (number: string) =>
    new Problem(
      409,
      "merge-target-closed",
      "That request is closed",
      `${number} is closed; merge into a request that is still being worked on.`,
    ),
  escalationNeedsPacket: () =>
    new Problem(
      409,
      "escalation-needs-packet",
      "Escalate with the escalation form",
      "Escalating needs the packet the operator expects: POST /api/v1/desk/requests/{number}/escalations.",
    ),
  resolutionNeedsMessage: () =>
    new Problem(
      409,
      "resolution-needs-message",
      "Resolve with the resolution the customer reads",
      'A customer must never see a bare "Resolved": POST /api/v1/desk/requests/{number}/resolution with the text, in the customer\'s language.',
    ),
  ratingNotPossible: () =>
    new Problem(
      409,
      "rating-not-possible",
      "Rate the support once your request is resolved",
      "A rating is for a request that was resolved; this one is still being worked on.",
    ),
  alreadyRated: () =>
    new Problem(
      409,
      "already-rated",
      "You rated this request already",
      "Each request is rated once. Reply to the request to tell us more.",
    ),
  escalationFinished: (status: string) =>
    new Problem(
      409,
      "escalation-finished",
      "This escalation is finished",
      `It was ${status}; nothing more can change.`,
    ),
  portalNeedsValue: (detail: string) =>
    new Problem(409, "portal-needs-value", "The portal's address is missing a value", detail),
  incidentResolved: () =>
    new Problem(
      409,
      "incident-resolved",
      "This incident is resolved",
      "Post a new incident if the problem is back.",
    ),
  /** A confirmation or unsubscribe link of incident mail that is not ours, altered or expired. */
  subscriptionLinkInvalid: () =>
    new Problem(
      400,
      "subscription-link-invalid",
      "This link is not valid",
      "It may be incomplete, altered or expired. Subscribe again on the status page.",
    ),
  lastAdmin: () =>
    new Problem(
      409,
      "last-admin",
      "The desk needs an admin",
      "This is the last enabled admin. Make someone else an admin first.",
    ),
  emailTaken: () =>
    new Problem(409, "email-taken", "This email is taken", "Another user has this email.", [
      { field: "email", message: "A user with this email already exists.", code: "taken" },
    ]),
  duplicateTenant: (errors: readonly FieldError[]) =>
    new Problem(
      409,
      "duplicate-tenant",
      "This tenant domain belongs to another customer",
      undefined,
      errors,
    ),

  /** One file over the per-file limit; stored nothing. */
  fileTooLarge: (maxBytes: number) =>
    new Problem(
      413,
      "file-too-large",
      "This file is too large",
      `A file may have at most ${maxBytes / (1024 * 1024)} MiB.`,
    ),
  /** The bytes are not a kind of file the desk accepts (sniffed, whatever the name says). */
  fileTypeRefused: (accepted: readonly string[]) =>
    new Problem(
      415,
      "file-type-refused",
      "This kind of file is not accepted",
      `Send images, PDFs, text files, logs or office documents: ${accepted.join(", ")}.`,
    ),
  /** The name says one kind of file and the bytes are another. */
  fileTypeMismatch: (name: string) =>
    new Problem(
      415,
      "file-type-mismatch",
      "This file is not what its name says",
      `The content of "${name}" does not match its name's ending. Send the original file.`,
    ),
  /** A message named uploads it may not carry; nothing was written. */
  attachmentsRefused: (code: string, message: string) =>
    new Problem(422, "attachments-refused", "These attachments cannot be sent", message, [
      { field: "attachments", message, code },
    ]),

  payloadTooLarge: (maxBytes: number) =>
    new Problem(
      413,
      "payload-too-large",
      "The request body is too large",
      `Send at most ${maxBytes / 1024} KiB.`,
    ),

  validation,
  idempotencyKeyReused: () =>
    new Problem(
      422,
      "idempotency-key-reused",
      "This Idempotency-Key belongs to another request",
      "Use a new key for a new request.",
    ),
  escalationNotReady: (detail: string, errors: readonly FieldError[]) =>
    new Problem(
      422,
      "escalation-not-ready",
      "The escalation is missing what the operator needs",
      detail,
      errors,
    ),

  rateLimited: (detail: string, retryAfterSeconds: number) =>
    new Problem(429, "rate-limited", "Too many requests", detail, undefined, retryAfterSeconds),

  databaseUnavailable: () =>
    new Problem(
      503,
      "database-unavailable",
      "The desk cannot reach its database",
      "Nothing was changed. Please try again in a few seconds.",
      undefined,
      5,
    ),

  internal: (title = "Something went wrong on our side") =>
    new Problem(500, "internal", title, "Nothing was changed. Please try again."),
  busy: () =>
    new Problem(
      503,
      "busy",
      "Too many sign-ins at once",
      "The desk is checking many passwords right now. Please try again in a few seconds.",
      undefined,
      5,
    ),
} as const;
