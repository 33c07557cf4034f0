import type { ArticleFeedbackInput } from "@frontline/core";
import type { Db } from "./client.ts";
import { one, tablesOf } from "./client.ts";

/**
 * Records a "Was this helpful?" answer. The same submission sent again (the
 * vote, then a comment) updates the one row rather than counting twice.
 */
export async function recordFeedback(db: Db, feedback: ArticleFeedbackInput, now: Date) {
  const { articleFeedback } = tablesOf(db);
  const values = {
    submissionId: feedback.submissionId,
    locale: feedback.locale,
    article: feedback.article,
    helpful: feedback.helpful,
    comment: feedback.comment ?? null,
  };
  return one(
    db
      .insert(articleFeedback)
      .values({ ...values, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: articleFeedback.submissionId,
        // A repeated vote without a comment keeps the comment sent before.
        set: {
          helpful: values.helpful,
          updatedAt: now,
          ...(feedback.comment === undefined ? {} : { comment: values.comment }),
        },
      })
      .returning(),
  );
}
