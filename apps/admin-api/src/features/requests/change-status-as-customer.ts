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
