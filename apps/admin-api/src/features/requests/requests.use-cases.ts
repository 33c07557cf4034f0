import { createHash } from "node:crypto";
import {
  candidateTenantDomains,
  label,
  parseRequestNumber,
  reopenDeadline,
  type Status,
  type SupportRequestInput,
  statusLabels,
} from "@frontline/core";
import {
  type AuditEntry,
  appendEvent,
  createRequest,
  createRequestOnce,
  findCustomerByTenant,
  getIncident,
  getRequestByNumber,
  IdempotencyConflictError,
  listEvents,
  type RequestEventRow,
  type RequestRow,
} from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import {
  hashTrackingToken,
  newTrackingToken,
  trackingTokenMatches,
} from "../../platform/tracking-token.ts";
import { allowedMoves, moveRequestStatus } from "./move-request-status.ts";
import { createdMail, replyMail } from "./request-mail.ts";

/**
 * Stores a validated request with its confirmation email and hands the
 * customer its number and secret token. With an Idempotency-Key, a repeated
 * submit of the same request gets the first answer instead of a second request.
 */
export async function fileRequest(
  deps: AppDeps,
  input: SupportRequestInput,
  idempotencyKey?: string,
) {
  if (input.incidentId !== undefined && !(await getIncident(deps.db, input.incidentId))) {
    throw problems.validation([
      { field: "incidentId", message: "There is no such incident.", code: "unknown_incident" },
    ]);
  }
  const trackingToken = newTrackingToken();
  // What is kept for replays carries no token; every answer adds the token of this call.
  const stored = (row: RequestRow) => ({
    number: row.number,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  });
  // Match the request to a customer by tenant domain; unknown organisations are flagged in the queue.
  const customer = await findCustomerByTenant(
    deps.db,
    candidateTenantDomains(input.organisation, input.email),
  );
  const request = {
    input,
    customerId: customer?.id ?? null,
    trackingTokenHash: hashTrackingToken(trackingToken),
    now: deps.clock.now(),
    mail: (row: RequestRow) => createdMail(deps.config, row, trackingToken),
  };
  // Without a key every submit is a new request, and nothing is kept for replays.
  if (!idempotencyKey) return { ...stored(await createRequest(deps.db, request)), trackingToken };
  const bodyHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  try {
    const created = await createRequestOnce(deps.db, request, {
      key: idempotencyKey,
      bodyHash,
      response: stored,
      replayTokenHash: request.trackingTokenHash,
    });
    return { ...(created.response as ReturnType<typeof stored>), trackingToken };
  } catch (error) {
    if (error instanceof IdempotencyConflictError) {
      throw problems.idempotencyKeyReused();
    }
    throw error;
  }
}

const notFound = () =>
  problems.notFound("No request matches this reference number and tracking token.");

/** The request behind a number and token, or the same 404 for every way of being wrong. */
export async function authorizeCustomer(
  deps: AppDeps,
  number: string,
  token: string | undefined,
): Promise<RequestRow> {
  const row = parseRequestNumber(number)
    ? await getRequestByNumber(deps.db, number.trim().toUpperCase())
    : null;
  if (!trackingTokenMatches(token, row?.trackingTokenHash ?? null) || !row) throw notFound();
  return row;
}

function authorOf(event: RequestEventRow) {
  if (event.actor === "customer") return "customer" as const;
  return event.actor === "operator" ? ("operator" as const) : ("partner" as const);
}

/** The statuses the customer may move to now, honouring the reopen window. */
function customerMoves(deps: AppDeps, row: RequestRow): Status[] {
  return allowedMoves(deps, row, "customer");
}

/** What the customer may see of their request. */
export async function customerView(deps: AppDeps, row: RequestRow) {
  const events = await listEvents(deps.db, row.id);
  const moves = customerMoves(deps, row);
  return {
    number: row.number,
    status: row.status,
    statusLabel: label(statusLabels[row.status], row.locale),
    locale: row.locale,
    category: row.category,
    service: row.service,
    severity: row.severity,
    subject: row.subject,
    description: row.description,
    organisation: row.organisation,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    /** Statuses the customer can choose now: "resolved" (solved), "closed", "open" (reopen). */
    allowedStatuses: moves,
    canReply: row.status !== "closed" && (row.status !== "resolved" || moves.includes("open")),
    reopenUntil:
      row.status === "resolved" && row.resolvedAt
        ? reopenDeadline(row.resolvedAt).toISOString()
        : null,
    timeline: events.map((e) => ({
      type: e.type,
      author: authorOf(e),
      body: e.body,
      status: e.type === "status-change" ? ((e.data?.to as string | undefined) ?? null) : null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export async function trackRequest(deps: AppDeps, number: string, token: string | undefined) {
  return customerView(deps, await authorizeCustomer(deps, number, token));
}

/** The customer confirms it is solved, closes it, or reopens it, as the lifecycle allows. */
export async function changeStatusAsCustomer(
  deps: AppDeps,
  row: RequestRow,
  to: Status,
  message?: string,
) {
  const updated = await moveRequestStatus(
    deps,
    row,
    to,
    "customer",
    message ? { message: { type: "customer-message", body: message } } : {},
  );
  return customerView(deps, updated);
}

/**
 * A customer's reply. Answering a question puts the request back in
 * progress; replying to a resolved request reopens it within the window.
 */
export async function replyAsCustomer(deps: AppDeps, row: RequestRow, body: string) {
  if (row.status === "waiting-on-customer" || row.status === "resolved") {
    return changeStatusAsCustomer(deps, row, "open", body);
  }
  if (row.status === "closed") {
    throw problems.requestClosed("Please file a new request and mention its number.");
  }
  await appendEvent(deps.db, {
    requestId: row.id,
    type: "customer-message",
    actor: "customer",
    at: deps.clock.now(),
    body,
  });
  return customerView(deps, (await getRequestByNumber(deps.db, row.number)) ?? row);
}

/**
 * A partner's public answer: on the timeline, mailed to the customer, and
 * the first one stops the first-response clock. The desk's reply action
 * calls this.
 */
export async function replyAsPartner(
  deps: AppDeps,
  row: RequestRow,
  body: string,
  actor: "agent" | "admin",
  audit?: AuditEntry,
) {
  const at = deps.clock.now();
  await appendEvent(
    deps.db,
    { requestId: row.id, type: "reply", actor, at, body, visibility: "public" },
    replyMail(deps.config, row, body),
    { answersCustomer: true, ...(audit ? { audit } : {}) },
  );
}
