import { describe, expect, it } from "vitest";
import { attachmentDisposition, contentProblem, formatBytes, materialTypeOf, safeFileName } from "./material-file";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("materialTypeOf", () => {
  it("takes an accepted declared type, parameters and case ignored", () => {
    expect(materialTypeOf("text/plain; charset=utf-8", "x.bin")).toBe("text/plain");
    expect(materialTypeOf("IMAGE/PNG", "x")).toBe("image/png");
  });
  it("falls back to the extension only for an empty or generic type", () => {
    expect(materialTypeOf("", "inference.log")).toBe("text/plain");
    expect(materialTypeOf("application/octet-stream", "dash.PNG")).toBe("image/png");
    expect(materialTypeOf(null, "notes.exe")).toBeNull();
  });
  it("refuses a declared type outside the list whatever the name says", () => {
    expect(materialTypeOf("text/html", "page.txt")).toBeNull();
    expect(materialTypeOf("image/svg+xml", "a.png")).toBeNull();
  });
});

describe("contentProblem", () => {
  it("accepts UTF-8 text and a real PNG signature", () => {
    expect(contentProblem("text/plain", bytes("12:00:01 p99=2.4s"))).toBeNull();
    expect(contentProblem("image/png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBeNull();
  });
  it("refuses text that is not UTF-8 or holds NUL, and a binary type without its signature", () => {
    expect(contentProblem("text/plain", new Uint8Array([0xff, 0xfe, 0x41]))).toMatch(/UTF-8/);
    expect(contentProblem("text/csv", bytes("a,b\u0000"))).toMatch(/NUL/);
    expect(contentProblem("image/png", bytes("<svg onload=alert(1)>"))).toMatch(/not a image\/png/);
    expect(contentProblem("application/pdf", bytes("not a pdf"))).not.toBeNull();
    expect(contentProblem("text/plain", new Uint8Array(0))).toMatch(/empty/);
  });
});

describe("safeFileName", () => {
  it("keeps the last path segment without control or header-breaking characters", () => {
    expect(safeFileName("C:\\logs\\..\\inference.log")).toBe("inference.log");
    expect(safeFileName('a"\r\nSet-Cookie: x.txt')).toBe("aSet-Cookie x.txt");
    expect(safeFileName("résumé 📈.txt")).toBe("résumé 📈.txt");
  });
  it("is null for nothing usable or unstorable text", () => {
    expect(safeFileName("../")).toBeNull();
    expect(safeFileName("..")).toBeNull();
    expect(safeFileName("a\u0000.txt")).toBeNull();
    expect(safeFileName("\ud800.txt")).toBeNull();
  });
  it("cuts at 120 characters without splitting an emoji", () => {
    const name = safeFileName("📈".repeat(200))!;
    expect([...name]).toHaveLength(120);
    expect(name.isWellFormed()).toBe(true);
  });
});

describe("attachmentDisposition", () => {
  it("is always an attachment with an ASCII fallback and the UTF-8 name encoded", () => {
    expect(attachmentDisposition("résumé.txt")).toBe(
      `attachment; filename="r_sum_.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt`,
    );
    expect(attachmentDisposition("it's (1).log")).toContain("filename*=UTF-8''it%27s%20%281%29.log");
  });
});

it("formatBytes", () => {
  expect(formatBytes(12)).toBe("12 bytes");
  expect(formatBytes(3 * 1024)).toBe("3 KB");
  expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
});
