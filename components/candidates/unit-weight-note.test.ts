// The unit-weight check's line on the summary (docs/decisions/074-unit-weight-check.md): quiet when
// the band holds, a labelled note when the role's weights decide.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { scorecard as card, scoringTemplate } from "@/tests/support/builders";
import { scoreCandidate } from "@/lib/domain/scoring";
import { unitWeightCheck } from "@/lib/domain/unit-weight";
import { UnitWeightNote } from "./unit-weight-note";

const T = scoringTemplate([
  ["A", 50],
  ["B", 30],
  ["C", 20],
]);
const html = (ratings: Record<string, number>) =>
  renderToStaticMarkup(createElement(UnitWeightNote, { check: unitWeightCheck(scoreCandidate(T, [card(ratings)])) }));

describe("UnitWeightNote", () => {
  it("one quiet line when the band holds", () => {
    // weighted 3.80, equal 11/3 = 3.67: Hire both ways
    const out = html({ A: 4, B: 4, C: 3 });
    expect(out).toContain("Equal weights: 3.67, Hire too.");
    expect(out).not.toContain('role="note"');
  });

  it("a labelled note when the weights decide", () => {
    // weighted 3.60 Hire, equal 9/3 = 3.00 Lean no hire
    const out = html({ A: 5, B: 3, C: 1 });
    expect(out).toContain('role="note"');
    expect(out).toContain('aria-label="Unit-weight check"');
    expect(out).toContain("Unit-weight check: </span>The role&#x27;s weights decide this");
    expect(out).toContain("the score is 3.00, Lean no hire, not Hire.");
  });
});
