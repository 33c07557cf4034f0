import { type AuditEntry, appendEvent, changeStatus, type RequestRow } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { uploadHashes } from "../attachments/attachments.use-cases.ts";
import { replyMail } from "./request-mail.ts";

/**
 * A partner's public answer: on the timeline, mailed to the customer, and
 * the first one stops the first-response clock. The first answer to a new
 * request also moves it to open: someone is on it now, as the customer's
 * page should say. The desk's reply action calls this.
 */
export async function replyAsPartner(
  deps: AppDeps,
  row: RequestRow,
  reply: {
    body: string;
    actor: "agent" | "admin";
    audit?: AuditEntry;
    /** Upload tokens of the files sent with it. */
    attachments?: readonly string[] | undefined;
  },
) {
  const { body, actor, audit } = reply;
  const attachments = uploadHashes(reply.attachments);
  const at = deps.clock.now();
  const mail = replyMail(deps, row, body);
  if (row.status === "new") {
    await changeStatus(
      deps.db,
      {
        requestId: row.id,
        from: "new",
        to: "open",
        actor,
        at,
        message: { type: "reply", body, attachments },
        ...(audit ? { audit } : {}),
      },
      mail,
    );
    return;
  }
  await appendEvent(
    deps.db,
    { requestId: row.id, type: "reply", actor, at, body, visibility: "public", attachments },
    mail,
    { answersCustomer: true, ...(audit ? { audit } : {}) },
  );
}
