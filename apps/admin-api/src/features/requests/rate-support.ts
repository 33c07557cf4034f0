import type { SatisfactionInput } from "@frontline/core";
import {
  AlreadyRatedError,
  getStaffUser,
  listStaffUsers,
  type NewMail,
  type RequestRow,
  rateRequest,
} from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { customerView, mayRate } from "./requests.use-cases.ts";

/**
 * What the assignee reads when a customer is unhappy: the rating reopens
 * nothing, but someone should look. Staff mail is in English, the desk's
 * language.
 */
function badRatingMail(
  deps: AppDeps,
  row: RequestRow,
  to: string,
  comment: string | null,
): NewMail {
  const lines = [
    `The customer rated the support on ${row.number} bad.`,
    comment ? `They wrote:\n\n${comment}` : "They left no comment.",
    "The request stays as it is; open it to decide what to do:",
    `${deps.config.publicUrl}/admin/requests/${row.number}`,
  ];
  return {
    kind: "satisfaction-bad",
    recipient: to,
    locale: "en",
    subject: `[${row.number}] Rated bad: ${row.subject}`,
    body: `${lines.join("\n\n")}\n`,
  };
}

/** Who hears of a bad rating: the agent on the request, or, when nobody is, every admin. */
async function whoLooks(deps: AppDeps, row: RequestRow): Promise<string[]> {
  const assignee = row.assigneeId ? await getStaffUser(deps.db, row.assigneeId) : null;
  if (assignee && !assignee.disabled) return [assignee.email];
  return (await listStaffUsers(deps.db))
    .filter((u) => u.role === "admin" && !u.disabled)
    .map((u) => u.email);
}

/** The customer rates the support once, good or bad, with an optional comment. */
export async function rateSupport(deps: AppDeps, row: RequestRow, input: SatisfactionInput) {
  if (row.satisfaction !== null) throw problems.alreadyRated();
  if (!mayRate(row)) throw problems.ratingNotPossible();
  const comment = input.comment?.trim() || null;
  const mails =
    input.rating === "bad"
      ? (await whoLooks(deps, row)).map((to) => badRatingMail(deps, row, to, comment))
      : [];
  try {
    const rated = await rateRequest(
      deps.db,
      { requestId: row.id, rating: input.rating, comment, at: deps.clock.now() },
      mails,
    );
    return customerView(deps, rated);
  } catch (error) {
    if (error instanceof AlreadyRatedError) throw problems.alreadyRated();
    throw error;
  }
}
