import fc from "fast-check";

/**
 * Generators of malformed input for the fuzz tests. Every body generator
 * breaks at least one required field by construction (or is not an object
 * at all), so no generated body is ever a valid request.
 */

/** Characters that trip up parsers, encoders and renderers. */
const edgeChars = [
  "\u0000",
  "\u0001",
  "\u001b",
  "\u007f",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "\u200b",
  "\u200e",
  "\u200f",
  "\u202e",
  "\u2066",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\uffff",
  "\u0301",
  "\u3000",
  "😀",
  "𝕏",
  "\\",
  '"',
  "'",
  "<",
  ">",
  "&",
  "%",
  "/",
  "\t",
  "\n",
  "\r",
];
const anyChar = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(...edgeChars) },
);

/** Any text, lone surrogates, NUL and RTL marks included. */
export const garbageText = (maxLength = 40) => fc.string({ unit: anyChar, maxLength });

/** Names that mean something to JavaScript objects. */
export const prototypeKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
];

/**
 * `min` to `max` code points of one character (zod counts code points, not
 * UTF-16 units); with the default `max`, mostly below the 64 KiB body limit.
 */
export const hugeString = (min: number, max = 60_000) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom("x", "é", "😀", "\u202e"))
    .map(([length, unit]) => unit.repeat(length));

const shallowJson = fc.jsonValue({ maxDepth: 2 });

/** A JSON value that is not a string. */
export const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(shallowJson, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), shallowJson, { maxKeys: 3 }),
);
/** A JSON value that is not a boolean. */
export const notABoolean = fc.oneof(
  fc.constantFrom("true", "false", 0, 1, null, [], {}),
  garbageText(10),
);

/** A string value outside `allowed`, or no string at all. */
export const notOneOf = (allowed: readonly string[]) =>
  fc
    .oneof(
      notAString,
      fc.constantFrom(...prototypeKeys, "", " ", ...allowed.map((a) => `${a.toUpperCase()} `)),
      garbageText(20),
    )
    .filter((value) => !(typeof value === "string" && allowed.includes(value)));

/** Text that is too short after trimming (or no string at all). */
export const tooShort = (min: number) =>
  fc.oneof(
    notAString,
    fc
      .tuple(
        fc.string({ maxLength: Math.max(0, min - 1) }),
        fc.constantFrom("", " ", "\u3000", "\n\t"),
      )
      .map(([text, pad]) => `${pad}${text.trim()}${pad}`),
  );
/** Text that is too long, trimmed or not, yet short enough to reach validation (64 KiB). */
export const tooLong = (max: number) => hugeString(max + 1, Math.min(max * 3, max + 4_000));

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const notASlug = fc
  .oneof(
    notAString,
    fc.constantFrom("", "-", "a--b", "Check-Service", "../etc", "a b", "%2e%2e", "a\u0000"),
    garbageText(20),
  )
  .filter((value) => !(typeof value === "string" && slugPattern.test(value)));

export const articleLists = fc.oneof(
  notAString,
  fc.array(notASlug, { minLength: 1, maxLength: 3 }),
  fc.constant(Array(11).fill("a")),
);

/** How one field of a generated body is sent. */
export interface FieldSpec {
  readonly required: boolean;
  readonly valid: fc.Arbitrary<unknown>;
  readonly invalid: fc.Arbitrary<unknown>;
}
type FieldState =
  | { kind: "valid" | "invalid"; value: unknown; before?: unknown }
  | { kind: "missing" };

const field = (spec: FieldSpec): fc.Arbitrary<FieldState> =>
  fc.oneof(
    spec.valid.map((value) => ({ kind: "valid" as const, value })),
    fc.record(
      { kind: fc.constant("invalid" as const), value: spec.invalid, before: shallowJson },
      { requiredKeys: ["kind", "value"] },
    ),
    fc.constant({ kind: "missing" as const }),
  );

/** Unknown and prototype keys, never a field of the schema. */
const strayKeys = (fields: readonly string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...prototypeKeys), garbageText(12)),
        fc.jsonValue({ maxDepth: 3 }),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.filter(([key]) => !fields.includes(key)));

/**
 * An object body as JSON text, with at least one required field missing or
 * invalid (with `missing`, at least one missing). A broken field may first
 * appear with another value (duplicate keys: the last one wins), and stray
 * keys are written as own properties.
 */
export function brokenObject(
  spec: Record<string, FieldSpec>,
  { missing = false } = {},
): fc.Arbitrary<string> {
  const names = Object.keys(spec);
  const states = fc.record(Object.fromEntries(names.map((n) => [n, field(spec[n] as FieldSpec)])));
  const broken = (s: Record<string, FieldState>, n: string) =>
    spec[n]?.required && (missing ? s[n]?.kind === "missing" : s[n]?.kind !== "valid");
  return fc
    .tuple(
      states.filter((s) => names.some((n) => broken(s, n))),
      strayKeys(names),
      fc.boolean(),
    )
    .map(([fieldStates, stray, strayFirst]) => {
      const entries: [string, unknown][] = [];
      for (const [name, state] of Object.entries(fieldStates)) {
        if (state.kind === "missing") continue;
        if (state.kind === "invalid" && state.before !== undefined)
          entries.push([name, state.before]);
        entries.push([name, state.value]);
      }
      const all = strayFirst ? [...stray, ...entries] : [...entries, ...stray];
      return `{${all.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;
    });
}

/** Deeply nested arrays or objects, up to about 60 KB (under the body limit). */
const deepNesting = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("[", '{"a":', '{"__proto__":'))
  .map(([share, open]) => {
    const depth = 64 + Math.floor(share * (60_000 / (open.length + 1)));
    return `${open.repeat(depth)}1${(open === "[" ? "]" : "}").repeat(depth)}`;
  });

/** Text that JSON.parse refuses. */
const invalidJsonText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "{",
    "}",
    '{"a":}',
    "{'a':1}",
    '{"a":1,}',
    "[1,2",
    "NaN",
    "undefined",
    "{}x",
    "\ufeff{}",
    '{"__proto__":',
    "\u0000",
    '{"a":"\\ud800',
    '{"a":"\\x41"}',
    "nul",
    "01",
  ),
  garbageText(60).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);

/** JSON that is valid but not an object, or an object drowning in unknown keys. */
const wrongTopLevel = fc.oneof(
  fc
    .oneof(
      fc.array(shallowJson, { maxLength: 4 }),
      fc.integer(),
      garbageText(20),
      fc.boolean(),
      fc.constant(null),
    )
    .map((v) => JSON.stringify(v)),
  fc.constantFrom("1e99999", "-0", '"\\u0000"', "[]", "[{}]"),
  fc
    .integer({ min: 100, max: 2_000 })
    .map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(",")}}`),
);

/**
 * Bytes that are not valid UTF-8, spliced anywhere into a body that lacks a
 * required field: decoded as U+FFFD they could lengthen a too-short value
 * into a valid one, but they cannot make up a missing field.
 */
const badUtf8 = (text: string, at: number, bytes: readonly number[]) => {
  const encoded = new TextEncoder().encode(text);
  const cut = Math.min(at, encoded.length);
  return new Uint8Array([...encoded.subarray(0, cut), ...bytes, ...encoded.subarray(cut)]);
};
const invalidBytes = fc.constantFrom(
  [0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80],
  [0xfe, 0xff],
);

/** Any malformed body for an endpoint whose JSON object fields are `spec`. */
export function malformedJsonBody(
  spec: Record<string, FieldSpec>,
): fc.Arbitrary<string | Uint8Array> {
  const object = brokenObject(spec);
  const lacking = brokenObject(spec, { missing: true });
  return fc.oneof(
    { weight: 6, arbitrary: object },
    { weight: 2, arbitrary: invalidJsonText },
    { weight: 2, arbitrary: wrongTopLevel },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: hugeString(64 * 1024 + 1, 70_000) },
    {
      weight: 1,
      arbitrary: fc.tuple(lacking, fc.nat(), invalidBytes).map(([t, at, b]) => badUtf8(t, at, b)),
    },
  );
}
