// Scores kept in the database (docs/decisions/060): the list reads the rows each write stores in its
// own transaction, so they agree with the summary (computed live) after every submission,
// amendment and rename, and a warm or cold list reads no rating. Real database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listOpeningCandidates } from "@/lib/data/candidate-list";
import { recomputeAllScores, verifyScores } from "@/lib/data/candidate-scores";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { amendScorecard, submitScorecard } from "@/lib/data/scorecards";
import { updateUserAccount } from "@/lib/data/user-admin";
import { createDb, db } from "@/lib/db";
import { env } from "@/lib/env";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";
import { createUser } from "@/seed/factories";
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

describe("scores kept in the database", () => {
  it("agree with the summary, and follow every submission and amendment at once", async () => {
    expect((await listed(p.candidates.cand1.id)).score.score).toBeNull();
    expect(await db.candidateScore.count()).toBe(0);
    const s = await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0, "4"),
      submissionKey: randomUUID(),
    });
    const stored = await db.candidateScore.findUniqueOrThrow({ where: { candidateId: p.candidates.cand1.id } });
    expect(stored).toMatchObject({ openingId, score: 4, scorecards: 1, redFlag: false, split: false });
    expect(await db.candidateDimensionScore.count({ where: { candidateId: p.candidates.cand1.id } })).toBeGreaterThan(
      0,
    );
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
    expect(live.score).toBe(2);
    expect(row.score.score).toBe(live.score);
    expect(row.display.recommendation).toBeTruthy();
    expect(await verifyScores(db)).toEqual([]);
  });

  it("an interviewer renamed: the names in their candidates' stored scores follow", async () => {
    // a strong yes against a strong no splits the panel, and the split names who said what
    const b = await submitScorecard(p.users.b.id, p.interviews.b.id, {
      baseVersion: 0,
      values: { ...p.completeValues(1, "4"), recommendation: "strong-no" },
      submissionKey: randomUUID(),
    });
    const s = await db.scorecard.findFirstOrThrow({ where: { interviewId: p.interviews.a.id } });
    await amendScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: s.version,
      values: { ...p.completeValues(0, "4"), recommendation: "strong-yes" },
      reason: "Firmer now.",
    });
    expect(b.status).toBe("submitted");
    const admin = await createUser(db, { email: "admin@test.local", name: "Admin", roles: ["admin"] });
    await updateUserAccount({ id: admin.id, roles: ["admin"] }, p.users.b.id, {
      name: "Interviewer Bea",
      roles: ["interviewer"],
      active: true,
    });
    const payload = (await db.candidateScore.findUniqueOrThrow({ where: { candidateId: p.candidates.cand1.id } }))
      .payload;
    expect(payload).toContain("Interviewer Bea");
    expect(await verifyScores(db)).toEqual([]);
  });

  it("a row changed behind the data layer's back is named by verifyScores, and recomputeAllScores mends it", async () => {
    await db.candidateScore.update({ where: { candidateId: p.candidates.cand1.id }, data: { score: 1.5 } });
    const diffs = await verifyScores(db);
    expect(diffs).toEqual([
      expect.objectContaining({ candidateId: p.candidates.cand1.id, field: "score", stored: "1.5" }),
    ]);
    await recomputeAllScores(db);
    expect(await verifyScores(db)).toEqual([]);
  });

  it("a list reads no ratings at all", async () => {
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
