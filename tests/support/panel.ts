// A small hiring panel on a real database: one opening on a seeded role, two candidates, three
// interviewers (A and B interview candidate 1; C interviews candidate 2).
import type { Db } from "../../lib/db";
import { saveRoleTemplates } from "../../lib/data/role-template-save";
import { emptyValues, type ScorecardKit, type ScorecardValues } from "../../lib/validations/scorecard";
import { createCandidate, createInterview, createOpening, createScorecard, createUser } from "../../seed/factories";
import { loadBlueprintRoles } from "../../seed/roles";

export const PASSWORD = "panel-password-123";

export async function createPanel(db: Db) {
  await saveRoleTemplates(
    loadBlueprintRoles().filter((r) => r.slug === "lead-ai-platform-engineer"),
    { actorId: null },
  );
  const version = await db.roleTemplateVersion.findFirstOrThrow({
    select: {
      id: true,
      dimensions: { orderBy: { position: "asc" }, select: { id: true } },
      redFlags: { orderBy: { position: "asc" }, select: { id: true } },
      exercises: { orderBy: { position: "asc" }, select: { id: true, dimensions: { select: { dimensionId: true } } } },
    },
  });
  const [a, b, c, manager, recruiter] = await Promise.all(
    ["a", "b", "c"]
      .map((k) =>
        createUser(db, {
          email: `interviewer-${k}@test.local`,
          name: `Interviewer ${k.toUpperCase()}`,
          roles: ["interviewer"],
          password: PASSWORD,
        }),
      )
      .concat([
        createUser(db, { email: "manager@test.local", name: "Manager", roles: ["hiring-manager"], password: PASSWORD }),
        createUser(db, { email: "recruiter@test.local", name: "Recruiter", roles: ["recruiter"], password: PASSWORD }),
      ]),
  );
  const opening = await createOpening(db, {
    title: "Test opening",
    templateVersionId: version.id,
    hiringManagerId: manager.id,
    recruiterId: recruiter.id,
  });
  const cand1 = await createCandidate(db, {
    openingId: opening.id,
    name: "Candidate One",
    email: "one@example.com",
    stage: "interviewing",
  });
  const cand2 = await createCandidate(db, {
    openingId: opening.id,
    name: "Candidate Two",
    email: "two@example.com",
    stage: "interviewing",
  });
  const ex = version.exercises;
  const past = new Date(Date.now() - 3 * 3600_000);
  const plan = (candidateId: string, interviewerId: string, i: number) =>
    createInterview(db, {
      candidateId,
      interviewerId,
      exerciseId: ex[i].id,
      scheduledAt: past,
      focusDimensionIds: ex[i].dimensions.map((d) => d.dimensionId),
    });
  const interviews = {
    a: await plan(cand1.id, a.id, 0),
    b: await plan(cand1.id, b.id, 1),
    c: await plan(cand2.id, c.id, 2),
  };

  const kitFor = (i: number): ScorecardKit => ({
    dimensionIds: version.dimensions.map((d) => d.id),
    focusDimensionIds: ex[i].dimensions.map((d) => d.dimensionId),
    redFlagIds: version.redFlags.map((f) => f.id),
  });
  /** Values that pass the submit rules for exercise i. */
  const completeValues = (i: number, score: "1" | "2" | "3" | "4" | "5" = "4"): ScorecardValues => {
    const kit = kitFor(i);
    const v = emptyValues(kit);
    for (const d of kit.focusDimensionIds) v.ratings[d] = { score, evidence: `Evidence for ${d}` };
    v.keyTakeaways = "Clear thinker; good tradeoffs.";
    v.recommendation = "yes";
    return v;
  };
  return {
    users: { a, b, c, manager, recruiter },
    candidates: { cand1, cand2 },
    interviews,
    version,
    kitFor,
    completeValues,
  };
}

/**
 * A submitted scorecard of `interviewerId` on `candidateId`, from an interview five days ago,
 * rating each of `dimensionIds` (`rating(i)` for the i-th): history for the calibration tests.
 */
export async function submittedRatings(
  db: Db,
  candidateId: string,
  interviewerId: string,
  dimensionIds: string[],
  rating: (dim: number) => number,
) {
  const interview = await createInterview(db, {
    candidateId,
    interviewerId,
    scheduledAt: new Date(Date.now() - 5 * 86_400_000),
    focusDimensionIds: dimensionIds,
  });
  await createScorecard(db, {
    interview,
    ratings: dimensionIds.map((dimensionId, i) => ({ dimensionId, rating: rating(i), evidence: "seen" })),
    recommendation: "yes",
  });
}
