import { appendEvent, getRequestByNumber, type RequestRow } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { uploadHashes, withAttachmentChecks } from "../attachments/attachments.use-cases.ts";
import { changeStatusAsCustomer } from "./change-status-as-customer.ts";
import { customerView } from "./requests.use-cases.ts";

/**
 * A customer's reply. Answering a question puts the request back in
 * progress; replying to a resolved request reopens it within the window.
 */
export async function replyAsCustomer(
  deps: AppDeps,
  row: RequestRow,
  reply: { body: string; attachments?: readonly string[] | undefined },
) {
  const { body } = reply;
  const attachments = uploadHashes(reply.attachments);
  if (row.status === "waiting-on-customer" || row.status === "resolved") {
    return withAttachmentChecks(() =>
      changeStatusAsCustomer(deps, row, "open", { body, attachments }),
    );
  }
  if (row.status === "closed") {
    throw problems.requestClosed("Please file a new request and mention its number.");
  }
  await withAttachmentChecks(() =>
    appendEvent(deps.db, {
      requestId: row.id,
      type: "customer-message",
      actor: "customer",
      at: deps.clock.now(),
      body,
      attachments,
    }),
  );
  return customerView(deps, (await getRequestByNumber(deps.db, row.number)) ?? row);
}
