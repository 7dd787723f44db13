// The calibrated view (docs/decisions/039-calibrated-view-offsets.md) on a constructed panel where
// one interviewer (D) rates one point above everyone on everything. Four history candidates are
// rated by A, B and D on every dimension; then T1 is interviewed by D alone and T2 by A alone, both
// 4 on everything. Raw, they tie at 4.00; calibrated, D's +2/3 and A's −1/3 (the additive model,
// centred: docs/decisions/012) come off: T1 3.33, T2 4.33. The recommendation stays raw unless the
// role says calibrated.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listOpeningCandidates } from "@/lib/data/candidate-list";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { apiComparison, getOpeningComparison } from "@/lib/data/comparison";
import { recordDecision } from "@/lib/data/decisions";
import { getRaterOffsets } from "@/lib/data/rater-offsets";
import { getRoleTemplate, toRoleTemplateJson } from "@/lib/data/role-templates";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { rankCandidates } from "@/lib/domain/sensitivity";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";
import { createCandidate, createUser } from "@/seed/factories";
import { createPanel, submittedRatings } from "../support/panel";
import { sleep } from "../support/race";
import { recomputeAllScores } from "@/lib/data/candidate-scores";

let p: Awaited<ReturnType<typeof createPanel>>;
let d: { id: string };
let dims: string[];
let openingId: string;
const t: Record<"T1" | "T2", string> = { T1: "", T2: "" };
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager"] as const });
const currentRole = async () => toRoleTemplateJson((await getRoleTemplate("lead-ai-platform-engineer"))!.version);

const rate = (candidateId: string, interviewerId: string, rating: (dim: number) => number) =>
  submittedRatings(db, candidateId, interviewerId, dims, rating);

/**
 * Runs `body` with one more history candidate, rated `rating` on everything by A, B and D, and
 * removes that candidate afterwards: the other tests read the offsets of the panel described above.
 */
async function withHistory(name: string, rating: number, body: () => Promise<void>) {
  const cand = await createCandidate(db, {
    openingId,
    name,
    email: `${name.replace(" ", "").toLowerCase()}@example.com`,
    stage: "interviewing",
  });
  try {
    for (const who of [p.users.a.id, p.users.b.id, d.id]) await rate(cand.id, who, () => rating);
    await body();
  } finally {
    await db.candidate.delete({ where: { id: cand.id } });
  }
}

beforeAll(async () => {
  p = await createPanel(db);
  dims = p.version.dimensions.map((x) => x.id);
  d = await createUser(db, { email: "interviewer-d@test.local", name: "Interviewer D", roles: ["interviewer"] });
  openingId = (
    await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id }, select: { openingId: true } })
  ).openingId;
  for (let h = 0; h < 4; h++) {
    const cand = await createCandidate(db, {
      openingId,
      name: `History ${h}`,
      email: `h${h}@example.com`,
      stage: "interviewing",
    });
    const base = (i: number) => 2 + ((h + i) % 3); // 2, 3 or 4: D's +1 stays within 1–5
    await rate(cand.id, p.users.a.id, base);
    await rate(cand.id, p.users.b.id, base);
    await rate(cand.id, d.id, (i) => base(i) + 1);
  }
  // C shares one candidate with E on every dimension: fewer than 10 shared ratings when the role has fewer than 10 dimensions
  const e = await createUser(db, { email: "interviewer-e@test.local", name: "Interviewer E", roles: ["interviewer"] });
  const few = await createCandidate(db, { openingId, name: "Few", email: "few@example.com", stage: "interviewing" });
  await rate(few.id, e.id, () => 3);
  await rate(few.id, p.users.c.id, () => 3);
  for (const [key, who] of [
    ["T1", d.id],
    ["T2", p.users.a.id],
  ] as const) {
    const cand = await createCandidate(db, {
      openingId,
      name: key,
      email: `${key}@example.com`,
      stage: "interviewing",
    });
    await rate(cand.id, who, () => 4);
    t[key] = cand.id;
  }
});

describe("the calibrated view", () => {
  it("measures D at +1 against co-panelists and removes +2/3 (A: −0.5 and −1/3)", async () => {
    const { leniency } = await getRaterOffsets(db);
    expect(leniency.get(d.id)).toMatchObject({ shared: 4 * dims.length, enough: true });
    expect(leniency.get(d.id)!.meanDiff).toBeCloseTo(1, 9);
    expect(leniency.get(d.id)!.offset).toBeCloseTo(2 / 3, 6);
    expect(leniency.get(p.users.a.id)!.shared).toBe(4 * dims.length);
    expect(leniency.get(p.users.a.id)!.meanDiff).toBeCloseTo(-0.5, 9);
    expect(leniency.get(p.users.b.id)!.offset).toBeCloseTo(-1 / 3, 6);
    expect(dims.length).toBeLessThan(10);
    expect(leniency.get(p.users.c.id)).toMatchObject({ shared: dims.length, enough: false, offset: null });
  });

  it("the summary shows both scores; the recommendation stays on the raw score", async () => {
    const s1 = await getCandidateSummary(recruiter(), t.T1);
    expect(s1.calibration.recommendOn).toBe("raw");
    expect(s1.calibration.raw.score).toBeCloseTo(4, 9);
    expect(s1.calibration.calibrated.score).toBeCloseTo(4 - 2 / 3, 6);
    expect(s1.calibration.calibratedDisplay.score).toBe("3.33");
    expect(s1.calibration.calibrated.recommendation).toBe("hire");
    expect(s1.score.recommendation).toBe("strong-hire");
    expect(s1.display).toEqual(s1.calibration.rawDisplay);
    // the unit-weight check is of the headline, raw here: 4 on every dimension, 4.00 equally weighted too
    expect(s1.unitWeight).toMatchObject({ scoreText: "4.00", recommendation: "strong-hire", bandFlips: false });
    expect(s1.calibration.adjustments).toEqual([
      {
        interviewerId: d.id,
        interviewerName: "Interviewer D",
        offset: expect.closeTo(2 / 3, 6),
        shared: 4 * dims.length,
      },
    ]);
    const s2 = await getCandidateSummary(recruiter(), t.T2);
    expect(s2.calibration.calibrated.score).toBeCloseTo(4 + 1 / 3, 6);
  });

  it("the comparison carries each interviewer's offset: calibrated, T2 ranks above T1; raw, they tie", async () => {
    const c = await getOpeningComparison(manager(), openingId, { blind: false });
    expect(c.calibration.offsets[d.id].offset).toBeCloseTo(2 / 3, 6);
    expect(c.calibration.offsets[p.users.c.id]).toEqual({ offset: null, shared: dims.length });
    const inputs = c.candidates
      .filter((x) => x.id === t.T1 || x.id === t.T2)
      .map((x) => ({ id: x.id, label: x.label, tally: x.raw, calibrated: x.calibrated }));
    const raw = rankCandidates(c.template, inputs).ranked;
    expect(raw.map((r) => r.score.score)).toEqual([4, 4]);
    const calibrated = rankCandidates(
      c.template,
      inputs.map((x) => ({ ...x, tally: x.calibrated })),
    ).ranked;
    expect(calibrated.map((r) => r.label)).toEqual(["T2", "T1"]);
  });

  it("a role set to recommend on calibrated scores: summary, list, decision and API follow, and the list is never stale", async () => {
    // the setting goes through the role template format (and comes back out of it)
    const role = await currentRole();
    expect(role.thresholds.recommendOn).toBe("raw");
    await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { recommendOn: "calibrated" } });
    // a fixture edit past the write paths: the stored scores follow (docs/decisions/060)
    await recomputeAllScores(db);
    try {
      const s1 = await getCandidateSummary(manager(), t.T1);
      expect(s1.calibration.recommendOn).toBe("calibrated");
      expect(s1.score.recommendation).toBe("hire");
      expect(s1.display.recommendation).toBe("Hire");
      expect(s1.calibration.raw.recommendation).toBe("strong-hire");
      // …and of the calibrated headline here (docs/decisions/074): every rating 4 − 2/3, so 3.33 equally weighted, Hire
      expect(s1.unitWeight).toMatchObject({ scoreText: "3.33", scoreExact: null, recommendation: "hire" });
      expect(s1.unitWeight!.score).toBeCloseTo(4 - 2 / 3, 6);

      const list = await listOpeningCandidates(manager(), openingId, parseCandidateListQuery({}));
      const row = (id: string) => list.candidates.find((x) => x.id === id)!;
      expect(row(t.T1).score!.recommendation).toBe("hire");
      expect(row(t.T1).score!.score).toBeCloseTo(4 - 2 / 3, 6);

      const api = await apiComparison(manager(), openingId, false);
      expect(api.recommendOn).toBe("calibrated");
      const t1 = [...api.ranked, ...api.insufficientEvidence].find((r) => r.candidateId === t.T1)!;
      expect(t1).toMatchObject({ recommendation: "hire", rawScore: 4 });
      expect(t1.calibratedScore).toBeCloseTo(4 - 2 / 3, 6);
      const uw1 = api.unitWeight.ranking.find((r) => r.candidateId === t.T1)!;
      expect(uw1.check.score).toBeCloseTo(4 - 2 / 3, 6);
      expect(api.ranked.findIndex((r) => r.candidateId === t.T2)).toBeLessThan(
        api.ranked.findIndex((r) => r.candidateId === t.T1),
      );

      // D rates a fifth history candidate in line with A and B: D's offset shrinks, and the list follows
      await withHistory("History 5", 3, async () => {
        const after = await listOpeningCandidates(manager(), openingId, parseCandidateListQuery({}));
        const moved = after.candidates.find((x) => x.id === t.T1)!.score!.score!;
        const { leniency } = await getRaterOffsets(db);
        expect(leniency.get(d.id)!.offset!).toBeLessThan(2 / 3 - 0.05);
        expect(moved).toBeCloseTo(4 - leniency.get(d.id)!.offset!, 6);

        // the decision records the recommendation the role uses
        const decision = await recordDecision(manager(), t.T1, {
          outcome: "hire",
          rationale: "Strong systems work across the loop.",
          previousDecisionId: null,
        });
        const stored = await db.decision.findUniqueOrThrow({
          where: { id: decision.id },
          select: { computedRecommendation: true, computedScore: true },
        });
        expect(stored.computedRecommendation).toBe((await getCandidateSummary(manager(), t.T1)).score.recommendation);
        expect(stored.computedScore).toBeCloseTo(moved, 6);
      });
    } finally {
      await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { recommendOn: "raw" } });
      // a fixture edit past the write paths: the stored scores follow (docs/decisions/060)
      await recomputeAllScores(db);
    }
    expect((await getCandidateSummary(manager(), t.T1)).score.recommendation).toBe("strong-hire");
  });

  it("the role format keeps the setting through a save and an export", async () => {
    const role = await currentRole();
    const saved = await saveRoleTemplates(
      [{ ...role, thresholds: { ...role.thresholds, recommendOn: "calibrated" } }],
      { actorId: null },
    );
    expect(saved[0].status).toBe("created");
    expect((await currentRole()).thresholds.recommendOn).toBe("calibrated");
    // saved back as it was: the other tests read the role recommending on raw scores
    await saveRoleTemplates([role], { actorId: null });
    expect((await currentRole()).thresholds.recommendOn).toBe("raw");
  });
});

describe("the offsets of a large organisation", () => {
  it("a slow recomputation is not waited for: readers get the newest finished offsets, then the fresh ones", async () => {
    // the real database, with every rating load held back 400 ms (a large organisation's load)
    const slow = new Proxy(db, {
      get(target, key) {
        if (key !== "$queryRaw") return Reflect.get(target, key);
        return async (query: { strings: string[] }, ...rest: unknown[]) => {
          if (query.strings.join("?").includes("DimensionRating")) await sleep(400);
          return (target.$queryRaw as (...a: unknown[]) => Promise<unknown>)(query, ...rest);
        };
      },
    });
    const first = await getRaterOffsets(slow); // nothing to serve yet: waited for
    expect(first.leniency.get(d.id)!.offset).not.toBeNull();

    await withHistory("History 6", 2, async () => {
      // the last computation was slow (over 250 ms): it rests for ten times as long, serving what it has
      expect(await getRaterOffsets(slow)).toBe(first);
      // after the rest, a reader starts the recomputation (waiting 250 ms for it, then serving the
      // previous result); once it has finished, readers get the fresh offsets
      let fresh = first;
      for (let waited = 0; fresh === first && waited < 15_000; waited += 250) {
        await sleep(250);
        fresh = await getRaterOffsets(slow);
      }
      expect(fresh.fingerprint).not.toBe(first.fingerprint);
      expect(fresh.leniency.get(d.id)!.offset).toBeCloseTo((await getRaterOffsets(db)).leniency.get(d.id)!.offset!, 12);
    });
  }, 20_000);
});
