// Decisions move the pipeline (docs/decisions/052-decisions-move-the-stage.md): Hire → offer,
// No hire → rejected, Hold leaves the stage; a revision re-derives it from the stage the decision
// left behind; each move is audited as a stage change, in the decision's transaction.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDecision } from "@/lib/data/decisions";
import { setCandidateStage } from "@/lib/data/openings";
import { submitScorecard } from "@/lib/data/scorecards";
import { ValidationError } from "@/lib/errors";
import { createCandidate, createInterview } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager"] as const });
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
const REASON = "The panel's evidence was discussed in the debrief at length.";

beforeAll(async () => {
  p = await createPanel(db);
});

let n = 0;
/** A candidate in debrief with A's and B's scorecards in. */
async function debriefCandidate() {
  n += 1;
  const openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  const cand = await createCandidate(db, {
    openingId,
    name: `Stage ${n}`,
    email: `stage${n}@example.com`,
    stage: "debrief",
  });
  for (const [i, who] of (["a", "b"] as const).entries()) {
    const interview = await createInterview(db, {
      candidateId: cand.id,
      interviewerId: p.users[who].id,
      exerciseId: p.version.exercises[i].id,
      scheduledAt: new Date(Date.now() - 3 * 3600_000),
      focusDimensionIds: p.kitFor(i).focusDimensionIds,
    });
    await submitScorecard(p.users[who].id, interview.id, {
      baseVersion: 0,
      values: p.completeValues(i, "4"),
      submissionKey: randomUUID(),
    });
  }
  return cand.id;
}

const stageOf = async (id: string) => (await db.candidate.findUniqueOrThrow({ where: { id } })).stage;
const decide = (candidateId: string, outcome: string, previousDecisionId: string | null) =>
  recordDecision(manager(), candidateId, { outcome, rationale: REASON, overrideReason: REASON, previousDecisionId });
const stageAudits = (entityId: string) =>
  db.auditLog.findMany({
    where: { entityId, action: "candidate.stage-changed" },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { actorId: true, before: true, after: true },
  });

describe("a decision moves the stage", () => {
  it("Hire → offer, audited as a stage change by the hiring manager; revised to Hold → back to debrief", async () => {
    const id = await debriefCandidate();
    const hire = await decide(id, "hire", null);
    expect(await stageOf(id)).toBe("offer");
    const [moved] = await stageAudits(id);
    expect(moved.actorId).toBe(p.users.manager.id);
    expect(JSON.parse(moved.before!)).toEqual({ stage: "debrief" });
    expect(JSON.parse(moved.after!)).toEqual({ stage: "offer", decisionId: hire.id });

    const hold = await decide(id, "hold", hire.id);
    expect(await stageOf(id)).toBe("debrief");
    const no = await decide(id, "no-hire", hold.id);
    expect(await stageOf(id)).toBe("rejected");
    await decide(id, "hold", no.id);
    expect(await stageOf(id)).toBe("debrief");
    expect((await stageAudits(id)).map((a) => JSON.parse(a.after!).stage)).toEqual([
      "offer",
      "debrief",
      "rejected",
      "debrief",
    ]);
  });

  it("Hold as the first decision leaves the stage and writes no stage change", async () => {
    const id = await debriefCandidate();
    await decide(id, "hold", null);
    expect(await stageOf(id)).toBe("debrief");
    expect(await stageAudits(id)).toEqual([]);
  });

  it("a stage moved by hand after the decision is what a revision to Hold keeps", async () => {
    const id = await debriefCandidate();
    const hire = await decide(id, "hire", null);
    await setCandidateStage(recruiter(), id, { stage: "withdrawn" });
    await decide(id, "hold", hire.id);
    expect(await stageOf(id)).toBe("withdrawn");
  });

  it("a refused decision moves nothing", async () => {
    const id = await debriefCandidate();
    await expect(recordDecision(manager(), id, { outcome: "hire", rationale: "short" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await stageOf(id)).toBe("debrief");
    expect(await stageAudits(id)).toEqual([]);
  });
});
