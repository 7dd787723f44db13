import { describe, expect, it } from "vitest";
import {
  boundaryProblems,
  isJsonContentType,
  isSameOrigin,
  isStorableText,
  PROTOTYPE_KEY_MESSAGE,
  UNSTORABLE_MESSAGE,
  unstorableParams,
} from "./request-boundary";

describe("storable text", () => {
  it("refuses NUL and unpaired surrogates, keeps everything else (emoji, RTL marks, controls)", () => {
    for (const s of ["\u0000", "ab\u0000cd", "\uD800", "x\uDC00", "\uDBFF\uDBFF\uDC00\uDC00"])
      expect(isStorableText(s), JSON.stringify(s)).toBe(false);
    for (const s of ["", "plain", "👩🏽‍💻", "\u202Eevil\u202C", "\u0001\u0002", "﷽", "\uD83D\uDE00"])
      expect(isStorableText(s), JSON.stringify(s)).toBe(true);
  });
});

describe("boundaryProblems", () => {
  it("names every unstorable value and key by its path", () => {
    const body = JSON.parse(
      '{"values":{"ratings":{"d1":{"evidence":"a\\u0000b"}},"keyTakeaways":"\\ud800"},"list":["ok","\\udc00"],"bad\\u0000key":1}',
    );
    expect(boundaryProblems(body)).toEqual([
      { path: "values.ratings.d1.evidence", message: UNSTORABLE_MESSAGE },
      { path: "values.keyTakeaways", message: UNSTORABLE_MESSAGE },
      { path: "list.1", message: UNSTORABLE_MESSAGE },
      { path: "bad\uFFFDkey", message: UNSTORABLE_MESSAGE },
    ]);
    expect(boundaryProblems("\u0000")).toEqual([{ path: "body", message: UNSTORABLE_MESSAGE }]);
  });

  it("refuses __proto__, constructor and prototype keys anywhere, including the own key JSON.parse makes", () => {
    const body = JSON.parse(
      '{"ratings":{"__proto__":{"polluted":true}},"a":[{"constructor":{"prototype":{}}}],"prototype":1}',
    );
    expect(boundaryProblems(body).map((p) => p.path)).toEqual(["ratings.__proto__", "a.0.constructor", "prototype"]);
    expect(boundaryProblems(body).every((p) => p.message === PROTOTYPE_KEY_MESSAGE)).toBe(true);
    expect(boundaryProblems({ ratings: { d1: { score: "3", evidence: "fine" } }, n: 1, ok: true, none: null })).toEqual(
      [],
    );
  });

  it("walks very deep bodies without recursion and stops after the first problems", () => {
    const deep = JSON.parse(`${"[".repeat(50_000)}"\\u0000"${"]".repeat(50_000)}`);
    expect(boundaryProblems(deep)).toHaveLength(1);
    expect(boundaryProblems(Array.from({ length: 500 }, () => "\u0000"))).toHaveLength(20);
  });
});

describe("content type and origin", () => {
  it("takes application/json with parameters, in any case; nothing else", () => {
    for (const h of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"])
      expect(isJsonContentType(h)).toBe(true);
    for (const h of [
      null,
      "",
      "text/plain",
      "text/plain; application/json",
      "application/json-patch+json",
      "multipart/form-data",
      "application/x-www-form-urlencoded",
    ])
      expect(isJsonContentType(h)).toBe(false);
  });

  it("compares the whole origin: scheme, host and port; 'null' and garbage are foreign", () => {
    const site = "https://scorecards.example.com";
    expect(isSameOrigin(null, site)).toBe(true);
    expect(isSameOrigin("https://scorecards.example.com", site)).toBe(true);
    for (const o of [
      "null",
      "garbage",
      "://",
      "http://scorecards.example.com",
      "https://scorecards.example.com:8443",
      "https://evil.example",
      "https://scorecards.example.com.evil.example",
      "file:///etc/passwd",
      "",
    ]) {
      expect(isSameOrigin(o, site), o).toBe(false);
    }
  });
});

describe("unstorableParams", () => {
  it("names the query parameters whose name or value cannot be stored", () => {
    expect(unstorableParams(new URLSearchParams("q=ab%00cd&ok=1&x%00=2&page=3"))).toEqual([
      { path: "q", message: UNSTORABLE_MESSAGE },
      { path: "x\uFFFD", message: UNSTORABLE_MESSAGE },
    ]);
    expect(unstorableParams(new URLSearchParams("q=50%25&__proto__=1"))).toEqual([]);
  });
});
