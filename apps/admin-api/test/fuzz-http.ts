import fc from "fast-check";
import {
  type FieldSpec,
  garbageText,
  hugeString,
  malformedJsonBody,
  prototypeKeys,
} from "./fuzz-inputs.ts";

/**
 * Generators of malformed headers, query strings and path parameters for
 * the fuzz tests. Header values stay within what the WHATWG Headers API
 * accepts (bytes 1-255 without CR and LF): what it throws on never reaches
 * a server.
 */

const headerChar = fc
  .integer({ min: 1, max: 255 })
  .filter((code) => code !== 10 && code !== 13)
  .map((code) => String.fromCharCode(code));

/** Any header value the Request constructor takes, control characters included. */
export const garbageHeaderValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: headerChar, maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: hugeString(1_000, 8_000).map((s) => s.replace(/[^\x20-\xff]/g, "x")) },
);

const either = (...values: string[]) =>
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...values) }, garbageHeaderValue);

export const contentTypes = either(
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "application/json; charset=latin-1",
  'application/json;charset="',
  "APPLICATION/JSON",
  "application/problem+json",
  "application/vnd.api+json",
  "application/jsonx",
  "text/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----fuzz",
  "multipart/form-data",
  "",
  ";",
);

/** Out of range (8-200 characters), or in range with control characters. */
export const idempotencyKeys = fc.oneof(
  fc.string({ maxLength: 7 }),
  hugeString(201, 4_000).map((s) => s.replace(/[^\x21-\x7e]/g, "k")),
  fc.string({ unit: headerChar, minLength: 8, maxLength: 200 }),
  fc.constantFrom(
    "        x",
    "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008",
    "key\u007fkey\u007f",
  ),
);

/** Always shorter than 8 or longer than 200 characters, so the key alone is refused. */
export const outOfRangeIdempotencyKeys = fc.oneof(
  fc.string({ maxLength: 7 }).filter((s) => s.trim() === s),
  hugeString(201, 4_000).map((s) => s.replace(/[^\x21-\x7e]/g, "k")),
);

const authorizations = either(
  "Bearer ",
  "Bearer flt_",
  "Bearer flt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "bearer flt_x",
  "Basic Zm9vOmJhcg==",
  "Bearer \u0001\u0002",
  `Bearer ${"x".repeat(5_000)}`,
);

const headerValues: Record<string, fc.Arbitrary<string>> = {
  "Content-Type": contentTypes,
  "Idempotency-Key": idempotencyKeys,
  Authorization: authorizations,
  Accept: either("*/*", "application/json", "text/html", "application/problem+json;q=0", ""),
  "Accept-Language": either("zh-CN,zh;q=0.9", "de;q=abc", "*;q=-1", ",,,", "en,".repeat(2_000)),
  "Accept-Encoding": either("br", "gzip", "br;q=0, gzip;q=1", "*", "*;q=0", "gzip;q=NaN", "x;q"),
  "X-Tracking-Token": garbageHeaderValue,
  "X-CSRF-Token": garbageHeaderValue,
  Cookie: either("frontline_session=", "frontline_session=%zz", "frontline_session=a; a=b=c", ";;"),
  "X-Forwarded-For": either(
    "::1",
    "::ffff:10.0.0.1",
    "1:2:3:4:5:6:7:8:9",
    ":::",
    "fe80::1%eth0",
    ", ,",
  ),
  "X-Forwarded-Proto": either("https", "HTTPS, http", ""),
  Origin: either("https://evil.example", "null", "https://help.example"),
};

/** One to five of the headers a public endpoint reads (or might), with garbage values. */
export const garbageHeaders = fc
  .subarray(Object.keys(headerValues), { minLength: 1, maxLength: 5 })
  .chain((names) =>
    fc.record(Object.fromEntries(names.map((n) => [n, headerValues[n] as fc.Arbitrary<string>]))),
  );
export type GarbageHeaders = Partial<Record<string, string>>;

/** Bits of query strings: names the routes read, prototype keys, broken percent-encoding. */
const queryPiece = fc.oneof(
  fc.constantFrom(
    "locale",
    "locale[]",
    "locale[0]",
    "LOCALE",
    "de",
    "zh-CN",
    "en",
    "",
    "+",
    "%2B",
    "=",
    "%zz",
    "%",
    "%0",
    "%00",
    "%c0%ae",
    "%ed%a0%80",
    "%ff",
    "%E2%80%AE",
    "%F0%9F%98",
    ...prototypeKeys,
  ),
  fc.string({ maxLength: 12 }),
  garbageText(12),
);

/** A query string with random, repeated and badly encoded keys and values (without "?"). */
export const garbageQuery = fc.oneof(
  fc
    .array(fc.tuple(queryPiece, fc.option(queryPiece, { nil: undefined })), { maxLength: 8 })
    .map((pairs) => pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join("&")),
  fc.constantFrom("&&&", "?", "=&=", "locale=de&locale=it", `locale=${"x".repeat(20_000)}`),
);

/** What might stand where a request number belongs. */
export const garbageNumber = fc.oneof(
  fc.constantFrom(
    "..",
    "%2e%2e",
    ".",
    "%2e",
    "%2F",
    "%2f..%2f",
    "SR-2026-999999",
    "sr-2026-000002",
    "SR-0000-000000",
    "SR-2026-00000001",
    "SR-99999999999999999999-000001",
    `SR-2026-${"9".repeat(400)}`,
    "-1",
    "0",
    "1e309",
    "99999999999999999999999",
    "NaN",
    "%00",
    "%zz",
    "%",
    "%c0%ae%c0%ae",
    "SR\u20102026\u2010000001",
    "\uff33\uff32-2026-000001",
    "SR-\u0662\u0660\u0662\u0666-000001",
    "SR-2026-000001%00",
    "SR-2026-000001\u0000",
    "%F0%9F%98%80",
    "a".repeat(5_000),
    ...prototypeKeys,
  ),
  fc.string({ maxLength: 30 }),
  garbageText(30),
  garbageText(30).map((s) => s.replace(/[^\ud800-\udfff]+/g, (part) => encodeURIComponent(part))),
  fc.bigInt().map(String),
);

/**
 * Whether a path segment could name `number`: it contains the number, as
 * sent or percent-decoded, in any case (the server trims and upper-cases;
 * a containing segment also covers dot segments that lead back to it).
 */
export function couldName(segment: string, number: string): boolean {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Left as sent, as the server does.
  }
  return [segment, decoded].some((s) => s.toUpperCase().includes(number));
}

/** A Content-Type under which no server should read a body as JSON, or none at all. */
export const nonJsonContentType = fc.option(
  contentTypes.filter(
    (type) => !/^application\/([\w.-]+\+)?json$/i.test(type.split(";")[0]?.trim() ?? ""),
  ),
  { nil: undefined },
);

/** A generated call; undefined headers are left out. */
export interface FuzzCall {
  readonly method: string;
  readonly path: string;
  readonly headers?: GarbageHeaders;
  readonly body?: string | Uint8Array;
}

/**
 * Calls to a JSON endpoint: malformed bodies sent as JSON (sometimes with
 * garbage headers), malformed bodies under garbage headers, and a valid
 * body under a Content-Type that is not JSON. `fixed` headers (a tracking
 * token) win over the generated ones.
 */
export function jsonPostCalls(
  path: fc.Arbitrary<string>,
  fields: Record<string, FieldSpec>,
  validBody: object,
  fixed: GarbageHeaders = {},
): fc.Arbitrary<FuzzCall> {
  const body = malformedJsonBody(fields);
  const post = (p: string, headers: GarbageHeaders, b: string | Uint8Array): FuzzCall => ({
    method: "POST",
    path: p,
    headers: { ...headers, ...fixed },
    body: b,
  });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(path, body, fc.option(garbageHeaders, { nil: {} }))
        .map(([p, b, h]) => post(p, { ...h, "Content-Type": "application/json" }, b)),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(path, body, garbageHeaders).map(([p, b, h]) => post(p, h, b)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(path, nonJsonContentType, garbageHeaders)
        .map(([p, type, h]) => post(p, { ...h, "Content-Type": type }, JSON.stringify(validBody))),
    },
  );
}
