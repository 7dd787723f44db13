// Every form's text fields refuse what neither database can store, with the message next to the
// field (docs/decisions/018): the same schema serves the form, the server action and the route.
import { describe, expect, it } from "vitest";
import { UNSTORABLE_MESSAGE } from "../domain/request-boundary";
import { auditFilterSchema } from "./audit";
import { decisionSchema } from "./decision";
import { searchQuerySchema } from "./fields";
import { candidateSchema, openingSchema } from "./hiring";
import { eraseSchema } from "./privacy";
import { scorecardValuesSchema } from "./scorecard";
import { userCreateSchema } from "./users";

const problems = (r: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}) => (r.error?.issues ?? []).filter((i) => i.message === UNSTORABLE_MESSAGE).map((i) => i.path.join("."));

describe("text fields", () => {
  for (const [what, bad] of [
    ["a NUL", "Ada\u0000Lovelace"],
    ["a lone surrogate", "Ada \uD800 Lovelace"],
  ] as const) {
    it(`refuse ${what}, naming the field, in classic and mini schemas alike`, () => {
      expect(problems(candidateSchema.safeParse({ name: bad, email: "a@b.io", notes: bad }))).toEqual([
        "name",
        "notes",
      ]);
      expect(
        problems(openingSchema.safeParse({ title: bad, roleSlug: "r", hiringManagerId: "m", recruiterId: "r" })),
      ).toEqual(["title"]);
      expect(problems(userCreateSchema.safeParse({ name: bad, email: "a@b.io", roles: ["admin"] }))).toEqual(["name"]);
      expect(
        problems(decisionSchema.safeParse({ outcome: "hire", rationale: `${bad} because of the evidence` })),
      ).toEqual(["rationale"]);
      expect(problems(eraseSchema.safeParse({ reason: `${bad} asked to be forgotten`, confirm: "ERASE" }))).toEqual([
        "reason",
      ]);
      expect(
        problems(
          scorecardValuesSchema.safeParse({
            ratings: { d1: { score: "3", evidence: bad } },
            redFlags: { f1: { observed: true, note: bad } },
            keyTakeaways: bad,
            recommendation: "",
          }),
        ),
      ).toEqual(["ratings.d1.evidence", "redFlags.f1.note", "keyTakeaways"]);
      expect(
        scorecardValuesSchema.safeParse({
          ratings: { [bad]: { score: "3", evidence: "" } },
          redFlags: {},
          keyTakeaways: "",
          recommendation: "",
        }).success,
      ).toBe(false);
      expect(problems(auditFilterSchema.safeParse({ action: bad, entityId: bad }))).toEqual(["action", "entityId"]);
      expect(problems(searchQuerySchema.safeParse({ q: bad }))).toEqual(["q"]);
    });
  }

  it("keep everything else: emoji, right-to-left marks, other control characters", () => {
    for (const ok of ["Zoë 👩🏽‍💻", "\u202Eevil\u202C", "tab\tand\u0001"])
      expect(candidateSchema.safeParse({ name: ok, email: "a@b.io" }).success, ok).toBe(true);
    expect(searchQuerySchema.parse({ q: "x".repeat(300) }).q).toHaveLength(200);
  });
});
