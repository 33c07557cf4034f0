import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deflectionFields, feedbackFields } from "../../test/fuzz-fields.ts";
import {
  expectApiAnswer,
  fuzz,
  fuzzApiCalls,
  fuzzApp,
  fuzzRuns,
  send,
  watchForCrashes,
} from "../../test/fuzz-harness.ts";
import { garbageHeaders, garbageQuery, jsonPostCalls } from "../../test/fuzz-http.ts";

/**
 * Property-based fuzzing of the help center's public endpoints besides
 * requests: feedback and deflections (JSON bodies), the catalogue and
 * service health (query strings). None may earn a 5xx, an error that is
 * not problem+json, or a written row.
 */

const TIMEOUT = 180_000;
const crashes = watchForCrashes();

const validFeedback = {
  submissionId: "9f4c2a1e-7b3d-4e8f-a6c5-0d1e2f3a4b5c",
  locale: "en",
  article: "reset-mfa",
  helpful: true,
};
const validDeflection = { locale: "de", query: "outlook password", article: "reset-mfa" };

describe("fuzzing the help center's votes", () => {
  it(
    "malformed feedback and garbage headers never record a vote and always get problem+json",
    async () => {
      const { app, db } = await fuzzApp();
      const input = jsonPostCalls(fc.constant("/api/v1/feedback"), feedbackFields, validFeedback);
      await fuzzApiCalls({ app, db }, input, fuzzRuns.feedback);
      crashes.check();
    },
    TIMEOUT,
  );

  it(
    "malformed deflections and garbage headers never record one and always get problem+json",
    async () => {
      const { app, db } = await fuzzApp();
      const input = jsonPostCalls(
        fc.constant("/api/v1/deflections"),
        deflectionFields,
        validDeflection,
      );
      await fuzzApiCalls({ app, db }, input, fuzzRuns.deflection);
      crashes.check();
    },
    TIMEOUT,
  );
});

describe("fuzzing the help center's readings", () => {
  const readings = fc.record({
    query: fc.option(garbageQuery, { nil: undefined }),
    headers: fc.option(garbageHeaders, { nil: {} }),
  });

  const endpoints = [
    ["/api/v1/catalog", fuzzRuns.catalog],
    ["/api/v1/service-health", fuzzRuns.serviceHealth],
  ] as const;
  for (const [path, numRuns] of endpoints) {
    it(
      `garbage query strings and headers on ${path} get JSON or problem+json and write nothing`,
      async () => {
        const { app, db } = await fuzzApp();
        await fuzz(db, readings, { numRuns }, async ({ query, headers }) => {
          const url = query === undefined ? path : `${path}?${query}`;
          await expectApiAnswer(await send(app, { method: "GET", path: url, headers }));
        });
        crashes.check();
      },
      TIMEOUT,
    );
  }
});

describe("the fuzz as a whole", () => {
  it("sends at least 10,000 generated cases across the public endpoints and sign-in", () => {
    const total = Object.values(fuzzRuns).reduce((sum, runs) => sum + runs, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});
