import { describe, expect, it } from "vitest";
import { belowCapNote, cappedText, flagCapStatus, flagCaps, redFlagRuleText } from "./red-flag-cap";

const raised = (text: string, ...ids: string[]) => ({
  text,
  raisedBy: ids.map((interviewerId) => ({ interviewerId })),
});

describe("the red-flag cap's rule and words (docs/decisions/058)", () => {
  it("states the role's rule for 1 and for more", () => {
    expect(redFlagRuleText(1)).toBe("Any red flag caps the recommendation at No hire (red flag).");
    expect(redFlagRuleText(2)).toBe(
      "A red flag caps the recommendation at No hire (red flag) when raised by at least 2 interviewers.",
    );
  });
  it("caps on distinct interviewers", () => {
    expect(flagCaps(raised("x", "a"), 1)).toBe(true);
    expect(flagCaps(raised("x", "a", "a"), 2)).toBe(false);
    expect(flagCaps(raised("x", "a", "b"), 2)).toBe(true);
    expect(flagCaps(raised("x"), 1)).toBe(false);
  });
  it("words the deciding rule and the note", () => {
    expect(cappedText([raised("x", "a")], 1)).toBe("1 red flag was observed on a submitted scorecard.");
    expect(cappedText([raised("Blames others", "a", "b", "c"), raised("Ignores security", "a", "b")], 3)).toBe(
      "“Blames others” was raised by 3 interviewers; “Ignores security” was raised by 2 interviewers; a red flag caps the recommendation when raised by at least 3.",
    );
    expect(belowCapNote(0, 2)).toBe("");
    expect(belowCapNote(1, 3)).toBe(
      " 1 red flag was raised by fewer than 3 interviewers, so it does not cap the recommendation.",
    );
  });
});

describe("flagCapStatus", () => {
  const by = (...ids: string[]) => ({ raisedBy: ids.map((interviewerId) => ({ interviewerId })) });
  it("says nothing when any red flag caps", () => {
    expect(flagCapStatus(by("a"), 1)).toBeNull();
  });
  it("says whether the flag caps, counting each interviewer once", () => {
    expect(flagCapStatus(by("a", "a"), 2)).toBe(
      "Does not cap the recommendation: raised by 1 interviewer; this role needs 2.",
    );
    expect(flagCapStatus(by("a", "b"), 2)).toBe(
      "Caps the recommendation: raised by 2 interviewers; this role needs 2.",
    );
  });
});
