// Decisions (docs/decisions/005-comparison-and-decisions.md): rules, overrides, revisions, audit,
// and who may compare and decide, on a real database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { getOpeningComparison } from "@/lib/data/comparison";
import { listOverrides, recordDecision } from "@/lib/data/decisions";
import { submitScorecard } from "@/lib/data/scorecards";
import { isOverride } from "@/lib/domain/decisions";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { DECISION_MESSAGES } from "@/lib/validations/decision";
import { createCandidate, createInterview, createOpening, createUser } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId: string;
// the decisions tests' candidates, each scored by A and B, wait in a second opening of the same
// manager: the comparison's opening keeps its two candidates
let decidedOpeningId: string;
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager"] as const });
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
const decisionsOf = (candidateId: string) => db.decision.count({ where: { candidateId } });

/** A's scorecard on exercise 0 and B's on exercise 1, submitted as the interviewers submit them. */
async function submitBoth(interviews: { a: { id: string }; b: { id: string } }) {
  for (const [i, who] of (["a", "b"] as const).entries())
    await submitScorecard(p.users[who].id, interviews[who].id, {
      baseVersion: 0,
      values: p.completeValues(i, "4"),
      submissionKey: randomUUID(),
    });
}

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  decidedOpeningId = (
    await createOpening(db, {
      title: "Decided opening",
      templateVersionId: p.version.id,
      hiringManagerId: p.users.manager.id,
      recruiterId: p.users.recruiter.id,
    })
  ).id;
  await submitBoth(p.interviews);
});

let scored = 0;
/** A candidate of its own, interviewed and scored by A and B, with no decision yet. */
async function scoredCandidate() {
  scored += 1;
  const cand = await createCandidate(db, {
    openingId: decidedOpeningId,
    name: `Scored ${scored}`,
    email: `scored${scored}@example.com`,
    stage: "interviewing",
  });
  const past = new Date(Date.now() - 3 * 3600_000);
  const plan = (who: "a" | "b", i: number) =>
    createInterview(db, {
      candidateId: cand.id,
      interviewerId: p.users[who].id,
      exerciseId: p.version.exercises[i].id,
      scheduledAt: past,
      focusDimensionIds: p.kitFor(i).focusDimensionIds,
    });
  await submitBoth({ a: await plan("a", 0), b: await plan("b", 1) });
  return cand.id;
}

const DEBRIEF = "We discussed this at length in the debrief.";
const OVERRIDE_REASON = "The low ratings came from an exercise outside the role's core; references were strong.";

/** The outcome that goes against the candidate's computed recommendation, with that score. */
async function against(candidateId: string) {
  const { recommendation, score } = (await getCandidateSummary(recruiter(), candidateId)).score;
  return {
    outcome: isOverride("hire", recommendation) ? ("hire" as const) : ("no-hire" as const),
    recommendation,
    score,
  };
}

describe("decisions", () => {
  it("require an outcome and a rationale; bad input stores nothing", async () => {
    const candidateId = await scoredCandidate();
    const error = await recordDecision(manager(), candidateId, { rationale: "short" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.outcome).toEqual([DECISION_MESSAGES.outcome]);
    expect(error.fieldErrors.rationale).toEqual([DECISION_MESSAGES.rationale]);
    expect(await decisionsOf(candidateId)).toBe(0);
  });

  it("an outcome against the computed recommendation is an override and must say why", async () => {
    const candidateId = await scoredCandidate();
    const { outcome, recommendation, score } = await against(candidateId);
    expect(isOverride(outcome, recommendation)).toBe(true);
    const missing = await recordDecision(manager(), candidateId, { outcome, rationale: DEBRIEF }).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.fieldErrors.overrideReason).toEqual([DECISION_MESSAGES.overrideReason]);
    expect(await decisionsOf(candidateId)).toBe(0);

    const d = await recordDecision(manager(), candidateId, {
      outcome,
      rationale: DEBRIEF,
      overrideReason: OVERRIDE_REASON,
      previousDecisionId: null,
      // a client cannot choose what the decision is judged against
      computedRecommendation: "strong-hire",
      isOverride: false,
    });
    expect(d).toMatchObject({
      outcome,
      isOverride: true,
      computedRecommendation: recommendation,
      computedScore: score,
    });
    const logged = await db.auditLog.findFirstOrThrow({
      where: { action: "decision.recorded", entityId: candidateId },
    });
    expect(logged.actorId).toBe(p.users.manager.id);
    expect(JSON.parse(logged.after!)).toMatchObject({ outcome, isOverride: true });
  });

  it("revisions keep the history; a stale revision is refused", async () => {
    const candidateId = await scoredCandidate();
    const { outcome } = await against(candidateId);
    const first = await recordDecision(manager(), candidateId, {
      outcome,
      rationale: DEBRIEF,
      overrideReason: OVERRIDE_REASON,
      previousDecisionId: null,
    });
    expect(first.isOverride).toBe(true);
    const hold = await recordDecision(manager(), candidateId, {
      outcome: "hold",
      rationale: "Waiting for the reference check before deciding.",
      previousDecisionId: first.id,
    });
    expect(hold).toMatchObject({ outcome: "hold", isOverride: false, overrideReason: null });
    const stale = await recordDecision(manager(), candidateId, {
      outcome: "hold",
      rationale: "Written in a tab that did not see the revision.",
      previousDecisionId: first.id,
    }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const summary = await getCandidateSummary(manager(), candidateId);
    expect(summary.decisions.map((d) => d.outcome)).toEqual(["hold", first.outcome]);
    expect(await db.auditLog.count({ where: { action: "decision.revised", entityId: candidateId } })).toBe(1);
    // overrides stay listed for the opening, marked as revised since (other tests' candidates share the opening)
    const overrides = (await listOverrides(recruiter(), decidedOpeningId)).filter(
      (o) => o.candidate.id === candidateId,
    );
    expect(overrides.map((o) => [o.id, o.current])).toEqual([[first.id, false]]);
  });

  it("only the opening's hiring manager decides: 403 for recruiters, not found for everyone else", async () => {
    const other = await createUser(db, { email: "other.hm@test.local", name: "Other HM", roles: ["hiring-manager"] });
    const input = { outcome: "hold", rationale: "Trying to decide without the right." };
    await expect(recordDecision(recruiter(), p.candidates.cand1.id, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      recordDecision({ id: other.id, roles: ["hiring-manager"] }, p.candidates.cand1.id, input),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      recordDecision({ id: p.users.a.id, roles: ["interviewer"] }, p.candidates.cand1.id, input),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await db.auditLog.count({
        where: { entityId: p.candidates.cand1.id, actorId: { in: [p.users.recruiter.id, other.id, p.users.a.id] } },
      }),
    ).toBe(0);
  });
});

describe("the comparison", () => {
  it("is for the opening's hiring manager, recruiters and admins", async () => {
    const mine = await getOpeningComparison(manager(), openingId, { blind: false });
    expect(mine.canDecide).toBe(true);
    expect(mine.candidates.map((c) => c.label).sort()).toEqual(["Candidate One", "Candidate Two"]);
    expect((await getOpeningComparison(recruiter(), openingId, { blind: false })).canDecide).toBe(false);
    const other = await createUser(db, {
      email: "third.hm@test.local",
      name: "Third HM",
      roles: ["hiring-manager", "interviewer"],
    });
    await expect(
      getOpeningComparison({ id: other.id, roles: ["hiring-manager", "interviewer"] }, openingId, { blind: false }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getOpeningComparison({ id: p.users.a.id, roles: ["interviewer"] }, openingId, { blind: false }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOverrides({ id: p.users.a.id, roles: ["interviewer"] }, openingId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("blind: no name or e-mail leaves the server; candidates are lettered in the order added", async () => {
    const blind = await getOpeningComparison(manager(), openingId, { blind: true });
    expect(blind.candidates.map((c) => c.label)).toEqual(["Candidate A", "Candidate B"]);
    const json = JSON.stringify(blind);
    for (const secret of ["Candidate One", "Candidate Two", "one@example.com", "two@example.com"])
      expect(json).not.toContain(secret);
  });
});
