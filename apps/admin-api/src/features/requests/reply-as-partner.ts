import { type AuditEntry, appendEvent, type RequestRow } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { replyMail } from "./request-mail.ts";

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
