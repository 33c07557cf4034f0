/**
 * The customer's one rating of the support: kept on the request (for the
 * queue's filter and insights), noted on the desk's timeline, and, when it
 * is bad, mailed to whoever must look at it, all in one transaction.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, first, tablesOf, withTransaction } from "./client.ts";
import { enqueueMail, type NewMail } from "./outbox.ts";
import { insertEvent } from "./request-timeline.ts";
import type { RequestRow } from "./requests.ts";

export type Satisfaction = "good" | "bad";

/** The request was rated before: a rating is given once. */
export class AlreadyRatedError extends Error {}

export interface Rating {
  readonly requestId: number;
  readonly rating: Satisfaction;
  readonly comment: string | null;
  readonly at: Date;
}

export async function rateRequest(
  db: Db,
  rating: Rating,
  mails: readonly NewMail[] = [],
): Promise<RequestRow> {
  const { requests } = tablesOf(db);
  return withTransaction(db, async (tx) => {
    const rated = await first(
      tx
        .update(requests)
        .set({
          satisfaction: rating.rating,
          satisfactionComment: rating.comment,
          ratedAt: rating.at,
          updatedAt: rating.at,
          version: sql`${requests.version} + 1`,
        })
        .where(and(eq(requests.id, rating.requestId), isNull(requests.satisfaction)))
        .returning(),
    );
    if (!rated) throw new AlreadyRatedError();
    await insertEvent(tx, {
      requestId: rating.requestId,
      type: "internal-note",
      actor: "customer",
      at: rating.at,
      visibility: "internal",
      body: rating.comment,
      data: {
        kind: "satisfaction",
        rating: rating.rating,
        summary: `The customer rated the support ${rating.rating}.`,
      },
    });
    for (const mail of mails) await enqueueMail(tx, rating.requestId, mail, rating.at);
    return rated;
  });
}
