import fc from "fast-check";
import { describe, it } from "vitest";
import { staffWithPassword, TEST_PASSWORD } from "../../../test/browser.ts";
import {
  expectPageAnswer,
  fuzz,
  fuzzApp,
  fuzzRuns,
  send,
  watchForCrashes,
} from "../../../test/fuzz-harness.ts";
import { contentTypes, garbageHeaders, garbageHeaderValue } from "../../../test/fuzz-http.ts";
import { garbageText, hugeString, prototypeKeys } from "../../../test/fuzz-inputs.ts";

/**
 * Property-based fuzzing of the console's sign-in form, the one console
 * page anyone may post to. Every answer must be a readable page or a
 * redirect, never a 5xx; no session may start (no generated password is
 * right), and only the rows sign-in writes by design (the audit log and
 * the throttle) may appear.
 */

const TIMEOUT = 180_000;
const crashes = watchForCrashes();

/** The double-submit token: sent as the sign-in cookie and, when it should match, as _csrf. */
const SIGN_IN_TOKEN = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz-_0";
const EMAIL = "admin.person@partner.example";

const matchingCookie = `frontline_sign_in=${SIGN_IN_TOKEN}`;
const cookies = fc.oneof(
  fc.constant(matchingCookie),
  fc.constant(`frontline_session=${"x".repeat(43)}; ${matchingCookie}`),
  garbageHeaderValue.map((value) => `frontline_sign_in=${value}`),
  garbageHeaderValue,
  fc.constant(undefined),
);

const formValue = fc.oneof(
  { weight: 6, arbitrary: garbageText(30) },
  { weight: 1, arbitrary: hugeString(1_000, 20_000) },
  { weight: 2, arbitrary: fc.constantFrom("", " ", "%zz", "\u0000", ...prototypeKeys) },
);
const filled = garbageText(30).filter((text) => text.trim() !== "");

/** Never the right password, in any normalisation. */
const isRight = (password: string) => password.normalize("NFKC") === TEST_PASSWORD;

/** Names a form might carry besides its own: prototype keys, repeats, garbage. */
const strayPairs = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom(...prototypeKeys, "_csrf", "email[]", "next"), garbageText(10)),
    formValue,
  ),
  { maxLength: 3 },
);

/** A form that passes the CSRF check and reaches the password check (or the lock). */
const honestPairs = fc
  .tuple(
    fc.oneof(fc.constantFrom(EMAIL, ` ${EMAIL.toUpperCase()} `, "nobody@partner.example"), filled),
    filled.filter((p) => !isRight(p)),
    fc.option(formValue, { nil: undefined }),
    strayPairs,
  )
  .map(([email, password, next, stray]): [string, string][] => [
    ["_csrf", SIGN_IN_TOKEN],
    ["email", email],
    ["password", password],
    ...(next === undefined ? [] : [["next", next] as [string, string]]),
    ...stray.filter(([name]) => name !== "password" && name !== "_csrf"),
  ]);

/** Any fields at all, each present or not. */
const anyPairs = fc
  .tuple(
    fc.record(
      {
        _csrf: fc.oneof(fc.constant(SIGN_IN_TOKEN), formValue),
        email: formValue,
        password: formValue,
        next: formValue,
      },
      { requiredKeys: [] },
    ),
    strayPairs,
  )
  .map(([named, stray]) => [...Object.entries(named), ...stray])
  .filter((all) => !all.some(([name, value]) => name === "password" && isRight(value)));

function multipart(boundary: string, entries: [string, string][]): string {
  const parts = entries.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${parts.join("")}--${boundary}--\r\n`;
}

const urlencoded = "application/x-www-form-urlencoded";
type Form = { type: string | undefined; body: string; cookie: string | undefined };

/** Forms as browsers send them, broken forms, and bodies that are no form at all. */
const forms: fc.Arbitrary<Form> = fc.oneof(
  {
    weight: 6,
    arbitrary: honestPairs.map((p) => ({
      type: urlencoded,
      body: new URLSearchParams(p).toString(),
      cookie: matchingCookie,
    })),
  },
  {
    weight: 1,
    arbitrary: honestPairs.map((p) => ({
      type: "multipart/form-data; boundary=fuzz",
      body: multipart("fuzz", p),
      cookie: matchingCookie,
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(anyPairs, cookies).map(([p, cookie]) => ({
      type: urlencoded,
      body: new URLSearchParams(p).toString(),
      cookie,
    })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(honestPairs, garbageText(60)).map(([p, junk]) => ({
      type: `${urlencoded}; charset=utf-16`,
      body: `${new URLSearchParams(p).toString()}&${junk}%zz=%&=`,
      cookie: matchingCookie,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        anyPairs,
        fc.constantFrom(
          "multipart/form-data",
          "multipart/form-data; boundary=",
          "multipart/form-data; boundary=fuzz",
          "multipart/form-data; boundary=other",
        ),
        cookies,
      )
      .map(([p, type, cookie]) => ({ type, body: multipart("fuzz", p), cookie })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(contentTypes, garbageText(200), cookies)
      .map(([type, body, cookie]) => ({ type, body, cookie })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(anyPairs, cookies).map(([p, cookie]) => ({
      type: "application/json",
      body: JSON.stringify(Object.fromEntries(p)),
      cookie,
    })),
  },
  { weight: 1, arbitrary: cookies.map((cookie) => ({ type: undefined, body: "", cookie })) },
);

describe("fuzzing the console's sign-in form", () => {
  it(
    "garbage sign-in forms and headers get a page or a redirect, and start no session",
    async () => {
      const { app, db } = await fuzzApp();
      await staffWithPassword(db, "admin");
      const input = fc.record({ form: forms, headers: fc.option(garbageHeaders, { nil: {} }) });
      // sqlite_sequence holds the audit log's AUTOINCREMENT counter.
      const writes = ["audit_log", "sign_in_throttle", "sqlite_sequence"];
      await fuzz(db, input, { numRuns: fuzzRuns.signIn, writes }, async ({ form, headers }) => {
        const response = await send(app, {
          method: "POST",
          path: "/admin/sign-in",
          headers: { ...headers, "Content-Type": form.type, Cookie: form.cookie },
          body: form.body,
        });
        await expectPageAnswer(response);
      });
      crashes.check();
    },
    TIMEOUT,
  );
});
