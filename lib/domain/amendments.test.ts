// A scorecard's history by submission: numbering, the reason on the version the amendment
// produced, and each kind of change.
import { describe, expect, it } from "vitest";
import type { ScorecardValues } from "../validations/scorecard";
import { amendmentLog, changesBetween, submissionHistory, type AmendmentRow } from "./amendments";

const LABELS = {
  dimensions: [
    { id: "sd", name: "System design" },
    { id: "co", name: "Communication" },
  ],
  redFlags: [
    { id: "rf1", text: "Blames others" },
    { id: "rf2", text: "Ignores safety" },
  ],
};

function values(over: Partial<ScorecardValues> = {}): ScorecardValues {
  return {
    ratings: { sd: { score: "4", evidence: "Drew the queue." }, co: { score: "3", evidence: "" } },
    redFlags: { rf1: { observed: false, note: "" }, rf2: { observed: true, note: "Skipped the review." } },
    keyTakeaways: "Solid.",
    recommendation: "strong-yes",
    ...over,
  };
}

const SAM = { id: "u1", name: "Sam Patel" };
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const row = (v: ScorecardValues, when: string, reason: string, submittedAt = at("08:58")): AmendmentRow => ({
  createdAt: at(when),
  reason,
  amendedBy: SAM,
  values: v,
  submittedAt,
});

describe("submissionHistory", () => {
  it("a scorecard never amended has one version, current, at its submission", () => {
    const h = submissionHistory({ values: values(), submittedAt: at("08:58") }, [], LABELS);
    expect(h).toEqual([{ version: 1, values: values(), at: at("08:58"), amendment: null, current: true }]);
  });

  it("numbers versions 1, 2, 3 by submission and hangs each reason on the version it produced", () => {
    const v1 = values();
    const v2 = values({ recommendation: "no" });
    const v3 = values({ recommendation: "no", keyTakeaways: "Solid, but slow." });
    const h = submissionHistory(
      // the current row's submittedAt is the first submission's: an amendment does not move it
      { values: v3, submittedAt: at("08:58") },
      [row(v1, "09:30", "Misread my notes"), row(v2, "10:15", "Added the take-away")],
      LABELS,
    );
    expect(h.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(h.map((v) => v.current)).toEqual([false, false, true]);
    expect(h.map((v) => v.at)).toEqual([at("08:58"), at("09:30"), at("10:15")]);
    expect(h.map((v) => v.values)).toEqual([v1, v2, v3]);
    expect(h[0].amendment).toBeNull();
    expect(h[1].amendment).toMatchObject({ by: SAM, reason: "Misread my notes" });
    expect(h[1].amendment?.changes.map((c) => c.description)).toEqual(["Overall: Strong yes → No"]);
    expect(h[2].amendment).toMatchObject({ by: SAM, reason: "Added the take-away" });
    expect(h[2].amendment?.changes.map((c) => c.description)).toEqual(["Key take-aways edited"]);
  });

  it("version 1 is dated by the first snapshot's submission time", () => {
    const h = submissionHistory({ values: values(), submittedAt: at("11:00") }, [row(values(), "12:00", "r")], LABELS);
    expect(h[0].at).toEqual(at("08:58"));
  });

  it("the amendment log lists only amendments, with the produced version's number", () => {
    const h = submissionHistory(
      { values: values({ recommendation: "no" }), submittedAt: at("08:58") },
      [row(values(), "09:30", "Misread my notes")],
      LABELS,
    );
    expect(amendmentLog(h)).toEqual([
      {
        version: 2,
        amendedAt: at("09:30"),
        amendedBy: SAM,
        reason: "Misread my notes",
        changes: [
          {
            field: "recommendation",
            subject: "Overall",
            subjectId: null,
            from: "Strong yes",
            to: "No",
            description: "Overall: Strong yes → No",
          },
        ],
      },
    ]);
  });
});

describe("changesBetween", () => {
  it("names nothing when nothing changed", () => {
    expect(changesBetween(values(), values(), LABELS)).toEqual([]);
  });

  it("a dimension's rating, with Not assessed and Not rated shown as such", () => {
    const after = values({
      ratings: { sd: { score: "2", evidence: "Drew the queue." }, co: { score: "na", evidence: "" } },
    });
    expect(changesBetween(values(), after, LABELS).map((c) => c.description)).toEqual([
      "System design: 4 → 2",
      "Communication: 3 → Not assessed",
    ]);
    const cleared = values({
      ratings: { sd: { score: "", evidence: "Drew the queue." }, co: { score: "3", evidence: "" } },
    });
    expect(changesBetween(values(), cleared, LABELS)[0]).toMatchObject({ from: "4", to: "Not rated" });
  });

  it("evidence edited, without its text", () => {
    const after = values({
      ratings: { sd: { score: "4", evidence: "Drew the queue twice." }, co: { score: "3", evidence: "" } },
    });
    expect(changesBetween(values(), after, LABELS)).toEqual([
      {
        field: "evidence",
        subject: "System design",
        subjectId: "sd",
        from: null,
        to: null,
        description: "System design: evidence edited",
      },
    ]);
  });

  it("red flags ticked, unticked and a ticked flag's note edited", () => {
    const after = values({
      redFlags: { rf1: { observed: true, note: "Blamed the team." }, rf2: { observed: false, note: "" } },
    });
    expect(changesBetween(values(), after, LABELS).map((c) => c.description)).toEqual([
      "Red flag ticked: Blames others",
      "Red flag unticked: Ignores safety",
    ]);
    const note = values({ redFlags: { rf1: { observed: false, note: "" }, rf2: { observed: true, note: "Other." } } });
    expect(changesBetween(values(), note, LABELS).map((c) => c.description)).toEqual([
      "Red flag note edited: Ignores safety",
    ]);
  });

  it("overall first, then dimensions and flags in template order, take-aways last", () => {
    const after: ScorecardValues = {
      ratings: { sd: { score: "2", evidence: "Other." }, co: { score: "3", evidence: "" } },
      redFlags: { rf1: { observed: true, note: "n" }, rf2: { observed: true, note: "Skipped the review." } },
      keyTakeaways: "Changed.",
      recommendation: "no",
    };
    expect(changesBetween(values(), after, LABELS).map((c) => c.field)).toEqual([
      "recommendation",
      "rating",
      "evidence",
      "redFlag",
      "keyTakeaways",
    ]);
  });

  it("an overall recommendation removed reads as a dash", () => {
    expect(changesBetween(values(), values({ recommendation: "" }), LABELS)[0].description).toBe(
      "Overall: Strong yes → —",
    );
  });
});
