import type { Status } from "@frontline/core";
import type { RequestRow } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { moveRequestStatus } from "./move-request-status.ts";
import { customerView } from "./requests.use-cases.ts";

/** The customer confirms it is solved, closes it, or reopens it, as the lifecycle allows. */
export async function changeStatusAsCustomer(
  deps: AppDeps,
  row: RequestRow,
  to: Status,
  /** What the customer wrote with the move, and the token hashes of its files. */
  message?: { body: string; attachments: readonly string[] },
) {
  const updated = await moveRequestStatus(
    deps,
    row,
    to,
    "customer",
    message ? { message: { type: "customer-message", ...message } } : {},
  );
  return customerView(deps, updated);
}
