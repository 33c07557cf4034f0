import { existsSync } from "node:fs";
import { join } from "node:path";
import { articleFeedbackSchema } from "@frontline/core";
import { recordFeedback } from "@frontline/db";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps.ts";
import { createRouter, jsonBody, jsonResponse, problemResponses } from "../../platform/openapi.ts";
import { problems } from "../../platform/problems.ts";

const feedbackRoute = createRoute({
  method: "post",
  path: "/api/v1/feedback",
  tags: ["Help center"],
  summary: 'Record a "Was this helpful?" answer',
  description:
    "Sending the same submissionId again (the vote, then a comment) updates that answer instead of counting it twice.",
  request: { body: jsonBody(articleFeedbackSchema) },
  responses: {
    201: jsonResponse(z.object({ recorded: z.literal(true) }), "Recorded"),
    ...problemResponses(400, 415, 422),
  },
});

/**
 * When the server knows the built help center, feedback about an article
 * that does not exist is refused rather than stored.
 */
function articleExists(dist: string | null, article: string): boolean {
  return dist === null || existsSync(join(dist, "en", "articles", article, "index.html"));
}

export function feedbackApi(deps: AppDeps) {
  const router = createRouter();
  return router.openapi(feedbackRoute, async (c) => {
    const feedback = c.req.valid("json");
    if (!articleExists(deps.config.helpCenterDist, feedback.article)) {
      throw problems.validation([
        {
          field: "article",
          message: "There is no article with this slug.",
          code: "unknown_article",
        },
      ]);
    }
    await recordFeedback(deps.db, feedback, deps.clock.now());
    return c.json({ recorded: true as const }, 201);
  });
}
