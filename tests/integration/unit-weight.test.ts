// The unit-weight check (docs/decisions/074-unit-weight-check.md) through the data layer and
// /api/v1, on the seeded role's weights 20/20/20/15/10/10/5 and default thresholds (Strong hire
// 4.00, Hire 3.25, Lean no hire 2.50). One interviewer rates every dimension of three candidates:
//   Steady 4 everywhere: weighted 4.00, equal 28/7 = 4.00 → Strong hire both ways.
//   Tilted 4,4,4,4,1,1,1: weighted (80+80+80+60+10+10+5)/100 = 325/100 = 3.25 → Hire (exactly);
//          equal (4·4 + 3·1)/7 = 19/7 = 2.714… → "2.71", Lean no hire: the band flips.
//   Broad  3,3,3,3,3,4,5: weighted (60+60+60+45+30+40+25)/100 = 320/100 = 3.20 → Lean no hire;
//          equal (5·3 + 4 + 5)/7 = 24/7 = 3.428… → "3.43", Hire: the band flips the other way.
// Weighted ranking Steady, Tilted, Broad; equal Steady, Broad, Tilted: the pair #2/#3 swaps.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { operations } from "@/lib/api/operations";
import type { Operation } from "@/lib/api/v1";
import { createApiToken } from "@/lib/data/api-tokens";
import { getCandidateSummary, getCandidateView } from "@/lib/data/candidate-summary";
import { apiComparison } from "@/lib/data/comparison";
import { createCandidate, createInterview, createUser } from "@/seed/factories";
import { api, type ApiResponse } from "../support/api-client";
import { doc, errorsText, schemaValidator } from "../support/openapi-schema";
import { createPanel, submittedRatings } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
const ids: Record<"steady" | "tilted" | "broad", string> = { steady: "", tilted: "", broad: "" };
const tokens: Record<string, string> = {};
let owing: { id: string };
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager"] as const });

function conforms(res: ApiResponse, name: keyof typeof operations, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const op = operations[name] as Operation;
  const ref = (
    doc.paths[op.path] as Record<
      string,
      { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }
    >
  )[op.method.toLowerCase()].responses[String(status)].content["application/json"].schema.$ref;
  const validate = schemaValidator({ $ref: ref });
  expect(validate(res.body), `${name} ${status}: ${errorsText(validate)}`).toBe(true);
  return res.body;
}

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  const dims = p.version.dimensions.map((d) => d.id);
  const ratings = { steady: [4, 4, 4, 4, 4, 4, 4], tilted: [4, 4, 4, 4, 1, 1, 1], broad: [3, 3, 3, 3, 3, 4, 5] };
  for (const key of ["steady", "tilted", "broad"] as const) {
    const c = await createCandidate(db, { openingId, name: key, email: `${key}@example.com`, stage: "interviewing" });
    ids[key] = c.id;
    await submittedRatings(db, c.id, p.users.c.id, dims, (i) => ratings[key][i]);
  }
  // a second recruiter who owes a scorecard on Broad: independent ratings first (docs/decisions/024)
  owing = await createUser(db, { email: "owing@test.local", name: "Owing Recruiter", roles: ["recruiter"] });
  await createInterview(db, {
    candidateId: ids.broad,
    interviewerId: owing.id,
    scheduledAt: new Date(),
    focusDimensionIds: [],
  });
  const admin = await createUser(db, { email: "uw-admin@test.local", name: "Admin", roles: ["admin"] });
  const viewer = { id: admin.id, roles: ["admin"] as const };
  tokens.manager = (await createApiToken(viewer, { userId: p.users.manager.id, name: "Manager scripts" })).token;
  tokens.owing = (await createApiToken(viewer, { userId: owing.id, name: "Owing scripts" })).token;
});

describe("the summary", () => {
  it("has the role's weights as seeded", () => {
    expect(p.version.dimensions).toHaveLength(7);
  });

  it("one quiet line when nothing flips; the flip when the weights decide", async () => {
    const steady = await getCandidateSummary(manager(), ids.steady);
    expect(steady.score.scoreText).toBe("4.00");
    expect(steady.unitWeight).toMatchObject({ counted: 7, rated: 7, scoreExact: "4/1", bandFlips: false });
    expect(steady.unitWeight.text).toBe("Equal weights: 4.00, Strong hire too.");

    const tilted = await getCandidateSummary(manager(), ids.tilted);
    expect(tilted.score).toMatchObject({ scoreText: "3.25", recommendation: "hire" });
    expect(tilted.unitWeight).toMatchObject({
      scoreText: "2.71",
      scoreExact: "19/7",
      recommendation: "lean-no-hire",
      weightedRecommendation: "hire",
      bandFlips: true,
    });
    // a check only: the recommendation stays the weighted one
    expect(tilted.display.recommendation).toBe("Hire");

    const broad = await getCandidateSummary(manager(), ids.broad);
    expect(broad.score).toMatchObject({ scoreText: "3.20", recommendation: "lean-no-hire" });
    expect(broad.unitWeight).toMatchObject({ scoreExact: "24/7", recommendation: "hire", bandFlips: true });
  });

  it("through the API, as documented; withheld from a viewer who owes a scorecard", async () => {
    const body = conforms(
      await api("GET", `/api/v1/candidates/${ids.tilted}/summary`, { token: tokens.manager }),
      "getSummary",
      200,
    );
    expect(body.unitWeight).toMatchObject({ scoreText: "2.71", bandFlips: true, recommendation: "lean-no-hire" });

    const denied = conforms(
      await api("GET", `/api/v1/candidates/${ids.broad}/summary`, { token: tokens.owing }),
      "getSummary",
      200,
    );
    expect(denied.feedbackWithheld).not.toBeNull();
    expect(denied.unitWeight).toBeNull();
    const view = await getCandidateView({ id: owing.id, roles: ["recruiter"] }, ids.broad);
    expect(view.unitWeight).toBeNull();
    // the same viewer sees a candidate they owe nothing on
    const fine = await getCandidateView({ id: owing.id, roles: ["recruiter"] }, ids.tilted);
    expect(fine.unitWeight).toMatchObject({ bandFlips: true });
  });
});

describe("the comparison", () => {
  it("the equal-weight ranking and the pair that swaps", async () => {
    const c = await apiComparison(manager(), openingId, false);
    const mine = new Set(Object.values(ids));
    expect(c.ranked.filter((r) => mine.has(r.candidateId!)).map((r) => r.label)).toEqual(["steady", "tilted", "broad"]);
    // the panel's own two candidates have no scorecards: Insufficient evidence, apart, not in the check
    expect(c.unitWeight.ranking.map((r) => [r.label, r.rank, r.weightedRank, r.check.scoreText])).toEqual([
      ["steady", 1, 1, "4.00"],
      ["broad", 2, 3, "3.43"],
      ["tilted", 3, 2, "2.71"],
    ]);
    expect(c.unitWeight.pairs.map((x) => [x.upperRank, x.lowerRank, x.flips])).toEqual([
      [1, 2, false],
      [2, 3, true],
    ]);
    expect(c.unitWeight.flips).toBe(true);
    expect(c.unitWeight.text).toBe(
      "The role's weights decide part of this: under equal weights 1 adjacent pair swaps and 2 recommendation bands change.",
    );
    // the ranking and the recommendations are unchanged by the check
    expect(c.ranked.find((r) => r.candidateId === ids.tilted)!.recommendation).toBe("hire");
  });

  it("through the API, as documented; blind without ids; a withheld candidate is not in the check", async () => {
    const body = conforms(
      await api("GET", `/api/v1/openings/${openingId}/comparison?blind=1`, { token: tokens.manager }),
      "getComparison",
      200,
    );
    expect(body.unitWeight.ranking.every((r: { candidateId: string | null }) => r.candidateId === null)).toBe(true);
    expect(body.unitWeight.ranking).toHaveLength(3);

    const owed = conforms(
      await api("GET", `/api/v1/openings/${openingId}/comparison`, { token: tokens.owing }),
      "getComparison",
      200,
    );
    expect(owed.feedbackWithheld.map((x: { candidateId: string }) => x.candidateId)).toContain(ids.broad);
    expect(owed.unitWeight.ranking.map((r: { label: string }) => r.label)).toEqual(["steady", "tilted"]);
    expect(JSON.stringify(owed.unitWeight)).not.toContain(ids.broad);
    expect(owed.unitWeight.flips).toBe(true); // Tilted's band still flips
    expect(owed.unitWeight.pairs).toEqual([
      {
        upperRank: 1,
        lowerRank: 2,
        flips: false,
        text: "#1 steady and #2 tilted keep their order under equal weights.",
      },
    ]);
  });
});
