import { describe, expect, it } from "vitest";
import { firstSentence, noteAnchor, panelAgreement, QUOTE_MAX_CHARS, type AgreementCell } from "./panel-agreement";

const r = (rating: number, evidence = ""): AgreementCell => ({ rating, notAssessed: false, evidence });
const na = (evidence = ""): AgreementCell => ({ rating: null, notAssessed: true, evidence });

describe("firstSentence", () => {
  it("stops at the first sentence end after the minimum length", () => {
    expect(firstSentence("Designed the cache layer well. Then stalled on eviction.")).toEqual({
      quote: "Designed the cache layer well.",
      shortened: true,
    });
    expect(firstSentence("Asked why twice! Good instinct overall.")).toEqual({
      quote: "Asked why twice! Good instinct overall.",
      shortened: false,
    });
    expect(firstSentence("Did they ship it on time? Yes.").quote).toBe("Did they ship it on time?");
  });

  it("skips an early abbreviation but, predictably, not a later one", () => {
    // "Dr. " at 3 characters is under the minimum: the sentence goes on
    expect(firstSentence("Dr. Lee's question was handled calmly. Next.").quote).toBe(
      "Dr. Lee's question was handled calmly.",
    );
    // "approx. " past the minimum ends the sentence: the rule is simple, not linguistic
    expect(firstSentence("The estimate was good, approx. three weeks.").quote).toBe("The estimate was good, approx.");
  });

  it("stops at a line break and trims", () => {
    expect(firstSentence("  Clear structure from the start\nthen details  ")).toEqual({
      quote: "Clear structure from the start",
      shortened: true,
    });
    expect(firstSentence("Windows line ending here, long\r\nsecond")).toEqual({
      quote: "Windows line ending here, long",
      shortened: true,
    });
    expect(firstSentence("Short.")).toEqual({ quote: "Short.", shortened: false });
    expect(firstSentence("   ")).toEqual({ quote: "", shortened: false });
  });

  it("caps a long sentence at the limit with an ellipsis, never splitting a surrogate pair or a grapheme", () => {
    const long = "a".repeat(500);
    const q = firstSentence(long);
    expect(q.shortened).toBe(true);
    expect(q.quote).toBe("a".repeat(QUOTE_MAX_CHARS - 1) + "…");
    // 😀 is two UTF-16 code units: cutting by code units at 199 would leave a lone surrogate
    const emoji = "😀".repeat(300);
    const e = firstSentence(emoji).quote;
    expect(e).toBe("😀".repeat(QUOTE_MAX_CHARS - 1) + "…");
    expect(e.isWellFormed()).toBe(true);
    // a family emoji is one grapheme of several code points
    const family = "👨‍👩‍👧".repeat(250);
    const f = firstSentence(family).quote;
    expect(f).toBe("👨‍👩‍👧".repeat(QUOTE_MAX_CHARS - 1) + "…");
  });

  it("keeps right-to-left text and markup as plain text", () => {
    expect(firstSentence("הסביר את הפתרון בצורה ברורה. ואז עוד").quote).toBe("הסביר את הפתרון בצורה ברורה.");
    expect(firstSentence("<script>alert(1)</script> was typed here").quote).toBe(
      "<script>alert(1)</script> was typed here",
    );
    expect(firstSentence("設計はとても明確でした、良いです。次に進みました。").quote).toBe(
      "設計はとても明確でした、良いです。次に進みました。",
    );
  });
});

describe("panelAgreement", () => {
  const dims = [
    { id: "d1", name: "Design", weight: 30 },
    { id: "d2", name: "Coding", weight: 40 },
    { id: "d3", name: "Comms", weight: 20 },
    { id: "d4", name: "Ops", weight: 10 },
    { id: "d5", name: "Product", weight: 10 },
  ];

  it("classifies by spread, orders by weight × spread and lists the unassessed apart", () => {
    const out = panelAgreement({
      dimensions: dims,
      scorecards: [
        {
          id: "s1",
          interviewerName: "Ann",
          ratings: { d1: r(2, "Weak on trade-offs, it seemed. More below."), d2: r(4, "Solid."), d3: r(3), d4: na() },
        },
        {
          id: "s2",
          interviewerName: "Bo",
          ratings: { d1: r(5, "Excellent design."), d2: r(5), d4: na("not covered") },
        },
        { id: "s3", interviewerName: "Cy", ratings: { d1: r(4), d2: r(3) } },
      ],
    });
    // d1: spread 3 × 30 = 90; d2: spread 2 × 40 = 80; d3: one rating, 0
    expect(out.dimensions.map((d) => [d.dimensionId, d.kind, d.spread])).toEqual([
      ["d1", "disagreement", 3],
      ["d2", "disagreement", 2],
      ["d3", "single-rating", 0],
    ]);
    expect(out.dimensions[0].ratings).toEqual([
      {
        scorecardId: "s1",
        interviewerName: "Ann",
        rating: 2,
        quote: "Weak on trade-offs, it seemed.",
        shortened: true,
        anchor: noteAnchor("s1", "d1"),
      },
      {
        scorecardId: "s2",
        interviewerName: "Bo",
        rating: 5,
        quote: "Excellent design.",
        shortened: false,
        anchor: "note-s2-d1",
      },
      { scorecardId: "s3", interviewerName: "Cy", rating: 4, quote: "", shortened: false, anchor: "note-s3-d1" },
    ]);
    // Not assessed is not a rating: d4 had two, so no one assessed it
    expect(out.unassessed).toEqual([
      { dimensionId: "d4", name: "Ops", weight: 10, notAssessedBy: ["Ann", "Bo"] },
      { dimensionId: "d5", name: "Product", weight: 10, notAssessedBy: [] },
    ]);
  });

  it("calls a spread of one agreement, and breaks ties by template position", () => {
    const out = panelAgreement({
      dimensions: dims,
      scorecards: [
        { id: "s1", interviewerName: "Ann", ratings: { d1: r(3), d2: r(4), d3: r(2), d4: r(1), d5: r(5) } },
        { id: "s2", interviewerName: "Bo", ratings: { d1: r(4), d2: r(4), d3: r(4), d4: r(3), d5: na() } },
      ],
    });
    // d1 1×30 = 30; d3 2×20 = 40; d4 2×10 = 20; d2 0; d5 single (Bo's Not assessed does not count)
    expect(out.dimensions.map((d) => [d.dimensionId, d.kind])).toEqual([
      ["d3", "disagreement"],
      ["d1", "agreement"],
      ["d4", "disagreement"],
      ["d2", "agreement"],
      ["d5", "single-rating"],
    ]);
    expect(out.dimensions.find((d) => d.dimensionId === "d5")!.notAssessedBy).toEqual(["Bo"]);
    // equal weight × spread (d2 0 and d5 0) keep template order
    const tie = panelAgreement({
      dimensions: [
        { id: "a", name: "A", weight: 20 },
        { id: "b", name: "B", weight: 10 },
        { id: "c", name: "C", weight: 20 },
      ],
      scorecards: [
        { id: "s1", interviewerName: "Ann", ratings: { a: r(1), b: r(1), c: r(3) } },
        { id: "s2", interviewerName: "Bo", ratings: { a: r(3), b: r(5), c: r(5) } },
      ],
    });
    // a 40, b 40, c 40: template order
    expect(tie.dimensions.map((d) => d.dimensionId)).toEqual(["a", "b", "c"]);
  });

  it("is deterministic and ignores ratings of dimensions outside the template", () => {
    const input = {
      dimensions: dims.slice(0, 1),
      scorecards: [{ id: "s1", interviewerName: "Ann", ratings: { d1: r(3), gone: r(1) } }],
    };
    expect(panelAgreement(input)).toEqual(panelAgreement(input));
    expect(panelAgreement(input).dimensions.map((d) => d.dimensionId)).toEqual(["d1"]);
    expect(panelAgreement({ dimensions: dims.slice(0, 1), scorecards: [] })).toEqual({
      dimensions: [],
      unassessed: [{ dimensionId: "d1", name: "Design", weight: 30, notAssessedBy: [] }],
    });
  });
});
