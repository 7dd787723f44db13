// Hostile values for fuzzing (fast-check): wrong types, huge and odd strings, markup, SQL,
// spreadsheet formulas, unicode edge cases and prototype-pollution shapes.
import fc from "fast-check";

export const NASTY_STRINGS = [
  "'; DROP TABLE \"Candidate\"; --",
  "\" OR 1=1 --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "=HYPERLINK(\"http://evil.example\",\"click\")",
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "\u0000\u0001\u0002",
  "\uD800",
  "\u202Eevil\u202C",
  "𝕳𝖊𝖑𝖑𝖔 👩🏽‍💻 ﷽",
  "../../../etc/passwd",
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
];

export const hostileString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom("x".repeat(20_001), "é".repeat(70_000)),
);

/** Values that are never a valid string or number field: the wrong type, or pollution shapes. */
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(hostileString, fc.integer()), { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
);

export const anyHostile = fc.oneof(hostileString, wrongType);

/**
 * A payload for a form with these fields that can never be valid: every field hostile, at least
 * one of the required ones of the wrong type, plus hostile extra keys now and then.
 */
export function invalidPayload(fields: readonly string[], required: readonly string[] = fields) {
  return fc
    .record({
      values: fc.tuple(...fields.map(() => anyHostile)),
      broken: fc.constantFrom(...required),
      brokenValue: wrongType,
      extra: fc.option(fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "isAdmin", "role", "id"), anyHostile, { maxKeys: 2 }), { nil: undefined }),
    })
    .map(({ values, broken, brokenValue, extra }) => {
      const out: Record<string, unknown> = Object.create(null);
      fields.forEach((f, i) => (out[f] = values[i]));
      out[broken] = brokenValue;
      if (extra) for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
    });
}
