import { describe, expect, it } from "vitest";
import { parseCandidateListQuery } from "../validations/candidate-list";
import { filterAndSortCandidates, type CandidateListRow } from "./candidate-list";
import type { Recommendation } from "./scoring";

const row = (
  name: string,
  stage: string,
  score: number | null,
  recommendation: Recommendation,
  o: { flags?: number; split?: boolean; submitted?: number; planned?: number; missing?: number } = {},
): CandidateListRow => ({
  name,
  stage,
  score: {
    score,
    recommendation,
    coverage: 1,
    redFlags: Array.from({ length: o.flags ?? 0 }, () => ({ redFlagId: "f", text: "f", raisedBy: [] })),
    split: { isSplit: !!o.split, causes: [] },
  },
  loop: { planned: o.planned ?? 4, submitted: o.submitted ?? 4, missing: o.missing ?? 0, overdue: 0 },
});

const rows = [
  row("Nadia", "debrief", 4.2, "strong-hire", { submitted: 4 }),
  row("Marcus", "debrief", 3.6, "no-hire-red-flag", { flags: 1, split: true }),
  row("Elena", "interviewing", 3.4, "hire", { submitted: 1, missing: 1 }),
  row("Lina", "applied", null, "insufficient-evidence", { submitted: 0, planned: 0 }),
  row("Omar", "interviewing", 2.1, "no-hire", { split: true, submitted: 2 }),
];
const names = (q: Record<string, string>) =>
  filterAndSortCandidates(rows, parseCandidateListQuery(q)).map((r) => r.name);

describe("candidate list", () => {
  it("sorts by score, highest first, unscored last, by default", () => {
    expect(names({})).toEqual(["Nadia", "Marcus", "Elena", "Omar", "Lina"]);
    expect(names({ sort: "score", dir: "asc" })).toEqual(["Omar", "Elena", "Marcus", "Nadia", "Lina"]);
  });
  it("sorts by name, stage, progress and recommendation", () => {
    expect(names({ sort: "name" })).toEqual(["Elena", "Lina", "Marcus", "Nadia", "Omar"]);
    expect(names({ sort: "stage" })).toEqual(["Lina", "Elena", "Omar", "Marcus", "Nadia"]);
    expect(names({ sort: "progress" })).toEqual(["Marcus", "Nadia", "Omar", "Elena", "Lina"]);
    expect(names({ sort: "recommendation" })).toEqual(["Nadia", "Elena", "Omar", "Marcus", "Lina"]);
  });
  it("filters by recommendation, flag and missing feedback", () => {
    expect(names({ rec: "hire" })).toEqual(["Elena"]);
    expect(names({ flag: "red-flag" })).toEqual(["Marcus"]);
    expect(names({ flag: "split" })).toEqual(["Marcus", "Omar"]);
    expect(names({ missing: "1" })).toEqual(["Elena"]);
    expect(names({ flag: "split", rec: "no-hire" })).toEqual(["Omar"]);
  });
  it("unknown parameters fall back to the defaults instead of failing", () => {
    expect(
      parseCandidateListQuery({ sort: "bogus", dir: "sideways", rec: "maybe", flag: "x", missing: "yes" }),
    ).toEqual({ sort: "score", dir: undefined, rec: undefined, flag: undefined, missing: false });
  });
});
