// Candidate summaries and an opening's candidate list on a real database — the numbers
// against a hand calculation, drafts never counting, who may see them, the CSV agreeing with the
// page's numbers, and a bounded number of queries whatever the number of scorecards.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db";
import { listOpeningCandidates } from "@/lib/data/candidate-list";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { saveDraft, submitScorecard } from "@/lib/data/scorecards";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { candidateRatingsCsv, openingCandidatesCsv } from "@/lib/exports";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";
import { createCandidate, createInterview, createScorecard, createUser } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let weights: Map<string, number>;
const defaultQuery = parseCandidateListQuery({});
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });

beforeAll(async () => {
  p = await createPanel(db);
  const dims = await db.dimension.findMany({ where: { versionId: p.version.id }, select: { id: true, weight: true } });
  weights = new Map(dims.map((d) => [d.id, d.weight]));
  // candidate 1: A submits exercise 0's focus dimensions at 4; B leaves a draft full of 1s
  const a = p.completeValues(0, "4");
  await submitScorecard(p.users.a.id, p.interviews.a.id, { baseVersion: 0, values: a, submissionKey: randomUUID() });
  const draft = p.completeValues(1, "1");
  draft.keyTakeaways = "DRAFT-ONLY TEXT";
  await saveDraft(p.users.b.id, p.interviews.b.id, { baseVersion: 0, values: draft });
});

/** S = Σ w·mean / Σ w over rated dimensions, by hand. */
function handScore(ratingsByDim: Record<string, number[]>) {
  let num = 0;
  let den = 0;
  for (const [d, rs] of Object.entries(ratingsByDim)) {
    const mean = rs.reduce((x, y) => x + y, 0) / rs.length;
    num += weights.get(d)! * mean;
    den += weights.get(d)!;
  }
  return { score: num / den, coverage: den / 100 };
}

describe("candidate summary", () => {
  it("agrees with a hand calculation, and drafts neither count nor show", async () => {
    const s = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    const focus0 = p.kitFor(0).focusDimensionIds;
    const hand = handScore(Object.fromEntries(focus0.map((d) => [d, [4]])));
    expect(s.score.scorecardCount).toBe(1);
    expect(s.score.score).toBeCloseTo(hand.score, 12);
    expect(s.score.coverage).toBeCloseTo(hand.coverage, 12);
    expect(s.display.score).toBe(hand.score.toFixed(2));
    expect(s.scorecards.map((x) => x.interviewerName)).toEqual(["Interviewer A"]);
    expect(JSON.stringify(s)).not.toContain("DRAFT-ONLY TEXT");
    // the loop knows B's interview is still owed, without revealing the draft
    expect(s.loop).toMatchObject({ planned: 2, submitted: 1, missing: 1 });
    // gaps: every dimension exercise 0 does not focus on, each with the exercises covering it
    expect(s.score.missing.map((m) => m.dimensionId).sort()).toEqual(
      [...weights.keys()].filter((d) => !focus0.includes(d)).sort(),
    );
    for (const m of s.score.missing) expect(m.exercises.length).toBeGreaterThan(0);
  });

  it("moves when a second scorecard is submitted, and a red flag on it makes it No hire (red flag)", async () => {
    const b = p.completeValues(1, "2");
    const flag = p.version.redFlags[0].id;
    b.redFlags[flag] = { observed: true, note: "Dismissed the on-call question" };
    await submitScorecard(p.users.b.id, p.interviews.b.id, { baseVersion: 1, values: b, submissionKey: randomUUID() });
    const s = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    const byDim: Record<string, number[]> = {};
    for (const d of p.kitFor(0).focusDimensionIds) (byDim[d] ??= []).push(4);
    for (const d of p.kitFor(1).focusDimensionIds) (byDim[d] ??= []).push(2);
    const hand = handScore(byDim);
    expect(s.score.score).toBeCloseTo(hand.score, 12);
    expect(s.score.coverage).toBeCloseTo(hand.coverage, 12);
    expect(s.score.recommendation).toBe(hand.coverage < 0.6 ? "insufficient-evidence" : "no-hire-red-flag");
    expect(s.score.redFlags).toEqual([
      expect.objectContaining({
        redFlagId: flag,
        raisedBy: [
          expect.objectContaining({ interviewerName: "Interviewer B", note: "Dismissed the on-call question" }),
        ],
      }),
    ]);
  });

  it("is for recruiters, admins and the opening's hiring manager; anyone else gets not found", async () => {
    await expect(
      getCandidateSummary({ id: p.users.manager.id, roles: ["hiring-manager"] }, p.candidates.cand1.id),
    ).resolves.toBeTruthy();
    const admin = await createUser(db, { email: "admin@test.local", name: "Admin", roles: ["admin"] });
    await expect(getCandidateSummary({ id: admin.id, roles: ["admin"] }, p.candidates.cand1.id)).resolves.toBeTruthy();
    const otherManager = await createUser(db, {
      email: "other.manager@test.local",
      name: "Other",
      roles: ["hiring-manager", "interviewer"],
    });
    for (const viewer of [
      { id: otherManager.id, roles: ["hiring-manager", "interviewer"] as const },
      { id: p.users.a.id, roles: ["interviewer"] as const }, // even an interviewer of this candidate
    ]) {
      await expect(getCandidateSummary(viewer, p.candidates.cand1.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        listOpeningCandidates(
          viewer,
          (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId,
          defaultQuery,
        ),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getCandidateSummary(recruiter(), "no-such-candidate")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the CSV carries every submitted rating and the same headline numbers as the page", async () => {
    const s = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    const lines = candidateRatingsCsv(s)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const ratingCount = s.scorecards.reduce((n, sc) => n + Object.keys(sc.ratings).length, 0);
    expect(lines).toHaveLength(1 + ratingCount);
    expect(lines[0]).toContain("Candidate score");
    for (const line of lines.slice(1))
      expect(line.endsWith(`,${s.display.score},${s.display.coverage},${s.display.recommendation}`)).toBe(true);
  });
});

describe("an opening's candidates", () => {
  it("scores every candidate with the same engine as the summary, filters and exports", async () => {
    const openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
    const list = await listOpeningCandidates(recruiter(), openingId, defaultQuery);
    expect(list.total).toBe(2);
    const one = list.candidates.find((c) => c.id === p.candidates.cand1.id)!;
    const summary = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    expect(one.score!.score).toBe(summary.score.score);
    expect(one.display).toEqual(summary.display);
    expect(one.loop).toMatchObject({ planned: 2, submitted: 2, missing: 0 });
    const two = list.candidates.find((c) => c.id === p.candidates.cand2.id)!;
    expect(two.score!.recommendation).toBe("insufficient-evidence");
    expect(two.loop).toMatchObject({ planned: 1, submitted: 0, missing: 1 });

    const missing = await listOpeningCandidates(recruiter(), openingId, parseCandidateListQuery({ missing: "1" }));
    expect(missing.candidates.map((c) => c.id)).toEqual([p.candidates.cand2.id]);
    const csv = openingCandidatesCsv(list)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(csv).toHaveLength(3);
    expect(csv.find((l) => l.startsWith("Candidate One"))).toContain(
      `,${one.display.score},${one.display.coverage},${one.display.recommendation},`,
    );
  });
});

describe("a bounded number of queries", () => {
  const statements: string[] = [];
  const counting = createDb(env.database, { onQuery: (sql) => statements.push(sql) });
  afterAll(() => counting.$disconnect());
  const count = async (work: () => Promise<unknown>) => {
    statements.length = 0;
    await work();
    return statements.filter((q) => /^\s*select/i.test(q)).length;
  };

  it("whatever the number of scorecards and ratings", async () => {
    const openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
    const big = await createCandidate(db, { openingId, name: "Big Loop", email: "big@example.com" });
    const summaryOf = (id: string) => count(() => getCandidateSummary(recruiter(), id, new Date(), counting));
    const listOf = () => count(() => listOpeningCandidates(recruiter(), openingId, defaultQuery, new Date(), counting));

    const withOne = await (async () => {
      const iv = await createInterview(db, {
        candidateId: big.id,
        interviewerId: p.users.a.id,
        scheduledAt: new Date(Date.now() - 3600_000),
        focusDimensionIds: [],
      });
      await createScorecard(db, {
        interview: iv,
        ratings: [...weights.keys()].map((dimensionId) => ({ dimensionId, rating: 3, evidence: "e" })),
      });
      return { summary: await summaryOf(big.id), list: await listOf() };
    })();
    expect(withOne.summary).toBeGreaterThan(0);

    for (let i = 0; i < 24; i++) {
      const iv = await createInterview(db, {
        candidateId: big.id,
        interviewerId: [p.users.a, p.users.b, p.users.c][i % 3].id,
        scheduledAt: new Date(Date.now() - (i + 2) * 3600_000),
        focusDimensionIds: [],
      });
      await createScorecard(db, {
        interview: iv,
        ratings: [...weights.keys()].map((dimensionId, k) => ({
          dimensionId,
          rating: k % 4 === 0 ? null : 1 + ((i + k) % 5),
          evidence: `evidence ${i}/${k}`,
        })),
        redFlags: i % 7 === 0 ? [{ redFlagId: p.version.redFlags[1].id, note: "seen" }] : [],
      });
    }
    const withMany = { summary: await summaryOf(big.id), list: await listOf() };
    expect(withMany).toEqual(withOne);
    // and the summary from the counting client is the real one
    const s = await getCandidateSummary(recruiter(), big.id, new Date(), counting);
    expect(s.score.scorecardCount).toBe(25);
  });
});
