// The candidate list's score cache is never stale. Every read checks a fingerprint of
// the inputs; a submission, an amendment or a template move shows at once; a warm list does not
// read a single rating. Real database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listOpeningCandidates } from "@/lib/data/candidate-list";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { amendScorecard, submitScorecard } from "@/lib/data/scorecards";
import { createDb, db } from "@/lib/db";
import { env } from "@/lib/env";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
const q = parseCandidateListQuery({});

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
});

async function listed(id: string) {
  const list = await listOpeningCandidates(recruiter(), openingId, q);
  const row = list.candidates.find((c) => c.id === id)!;
  return { ...row, score: row.score! };
}
async function summary(id: string) {
  return (await getCandidateSummary(recruiter(), id)).score;
}

describe("the candidate list's score cache", () => {
  it("agrees with the summary, and follows every submission and amendment at once", async () => {
    expect((await listed(p.candidates.cand1.id)).score.score).toBeNull();
    expect(await db.candidateScoreCache.count()).toBe(2);
    const s = await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0, "4"),
      submissionKey: randomUUID(),
    });
    let row = await listed(p.candidates.cand1.id);
    let live = await summary(p.candidates.cand1.id);
    expect(row.score.score).toBe(live.score);
    expect(row.score.recommendation).toBe(live.recommendation);
    expect(row.score.coverage).toBe(live.coverage);
    await amendScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: s.version,
      values: p.completeValues(0, "2"),
      reason: "Re-read my notes.",
    });
    row = await listed(p.candidates.cand1.id);
    live = await summary(p.candidates.cand1.id);
    expect(live.score).not.toBe(null);
    expect(row.score.score).toBe(live.score);
    expect(row.display.recommendation).toBeTruthy();
  });

  it("a changed input the cache cannot know about (here: an edited row) is caught by the fingerprint", async () => {
    // simulate any write path that bypasses the data layer: the scorecard's version and time move
    const sc = await db.scorecard.findFirstOrThrow({ where: { interviewId: p.interviews.a.id } });
    await db.dimensionRating.updateMany({ where: { scorecardId: sc.id, rating: { not: null } }, data: { rating: 5 } });
    await db.scorecard.update({ where: { id: sc.id }, data: { version: { increment: 1 } } });
    expect((await listed(p.candidates.cand1.id)).score.score).toBe((await summary(p.candidates.cand1.id)).score);
  });

  it("a warm list reads no ratings at all", async () => {
    await listed(p.candidates.cand1.id);
    const statements: string[] = [];
    const counting = createDb(env.database, { onQuery: (sql) => statements.push(sql) });
    try {
      const list = await listOpeningCandidates(recruiter(), openingId, q, new Date(), counting);
      expect(list.candidates).toHaveLength(2);
      expect(statements.some((sql) => sql.includes('"DimensionRating"'))).toBe(false);
      expect(statements.length).toBeLessThanOrEqual(20); // a fixed number, whatever the number of candidates
    } finally {
      await counting.$disconnect();
    }
  });
});
