// `npm run scores:verify [-- --fix]` and the backfill `npm run db:migrate` runs, as real commands on
// the test file's real database (docs/decisions/060).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { needsBackfill, recomputeAllScores, verifyScores } from "@/lib/data/candidate-scores";
import { submitScorecard } from "@/lib/data/scorecards";
import { db } from "@/lib/db";
import { sql } from "@/lib/data/sql";
import { runScript } from "../support/cli";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;

beforeAll(async () => {
  p = await createPanel(db);
  for (const [user, interview, i] of [
    [p.users.a, p.interviews.a, 0],
    [p.users.c, p.interviews.c, 2],
  ] as const)
    await submitScorecard(user.id, interview.id, {
      baseVersion: 0,
      values: p.completeValues(i, "3"),
      submissionKey: randomUUID(),
    });
  expect(await db.candidateScore.count()).toBe(2);
});

describe("scores:verify", () => {
  it("exits 0 when every stored score agrees, 1 naming a corrupted row, and --fix mends it", async () => {
    const clean = runScript("scripts/scores-verify.ts");
    expect(clean.stderr).toBe("");
    expect(clean.stdout).toContain("every stored score agrees with the engine");
    expect(clean.status).toBe(0);

    const id = p.candidates.cand1.id;
    await db.$executeRaw(
      sql`UPDATE "CandidateScore" SET "score" = 1.5, "recommendationRank" = 5 WHERE "candidateId" = ${id}`,
    );
    const broken = runScript("scripts/scores-verify.ts");
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`${id} score: stored 1.5, recomputed 3`);
    expect(broken.stdout).toContain(`${id} recommendationRank: stored 5`);
    expect(broken.stdout).toContain("2 difference(s) in 1 candidate(s)");
    expect(broken.stdout).not.toContain(p.candidates.cand2.id);

    const fixed = runScript("scripts/scores-verify.ts", ["--fix"]);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain("rewrote the scores of 2 candidate(s)");
    expect(await verifyScores(db)).toEqual([]);
  }, 180_000); // each run is a process of its own

  // the command's exit codes and lines are the test above; here what verifyScores names, in-process
  it("a row missing, a dimension row wrong: both named", async () => {
    await db.$executeRaw(sql`DELETE FROM "CandidateScore" WHERE "candidateId" = ${p.candidates.cand2.id}`);
    await db.$executeRaw(
      sql`UPDATE "CandidateDimensionScore" SET "sum" = "sum" + 1 WHERE "candidateId" = ${p.candidates.cand1.id}`,
    );
    const differences = await verifyScores(db);
    expect(differences).toContainEqual(
      expect.objectContaining({ candidateId: p.candidates.cand2.id, field: "row", stored: "(no row)" }),
    );
    expect(differences).toContainEqual(
      expect.objectContaining({
        candidateId: p.candidates.cand1.id,
        field: expect.stringMatching(/^dimension \S+ sum$/),
      }),
    );
    await recomputeAllScores(db);
    expect(await verifyScores(db)).toEqual([]);
  });
});

describe("db:migrate on a database upgraded from a version that kept no scores", () => {
  it("computes every candidate's stored score", async () => {
    await db.$executeRaw(sql`DELETE FROM "CandidateDimensionScore"`);
    await db.$executeRaw(sql`DELETE FROM "CandidateScore"`);
    expect((await verifyScores(db)).length).toBeGreaterThan(0);
    // migrate deploy wants the SQLite file to itself
    await db.$disconnect();
    const run = runScript("scripts/db.ts", ["migrate"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("stored scores backfilled: 2 candidate(s)");
    expect(await db.candidateScore.count()).toBe(2);
    expect(await verifyScores(db)).toEqual([]);
    // scores already there: the backfill db:migrate runs finds nothing to do (in-process: a
    // second migrate would cost a Prisma process for the same check)
    expect(await needsBackfill(db)).toBe(false);
  }, 180_000);
});
