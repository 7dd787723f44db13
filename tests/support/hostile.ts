// Hostile values for fuzzing (fast-check): wrong types, huge and odd strings, markup, SQL,
// spreadsheet formulas, unicode edge cases and prototype-pollution shapes.
import fc from "fast-check";

export const NASTY_STRINGS = [
  '\'; DROP TABLE "Candidate"; --',
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  '=HYPERLINK("http://evil.example","click")',
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
      extra: fc.option(
        fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "isAdmin", "role", "id"), anyHostile, {
          maxKeys: 2,
        }),
        { nil: undefined },
      ),
    })
    .map(({ values, broken, brokenValue, extra }) => {
      const out: Record<string, unknown> = Object.create(null);
      fields.forEach((f, i) => (out[f] = values[i]));
      out[broken] = brokenValue;
      if (extra)
        for (const [k, v] of Object.entries(extra))
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
    });
}

// ── the request itself (docs/decisions/018): headers and bodies a handler must refuse ──────────

/** Origin headers that are not the site's: "null", garbage, look-alikes, other schemes and ports. */
export const HOSTILE_ORIGINS = [
  "null",
  "garbage",
  "://",
  "http://",
  "https://evil.example",
  "https://127.0.0.1:3000.evil.example",
  "https://127.0.0.1:3000",
  "http://127.0.0.1:3001",
  "http://localhost:3000",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "chrome-extension://abcdefghijklmnop",
];

/** A hostile Origin: one of the above, or any printable text (a header cannot carry CR, LF or NUL). */
export const hostileOrigin = fc.oneof(
  fc.constantFrom(...HOSTILE_ORIGINS),
  fc.webUrl().filter((u) => new URL(u).origin !== "http://127.0.0.1:3000"),
  fc
    .string({ maxLength: 40 })
    .filter((s) => /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(s) && s !== "http://127.0.0.1:3000"),
);

/** X-Forwarded-* headers a client may send to pass a foreign Origin off as the site's own. */
export const foreignForwarded = fc
  .record({
    host: fc.constantFrom("evil.example", "127.0.0.1:3000", "localhost", "evil.example:443"),
    proto: fc.constantFrom("https", "http", "javascript"),
    for: fc.constantFrom("127.0.0.1", "10.0.0.1, 203.0.113.9", "::1", "garbage"),
  })
  .map((f) => ({
    origin: `${f.proto === "javascript" ? "https" : f.proto}://${f.host}`,
    "x-forwarded-host": f.host,
    "x-forwarded-proto": f.proto,
    "x-forwarded-for": f.for,
  }))
  // the site's own origin is not foreign, whatever else is sent with it
  .filter((h) => h.origin !== "http://127.0.0.1:3000");

/** Content types that do not declare a JSON body (a JSON write must be refused with 415). */
export const NON_JSON_CONTENT_TYPES = [
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "text/json",
  "application/jsonp",
  "application/json-patch+json",
  "application/x-json",
  "text/plain; application/json",
  "",
];

/**
 * A streamed body of `total` bytes in `chunk`-byte pieces that counts what a reader pulled from
 * it: a handler must stop at its limit (pulled ≤ limit + one chunk), never read it whole.
 */
export function countingBody(total: number, chunk = 64 * 1024) {
  const seen = { pulled: 0, cancelled: false };
  const piece = new TextEncoder().encode(" ".repeat(chunk));
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (seen.pulled >= total) return c.close();
      seen.pulled += piece.byteLength;
      c.enqueue(piece);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen, chunk };
}

/** Sizes and chunkings of oversized bodies: just over the limit, a few MB, 64 MB; small and large pieces. */
export const oversizedBody = (limit: number) =>
  fc.record({
    total: fc.constantFrom(limit + 1, Math.max(4 * 1024 * 1024, 2 * limit), 64 * 1024 * 1024),
    chunk: fc.constantFrom(4096, 64 * 1024, 1024 * 1024),
    declared: fc.boolean(),
  });
