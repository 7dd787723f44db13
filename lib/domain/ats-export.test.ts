import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  GREENHOUSE_RATING_KEYS,
  greenhouseUser,
  toAtsFormat,
  toGreenhouse,
  toMerge,
  type ExportScorecard,
  type GreenhouseRating,
  type GreenhouseScorecard,
} from "./ats-export";
import type { OverallRecommendation, Rating } from "./vocabulary";

// The fixtures in tests/fixtures/ats are written by hand from the published field lists of
// Greenhouse Harvest v1 "Scorecards" and Merge ATS "Scorecard", as those systems send them
// (integer ids in Greenhouse, UUIDs in Merge); the JSON Schemas beside them are written from the
// same lists. The export must validate against the schemas and carry exactly the fixtures' fields.
const dir = path.resolve(import.meta.dirname, "../../tests/fixtures/ats");
const json = (name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validGreenhouse = ajv.compile(json("greenhouse-scorecard.schema.json"));
const validMerge = ajv.compile(json("merge-scorecard.schema.json"));
const greenhouseFixture = json("greenhouse-scorecard.json");
const mergeFixture = json("merge-scorecard.json");

const at = (s: string) => new Date(s);
function card(over: Partial<ExportScorecard> = {}): ExportScorecard {
  return {
    id: "sc1",
    candidateId: "cand1",
    interviewId: "int1",
    interviewer: { id: "u1", name: "Interviewer A" },
    exercise: { id: "ex1", title: "System design" },
    interviewedAt: at("2026-11-30T10:00:00.000Z"),
    createdAt: at("2026-11-30T11:00:00.000Z"),
    updatedAt: at("2026-11-30T12:30:00.000Z"),
    submittedAt: at("2026-11-30T12:00:00.000Z"),
    recommendation: "yes",
    keyTakeaways: "Clear thinker.",
    ratings: [
      { dimensionId: "d1", dimension: "Architecture", rating: 1, notAssessed: false, evidence: "Missed the cache." },
      { dimensionId: "d2", dimension: "Coding", rating: 2, notAssessed: false, evidence: "" },
      { dimensionId: "d3", dimension: "Testing", rating: 3, notAssessed: false, evidence: "Some tests." },
      { dimensionId: "d4", dimension: "Operations", rating: 4, notAssessed: false, evidence: "On-call stories." },
      { dimensionId: "d5", dimension: "Communication", rating: 5, notAssessed: false, evidence: "Very clear." },
      { dimensionId: "d6", dimension: "Mentoring", rating: null, notAssessed: true, evidence: "Not covered." },
    ],
    ...over,
  };
}

const errors = (v: typeof validGreenhouse) => JSON.stringify(v.errors);
const keys = (o: unknown) => Object.keys(o as object).sort();

describe("the hand-written fixtures and schemas", () => {
  it("the published examples validate against the schemas written from the field lists", () => {
    expect(validGreenhouse(greenhouseFixture), errors(validGreenhouse)).toBe(true);
    expect(validMerge(mergeFixture), errors(validMerge)).toBe(true);
  });

  it("the schemas refuse what the field lists do not allow", () => {
    expect(validGreenhouse({ ...greenhouseFixture, overall_recommendation: "mixed" })).toBe(false);
    expect(validGreenhouse({ ...greenhouseFixture, ratings: { no_decision: [] } })).toBe(false);
    expect(validGreenhouse({ ...greenhouseFixture, extra: 1 })).toBe(false);
    expect(validMerge({ ...mergeFixture, overall_recommendation: "MIXED" })).toBe(false);
    const missing = Object.fromEntries(Object.entries(mergeFixture).filter(([k]) => k !== "remote_was_deleted"));
    expect(validMerge(missing)).toBe(false);
  });
});

describe("Greenhouse Harvest v1 scorecards", () => {
  const gh = toGreenhouse(card());

  it("validates against the schema and has exactly the fixture's fields", () => {
    expect(validGreenhouse(gh), errors(validGreenhouse)).toBe(true);
    expect(keys(gh)).toEqual(keys(greenhouseFixture));
    expect(keys(gh.submitted_by)).toEqual(keys(greenhouseFixture.submitted_by));
    expect(keys(gh.interview_step)).toEqual(keys(greenhouseFixture.interview_step));
    expect(keys(gh.ratings)).toEqual(keys(greenhouseFixture.ratings));
    expect(keys(gh.attributes[0])).toEqual(keys((greenhouseFixture.attributes as unknown[])[0]));
    expect(keys(gh.questions[0])).toEqual(keys((greenhouseFixture.questions as unknown[])[0]));
  });

  it("maps 1–5 point for point and Not assessed to no_decision, absent from ratings", () => {
    expect(gh.attributes.map((a) => [a.name, a.rating])).toEqual([
      ["Architecture", "definitely_not"],
      ["Coding", "no"],
      ["Testing", "mixed"],
      ["Operations", "yes"],
      ["Communication", "strong_yes"],
      ["Mentoring", "no_decision"],
    ]);
    expect(gh.ratings).toEqual({
      definitely_not: ["Architecture"],
      no: ["Coding"],
      mixed: ["Testing"],
      yes: ["Operations"],
      strong_yes: ["Communication"],
    });
    expect(Object.values(gh.ratings).flat()).not.toContain("Mentoring");
    expect(gh.attributes.every((a) => a.type === "Dimension")).toBe(true);
  });

  it("never writes a card of only Not assessed as a middle rating", () => {
    const only = toGreenhouse(
      card({
        ratings: [{ dimensionId: "d6", dimension: "Mentoring", rating: null, notAssessed: true, evidence: "" }],
      }),
    );
    expect(only.attributes).toEqual([{ name: "Mentoring", type: "Dimension", note: null, rating: "no_decision" }]);
    expect(Object.values(only.ratings).flat()).toEqual([]);
  });

  it.each<[OverallRecommendation | null, string]>([
    ["strong-no", "definitely_not"],
    ["no", "no"],
    ["yes", "yes"],
    ["strong-yes", "strong_yes"],
    ["no-decision", "no_decision"],
    [null, "no_decision"],
  ])("overall %s is %s", (recommendation, word) => {
    expect(toGreenhouse(card({ recommendation })).overall_recommendation).toBe(word);
  });

  it("carries the interview, the people, the times, the evidence and the key take-aways", () => {
    expect(gh).toMatchObject({
      id: "sc1",
      candidate_id: "cand1",
      application_id: null,
      interview: "System design",
      interview_step: { id: "ex1", name: "System design" },
      interviewed_at: "2026-11-30T10:00:00.000Z",
      submitted_at: "2026-11-30T12:00:00.000Z",
      created_at: "2026-11-30T11:00:00.000Z",
      updated_at: "2026-11-30T12:30:00.000Z",
      submitted_by: { id: "u1", first_name: "Interviewer", last_name: "A", name: "Interviewer A", employee_id: null },
      questions: [{ id: null, question: "Key Take-Aways", answer: "Clear thinker." }],
    });
    expect(gh.interviewer).toEqual(gh.submitted_by);
    expect(gh.attributes[0].note).toBe("Missed the cache.");
    expect(gh.attributes[1].note).toBeNull();
    const none = toGreenhouse(card({ exercise: null }));
    expect([none.interview, none.interview_step]).toEqual(["Interview", null]);
    expect(validGreenhouse(none), errors(validGreenhouse)).toBe(true);
  });

  it("splits one name at its first space", () => {
    expect(greenhouseUser({ id: "x", name: "Jo Ann Example" })).toMatchObject({
      first_name: "Jo",
      last_name: "Ann Example",
    });
    expect(greenhouseUser({ id: "x", name: "Mononym" })).toMatchObject({ first_name: "Mononym", last_name: "" });
  });
});

describe("Merge ATS scorecards", () => {
  const m = toMerge(card());

  it("validates against the schema and has exactly the fixture's fields", () => {
    expect(validMerge(m), errors(validMerge)).toBe(true);
    expect(keys(m)).toEqual(keys(mergeFixture));
    expect(keys(m.field_mappings)).toEqual(keys(mergeFixture.field_mappings));
    expect(keys(m.remote_data[0])).toEqual(keys((mergeFixture.remote_data as unknown[])[0]));
  });

  it("carries the ids, the times and the recommendation in Merge's words", () => {
    expect(m).toMatchObject({
      id: "sc1",
      remote_id: "sc1",
      created_at: "2026-11-30T11:00:00.000Z",
      modified_at: "2026-11-30T12:30:00.000Z",
      application: null,
      interview: "int1",
      interviewer: "u1",
      remote_created_at: "2026-11-30T11:00:00.000Z",
      submitted_at: "2026-11-30T12:00:00.000Z",
      overall_recommendation: "YES",
      remote_was_deleted: false,
    });
    expect(toMerge(card({ recommendation: "strong-no" })).overall_recommendation).toBe("DEFINITELY_NO");
    expect(toMerge(card({ recommendation: "strong-yes" })).overall_recommendation).toBe("STRONG_YES");
    expect(toMerge(card({ recommendation: null })).overall_recommendation).toBe("NO_DECISION");
  });

  it("remote_data has every rating, Not assessed as null and never a number", () => {
    const [{ path: p, data }] = m.remote_data;
    expect(p).toBe("/api/v1/interviews/int1/scorecard");
    expect(data.ratings.map((r) => r.rating)).toEqual([1, 2, 3, 4, 5, null]);
    expect(data.ratings[5]).toEqual({
      dimensionId: "d6",
      dimension: "Mentoring",
      rating: null,
      notAssessed: true,
      evidence: "Not covered.",
    });
    // a row that says Not assessed keeps null even if a stale number came with it
    const stale = toMerge(
      card({ ratings: [{ dimensionId: "d", dimension: "D", rating: 3, notAssessed: true, evidence: "" }] }),
    );
    expect(stale.remote_data[0].data.ratings[0].rating).toBeNull();
    expect(toGreenhouse(card({ ratings: stale.remote_data[0].data.ratings })).attributes[0].rating).toBe("no_decision");
  });
});

describe("round trip: export to Greenhouse, read back", () => {
  // a reader of the export, written here from the documented table alone (docs/decisions/068)
  const BACK: Record<Exclude<GreenhouseRating, "no_decision">, Rating> = {
    definitely_not: 1,
    no: 2,
    mixed: 3,
    yes: 4,
    strong_yes: 5,
  };
  const readBack = (s: GreenhouseScorecard) =>
    s.attributes.map((a) => ({
      dimension: a.name,
      rating: a.rating === "no_decision" ? null : BACK[a.rating],
      notAssessed: a.rating === "no_decision",
    }));

  it("every rating comes back as itself and Not assessed as Not assessed", () => {
    const original = card();
    const [exported] = toAtsFormat("greenhouse", [original]);
    expect(readBack(JSON.parse(JSON.stringify(exported)) as GreenhouseScorecard)).toEqual(
      original.ratings.map((r) => ({ dimension: r.dimension, rating: r.rating, notAssessed: r.notAssessed })),
    );
  });

  it("the ratings object agrees with the attributes read back, Not assessed in none of its lists", () => {
    const exported = toGreenhouse(card());
    const back = readBack(exported);
    for (const k of GREENHOUSE_RATING_KEYS)
      expect(exported.ratings[k]).toEqual(back.filter((b) => b.rating === BACK[k]).map((b) => b.dimension));
    const listed = new Set(Object.values(exported.ratings).flat());
    expect(back.filter((b) => b.notAssessed).every((b) => !listed.has(b.dimension))).toBe(true);
  });

  it("the format switch maps every card, in order", () => {
    const cards = [card({ id: "a" }), card({ id: "b" })];
    expect(toAtsFormat("greenhouse", cards).map((c) => c.id)).toEqual(["a", "b"]);
    expect(toAtsFormat("merge", cards).map((c) => c.id)).toEqual(["a", "b"]);
    expect(toAtsFormat("merge", [])).toEqual([]);
  });
});
