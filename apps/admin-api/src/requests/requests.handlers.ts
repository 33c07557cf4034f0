import { label, parseRequestNumber, type SupportRequestInput, statusLabels } from "@frontline/core";
import { createRequest, getRequestByNumber, listEvents, type RequestEventRow } from "@frontline/db";
import type { AppDeps } from "../platform/deps.ts";
import { Problem } from "../platform/problem.ts";
import {
  hashTrackingToken,
  newTrackingToken,
  trackingTokenMatches,
} from "../platform/tracking-token.ts";

/** Stores a validated request and hands the customer its number and secret token. */
export async function fileRequest(deps: AppDeps, input: SupportRequestInput) {
  const trackingToken = newTrackingToken();
  const row = await createRequest(deps.db, {
    input,
    trackingTokenHash: hashTrackingToken(trackingToken),
    now: deps.clock.now(),
  });
  return {
    number: row.number,
    trackingToken,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

const notFound = () =>
  Problem.notFound("No request matches this reference number and tracking token.");

function authorOf(event: RequestEventRow) {
  if (event.actor === "customer") return "customer" as const;
  return event.actor === "operator" ? ("operator" as const) : ("partner" as const);
}

/** What the customer may see of their request, given the right token. */
export async function trackRequest(deps: AppDeps, number: string, token: string | undefined) {
  const row = parseRequestNumber(number)
    ? await getRequestByNumber(deps.db, number.trim().toUpperCase())
    : null;
  if (!trackingTokenMatches(token, row?.trackingTokenHash ?? null) || !row) throw notFound();
  const events = await listEvents(deps.db, row.id);
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
    timeline: events.map((e) => ({
      type: e.type,
      author: authorOf(e),
      body: e.body,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
