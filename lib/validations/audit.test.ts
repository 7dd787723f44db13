import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "./audit";

describe("auditFilterSchema", () => {
  it("drops empty fields and coerces the page", () => {
    expect(auditFilterSchema.parse({ action: "", actor: "u1", page: "3" })).toEqual({ actor: "u1", page: 3 });
  });
  it("refuses malformed dates and a range that runs backwards", () => {
    expect(auditFilterSchema.safeParse({ from: "23/11/2026" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "2026-02-31" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "2026-02-28" }).success).toBe(true);
    const r = auditFilterSchema.safeParse({ from: "2026-11-23", to: "2026-11-01" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["to"]);
  });
});
