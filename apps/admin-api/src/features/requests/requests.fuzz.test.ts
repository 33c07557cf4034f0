import fc from "fast-check";
import { describe, it } from "vitest";
import { replyFields, requestFields, statusFields } from "../../../test/fuzz-fields.ts";
import {
  expectApiAnswer,
  fuzz,
  fuzzApiCalls,
  fuzzApp,
  fuzzRuns,
  send,
  watchForCrashes,
} from "../../../test/fuzz-harness.ts";
import {
  couldName,
  type FuzzCall,
  garbageHeaders,
  garbageHeaderValue,
  garbageNumber,
  garbageQuery,
  jsonPostCalls,
  outOfRangeIdempotencyKeys,
} from "../../../test/fuzz-http.ts";
import type { FieldSpec } from "../../../test/fuzz-inputs.ts";
import { postJson, readJson, validRequest } from "../../../test/test-app.ts";

/**
 * Property-based fuzzing of the customer's side of requests: filing,
 * tracking, replying and changing the status. Thousands of malformed
 * bodies, headers, query strings and numbers; none may earn a 5xx, an
 * answer that is not problem+json, or a single written row.
 */

const TIMEOUT = 180_000;
const crashes = watchForCrashes();

/** An app holding one filed request, whose number and token the fuzz may use. */
async function appWithRequest() {
  const test = await fuzzApp();
  const filed = await readJson(await postJson(test.app, "/api/v1/requests", validRequest));
  return { ...test, number: filed.number as string, token: filed.trackingToken as string };
}

/** The real token, a wrong one, or none. */
const tokens = (real: string) =>
  fc.oneof(
    fc.constant({ real: true, value: real }),
    garbageHeaderValue.map((value) => ({ real: false, value })),
    fc.constant({ real: false, value: undefined }),
  );

describe("fuzzing filing a request", () => {
  it(
    "malformed request bodies and garbage headers never file a request and always get problem+json",
    async () => {
      const { app, db } = await fuzzApp();
      const path = fc.constant("/api/v1/requests");
      const input = jsonPostCalls(path, requestFields, validRequest);
      await fuzzApiCalls({ app, db }, input, fuzzRuns.fileRequest);
      crashes.check();
    },
    TIMEOUT,
  );

  it(
    "an Idempotency-Key out of range refuses even a valid request, with problem+json",
    async () => {
      const { app, db } = await fuzzApp();
      const input = fc.tuple(outOfRangeIdempotencyKeys, fc.option(garbageHeaders, { nil: {} }));
      await fuzz(
        db,
        input,
        { numRuns: fuzzRuns.fileRequestIdempotencyKey },
        async ([key, headers]) => {
          const response = await send(app, {
            method: "POST",
            path: "/api/v1/requests",
            headers: { ...headers, "Content-Type": "application/json", "Idempotency-Key": key },
            body: JSON.stringify(validRequest),
          });
          await expectApiAnswer(response);
        },
      );
      crashes.check();
    },
    TIMEOUT,
  );
});

describe("fuzzing tracking a request", () => {
  it(
    "garbage numbers, tokens, query strings and headers get the request or problem+json, and write nothing",
    async () => {
      const { app, db, number, token } = await appWithRequest();
      const input = fc.record({
        segment: fc.oneof(fc.constant(number), garbageNumber),
        token: tokens(token),
        query: fc.option(garbageQuery, { nil: undefined }),
        headers: fc.option(garbageHeaders, { nil: {} }),
      });
      await fuzz(
        db,
        input,
        { numRuns: fuzzRuns.trackRequest },
        async ({ segment, token, query, headers }) => {
          const call: FuzzCall = {
            method: "GET",
            path: `/api/v1/requests/${segment}${query === undefined ? "" : `?${query}`}`,
            headers: { ...headers, "X-Tracking-Token": token.value },
          };
          await expectApiAnswer(await send(app, call));
        },
      );
      crashes.check();
    },
    TIMEOUT,
  );
});

/**
 * Calls to a customer's write route (`/replies` or `/status`). The real
 * number and token go only with malformed bodies or unreadable headers;
 * a valid body goes only with a wrong token or a number that cannot name
 * the filed request, so no generated call may legitimately write.
 */
function customerWrites(
  route: "replies" | "status",
  fields: Record<string, FieldSpec>,
  validBody: object,
  filed: { number: string; token: string },
): fc.Arbitrary<FuzzCall> {
  const own = `/api/v1/requests/${filed.number}/${route}`;
  const realToken = { "X-Tracking-Token": filed.token };
  const malformed = jsonPostCalls(fc.constant(own), fields, validBody, realToken);
  const wrongNumber = fc
    .tuple(garbageNumber, tokens(filed.token), fc.boolean())
    .filter(([segment, token]) => !(token.real && couldName(segment, filed.number)))
    .chain(([segment, token, validJson]) => {
      const path = fc.constant(`/api/v1/requests/${segment}/${route}`);
      const headers = { "X-Tracking-Token": token.value };
      return validJson
        ? fc.constant({
            method: "POST",
            path: `/api/v1/requests/${segment}/${route}`,
            headers: { ...headers, "Content-Type": "application/json" },
            body: JSON.stringify(validBody),
          })
        : jsonPostCalls(path, fields, validBody, headers);
    });
  const wrongToken = fc.tuple(garbageHeaderValue, fc.option(garbageHeaders, { nil: {} })).map(
    ([token, headers]): FuzzCall => ({
      method: "POST",
      path: own,
      headers: { ...headers, "Content-Type": "application/json", "X-Tracking-Token": token },
      body: JSON.stringify(validBody),
    }),
  );
  return fc.oneof(malformed, wrongNumber, wrongToken);
}

/** The test body for one of the customer's writes, fuzzed on a request of their own. */
const fuzzCustomerWrite =
  (route: "replies" | "status", fields: Record<string, FieldSpec>, body: object, runs: number) =>
  async () => {
    const { app, db, number, token } = await appWithRequest();
    await fuzzApiCalls({ app, db }, customerWrites(route, fields, body, { number, token }), runs);
    crashes.check();
  };

describe("fuzzing a customer's replies and status changes", () => {
  it(
    "malformed replies, numbers, tokens and headers get problem+json and write no reply",
    fuzzCustomerWrite("replies", replyFields, { body: "Thanks." }, fuzzRuns.reply),
    TIMEOUT,
  );

  it(
    "malformed status changes, numbers, tokens and headers get problem+json and change nothing",
    fuzzCustomerWrite("status", statusFields, { status: "closed" }, fuzzRuns.customerStatus),
    TIMEOUT,
  );
});
