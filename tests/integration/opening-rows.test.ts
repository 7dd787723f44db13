// The list's and the comparison's rows come from SQL written by hand (lib/data/candidate-list.ts, lib/data/score-cache.ts).
// They must say exactly what the pure domain functions say of the same rows, on both databases:
// loop counts (including the overdue boundary and cancelled interviews) and the scoring inputs. Real database.
import { beforeAll, describe, expect, it } from "vitest";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { getOpeningComparison } from "@/lib/data/comparison";
import { openingLoopCounts } from "@/lib/data/candidate-list";
import { openingScoringRows } from "@/lib/data/score-cache";
import { db } from "@/lib/db";
import { loopProgress } from "@/lib/domain/loop-progress";
import { OVERDUE_AFTER_MS } from "@/lib/domain/my-interviews";
import { scoreCandidate } from "@/lib/domain/scoring";
import { createCandidate, createInterview, createScorecard } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
const now = new Date("2026-06-10T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const HOUR = 3_600_000;

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  const dims = p.version.dimensions.map((d) => d.id);
  const who = [p.users.a, p.users.b, p.users.c];
  // candidates whose loops cover every state: submitted, draft, owed (overdue or not, with the
  // boundary exactly at one day after the end), upcoming, scheduled right now, cancelled
  const plans: { at: Date; minutes?: number; status?: string; card?: "draft" | "submitted" }[][] = [
    [
      { at: ago(3 * 24 * HOUR), card: "submitted" },
      { at: ago(3 * 24 * HOUR), card: "draft" },
      { at: ago(2 * HOUR) },
      { at: new Date(now.getTime() + 24 * HOUR) },
    ],
    // ends + one day = now exactly: not overdue yet; one millisecond earlier: overdue
    [
      { at: ago(OVERDUE_AFTER_MS + 45 * 60_000), minutes: 45 },
      { at: ago(OVERDUE_AFTER_MS + 45 * 60_000 + 1), minutes: 45 },
      { at: ago(OVERDUE_AFTER_MS + 30 * 60_000), minutes: 480 },
    ],
    [
      { at: now },
      { at: ago(5 * 24 * HOUR), card: "submitted", status: "cancelled" },
      { at: new Date(now.getTime() + HOUR), card: "draft" },
      { at: ago(10 * 24 * HOUR), status: "cancelled" },
    ],
    [],
  ];
  for (const [k, plan] of plans.entries()) {
    const c = await createCandidate(db, { openingId, name: `Loop ${k}`, email: `loop${k}@example.com` });
    for (const [j, it] of plan.entries()) {
      const iv = await createInterview(db, {
        candidateId: c.id,
        interviewerId: who[j % 3].id,
        scheduledAt: it.at,
        durationMinutes: it.minutes,
        focusDimensionIds: [],
      });
      if (it.status) await db.interview.update({ where: { id: iv.id }, data: { status: it.status } });
      if (it.card)
        await createScorecard(db, {
          interview: iv,
          status: it.card,
          ratings: dims.map((dimensionId, d) => ({
            dimensionId,
            rating: d % 3 === 0 ? null : 1 + ((j + d + k) % 5),
            evidence: "e",
          })),
          recommendation: "yes",
        });
    }
  }
});

describe("rows read with hand-written SQL", () => {
  it("count every candidate's loop exactly as loopProgress does", async () => {
    const counts = await openingLoopCounts(db, openingId, now);
    const candidates = await db.candidate.findMany({
      where: { openingId },
      select: {
        id: true,
        name: true,
        interviews: {
          select: {
            id: true,
            scheduledAt: true,
            durationMinutes: true,
            status: true,
            scorecard: { select: { status: true, submittedAt: true } },
          },
        },
      },
    });
    expect(candidates).toHaveLength(6);
    for (const c of candidates) {
      const { planned, submitted, missing, overdue, upcoming } = loopProgress(c.interviews, now);
      expect(counts.get(c.id) ?? { planned: 0, submitted: 0, missing: 0, overdue: 0, upcoming: 0 }, c.name).toEqual({
        planned,
        submitted,
        missing,
        overdue,
        upcoming,
      });
    }
    // and the constructed cases really are the interesting ones
    const byName = new Map(candidates.map((c) => [c.name, counts.get(c.id)]));
    expect(byName.get("Loop 0")).toEqual({ planned: 4, submitted: 1, missing: 2, overdue: 1, upcoming: 1 });
    expect(byName.get("Loop 1")).toEqual({ planned: 3, submitted: 0, missing: 3, overdue: 1, upcoming: 0 });
    expect(byName.get("Loop 2")).toEqual({ planned: 2, submitted: 0, missing: 1, overdue: 0, upcoming: 1 });
    expect(byName.has("Loop 3")).toBe(true);
    expect(byName.get("Loop 3")).toBeUndefined();
  });

  it("give the scoring engine the same scorecards as the summary reads", async () => {
    const rows = await openingScoringRows(db, openingId);
    expect(rows.length).toBe(2);
    expect(
      rows.every(
        (r) =>
          r.ratings.length === p.version.dimensions.length &&
          r.ratings.some((x) => x.notAssessed) &&
          r.ratings.some((x) => x.rating !== null),
      ),
    ).toBe(true);
    const viewer = { id: p.users.recruiter.id, roles: ["recruiter"] as const };
    const comparison = await getOpeningComparison(viewer, openingId, { blind: false }, now);
    for (const c of comparison.candidates) {
      const summary = await getCandidateSummary(viewer, c.id, now);
      expect(scoreCandidate(comparison.template, c.scorecards), c.label).toEqual(summary.score);
      expect(c.loop).toEqual({
        planned: summary.loop.planned,
        submitted: summary.loop.submitted,
        missing: summary.loop.missing,
        overdue: summary.loop.overdue,
        upcoming: summary.loop.upcoming,
      });
    }
    // a subset reads only those candidates
    const one = comparison.candidates.find((c) => c.scorecards.length)!;
    expect((await openingScoringRows(db, openingId, [one.id])).map((r) => r.candidateId)).toEqual([one.id]);
    expect(await openingScoringRows(db, openingId, [])).toEqual([]);
  });
});
