// The comparison from stored sums equals the comparison computed from the scorecards on the same
// data (docs/decisions/061-comparison-from-dimension-sums.md): random ratings, Not assessed, red
// flags and overall recommendations over several candidates and interviewers, raw and calibrated,
// under the role's and what-if weights, on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { apiComparison, getOpeningComparison } from "@/lib/data/comparison";
import { loadScoringScorecards } from "@/lib/data/score-cache";
import { db } from "@/lib/db";
import { compareCandidates } from "@/lib/domain/comparison";
import type { CandidateScore } from "@/lib/domain/scoring";
import { withWeights } from "@/lib/domain/sensitivity";
import { OVERALL_RECOMMENDATIONS } from "@/lib/domain/vocabulary";
import { createCandidate, createInterview, createScorecard } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId: string;
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });

// a fixed-seed generator: the same random data on every run and both databases
let seed = 20260061;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  // a red flag caps only when two interviewers raise it, so both sides of the rule occur
  await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { redFlagMinInterviewers: 2 } });
  const dims = p.version.dimensions.map((d) => d.id);
  const interviewers = [p.users.a, p.users.b, p.users.c];
  const start = Date.now() - 86_400_000;
  for (let i = 0; i < 12; i++) {
    const c = await createCandidate(db, { openingId, name: `Random ${i}`, email: `random${i}@example.com` });
    await db.candidate.update({ where: { id: c.id }, data: { createdAt: new Date(start + (i + 10) * 60_000) } });
    for (const [k, who] of interviewers.entries()) {
      if (random() < 0.2) continue;
      // interviewer a rates a point high, so the calibrated view has an offset to remove
      const lean = who === p.users.a ? 1 : 0;
      const interview = await createInterview(db, {
        candidateId: c.id,
        interviewerId: who.id,
        scheduledAt: new Date(start),
        focusDimensionIds: [],
      });
      await createScorecard(db, {
        interview,
        ratings: dims.flatMap((dimensionId): { dimensionId: string; rating: number | null }[] => {
          const r = random();
          if (r < 0.15) return [];
          if (r < 0.25) return [{ dimensionId, rating: null }];
          return [{ dimensionId, rating: Math.min(5, 1 + Math.floor(random() * 5) + lean) }];
        }),
        redFlags: p.version.redFlags
          .map((f) => f.id)
          .flatMap((redFlagId) => (random() < 0.12 ? [{ redFlagId, note: `Seen ${i}.${k}` }] : [])),
        recommendation: pick([...OVERALL_RECOMMENDATIONS, null]),
        submittedAt: new Date(start + i * 60_000 + k * 1000),
      });
    }
  }
});

/** What the comparison shows of a score (the ratings themselves and flags' notes do not travel). */
const shown = (s: CandidateScore) => ({
  ...s,
  dimensions: s.dimensions.map((d) => ({ ...d, ratings: [] })),
});

describe("the comparison from stored sums", () => {
  it("ranks, scores and recommends as the scorecards do: raw and calibrated, role and what-if weights", async () => {
    const c = await getOpeningComparison(recruiter(), openingId, { blind: false });
    const offsets = new Map(Object.entries(c.calibration.offsets));
    expect([...offsets.values()].some((o) => o.offset !== null && o.offset !== 0)).toBe(true);
    const scorecardsOf = await loadScoringScorecards(db, openingId);
    const fromCards = c.candidates.map((x) => ({ id: x.id, label: x.label, scorecards: scorecardsOf(x.id) }));
    expect(fromCards.filter((x) => x.scorecards.length).length).toBeGreaterThan(8);
    const weights = Object.fromEntries(c.template.dimensions.map((d, i) => [d.id, ((i * 37) % 11) + 1]));
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    const whatIf = withWeights(
      c.template,
      Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, (w * 100) / total])),
    );
    let capped = 0;
    for (const template of [c.template, whatIf])
      for (const calibrated of [false, true]) {
        const o = { calibrated, recommendOn: c.calibration.recommendOn, offsets };
        const a = compareCandidates(template, c.candidates, o);
        const b = compareCandidates(template, fromCards, o);
        expect(a.ranked.map((r) => r.id)).toEqual(b.ranked.map((r) => r.id));
        expect(a.apart.map((r) => r.id)).toEqual(b.apart.map((r) => r.id));
        for (const [i, r] of [...a.ranked, ...a.apart].entries()) {
          const s = [...b.ranked, ...b.apart][i];
          expect(shown(r.score)).toEqual(shown(s.score));
          expect(shown(a.other.get(r.id)!)).toEqual(shown(b.other.get(s.id)!));
          expect(a.recommendationOf(r)).toBe(b.recommendationOf(s));
          if (r.score.recommendation === "no-hire-red-flag") capped++;
        }
      }
    expect(capped).toBeGreaterThan(0);
  });

  it("the API's comparison is the one computed from the scorecards", async () => {
    const api = await apiComparison(recruiter(), openingId, false);
    const c = await getOpeningComparison(recruiter(), openingId, { blind: false });
    const scorecardsOf = await loadScoringScorecards(db, openingId);
    const b = compareCandidates(
      c.template,
      c.candidates.map((x) => ({ id: x.id, label: x.label, scorecards: scorecardsOf(x.id) })),
      { calibrated: false, recommendOn: "raw", offsets: new Map(Object.entries(c.calibration.offsets)) },
    );
    expect(api.ranked.map((r) => [r.candidateId, r.score, r.rawScore, r.calibratedScore])).toEqual(
      b.ranked.map((r) => [r.id, r.score.score, r.score.score, b.bothScores(r).calibrated.score]),
    );
    expect(api.insufficientEvidence.map((r) => r.candidateId)).toEqual(b.apart.map((r) => r.id));
  });
});
