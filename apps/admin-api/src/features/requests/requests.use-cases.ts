import {
  label,
  parseRequestNumber,
  reopenDeadline,
  type Status,
  statusLabels,
} from "@frontline/core";
import {
  getRequestByNumber,
  listEvents,
  type RequestEventRow,
  type RequestRow,
} from "@frontline/db";
import { accessLinkValid, isAccessLink } from "../../platform/access-links.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { trackingTokenMatches } from "../../platform/tracking-token.ts";
import { attachmentsByEvent } from "../attachments/attachments.use-cases.ts";
import { allowedMoves } from "./move-request-status.ts";

const notFound = () =>
  problems.notFound("No request matches this reference number and tracking token.");

/**
 * The request behind a number and its tracking token or a signed access
 * link from one of its emails, or the same 404 for every way of being
 * wrong: unknown, wrong, tampered with or expired.
 */
export async function authorizeCustomer(
  deps: AppDeps,
  number: string,
  token: string | undefined,
): Promise<RequestRow> {
  const row = parseRequestNumber(number)
    ? await getRequestByNumber(deps.db, number.trim().toUpperCase())
    : null;
  const allowed =
    token !== undefined && isAccessLink(token)
      ? row !== null &&
        accessLinkValid(deps.config.accessLinkSecret, row.number, "track", token, deps.clock.now())
      : trackingTokenMatches(token, row?.trackingTokenHash ?? null);
  if (!allowed || !row) throw notFound();
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

/** Whether the customer may rate now: once, after the request was resolved. */
export const mayRate = (row: RequestRow) =>
  row.satisfaction === null &&
  row.resolvedAt !== null &&
  (row.status === "resolved" || row.status === "closed");

/** The customer's rating, as both the customer and the desk see it. */
export function ratingOf(row: RequestRow) {
  return row.satisfaction && row.ratedAt
    ? {
        rating: row.satisfaction,
        comment: row.satisfactionComment,
        ratedAt: row.ratedAt.toISOString(),
      }
    : null;
}

/** What the customer may see of their request. */
export async function customerView(deps: AppDeps, row: RequestRow) {
  const events = await listEvents(deps.db, row.id);
  const files = await attachmentsByEvent(deps, row.id);
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
    canRate: mayRate(row),
    satisfaction: ratingOf(row),
    timeline: events.map((e) => ({
      type: e.type,
      author: authorOf(e),
      body: e.body,
      status: e.type === "status-change" ? ((e.data?.to as string | undefined) ?? null) : null,
      attachments: files.get(e.id) ?? [],
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export async function trackRequest(deps: AppDeps, number: string, token: string | undefined) {
  return customerView(deps, await authorizeCustomer(deps, number, token));
}
