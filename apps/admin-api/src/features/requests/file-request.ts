import { createHash } from "node:crypto";
import { candidateTenantDomains, type SupportRequestInput } from "@frontline/core";
import {
  createRequest,
  createRequestOnce,
  findCustomerByTenant,
  getIncident,
  IdempotencyConflictError,
  type RequestRow,
} from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { hashTrackingToken, newTrackingToken } from "../../platform/tracking-token.ts";
import {
  asAttachmentProblem,
  uploadHashes,
  withAttachmentChecks,
} from "../attachments/attachments.use-cases.ts";
import { createdMail } from "./request-mail.ts";

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
    attachments: uploadHashes(input.attachments),
    now: deps.clock.now(),
    mail: (row: RequestRow) => createdMail(deps, row, trackingToken),
  };
  // Without a key every submit is a new request, and nothing is kept for replays.
  if (!idempotencyKey) {
    const row = await withAttachmentChecks(() => createRequest(deps.db, request));
    return { ...stored(row), trackingToken };
  }
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
    throw asAttachmentProblem(error);
  }
}
