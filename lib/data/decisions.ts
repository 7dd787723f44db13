import "server-only";
import { db, type DbTx } from "../db";
import { isOverride, stageForDecision } from "../domain/decisions";
import type { DecisionOutcome } from "../domain/vocabulary";
import { ConflictError, ForbiddenError, NotFoundError, parseInput } from "../errors";
import { decisionSchemaFor } from "../validations/decision";
import { audit } from "./audit";
import { lockCandidate, serializeCandidate } from "./candidate-lock";
import { enqueueDecisionNotice } from "./chat-outbox";
import { enqueueEvent } from "./webhooks";
import type { Viewer } from "../domain/permissions";
import { decisionSelect, headlineScore } from "./candidate-summary";
import { assertFeedbackVisible, withheldFeedback } from "./independence";
import { openingWhere } from "./scope";
import { scoringVersion } from "./scoring-version";

// Hiring decisions (docs/decisions/005-comparison-and-decisions.md). Only the opening's hiring
// manager records them; each revision is a new row (the newest is current) and an audit entry. The
// computed recommendation a decision is judged against is computed here, never taken from the
// client.

export async function recordDecision(viewer: Viewer, candidateId: string, input: unknown) {
  return db.$transaction(async (tx) => {
    // one decision at a time per candidate, and none once erased: two revisions from one page
    // (the same previousDecisionId) would otherwise both pass the check on PostgreSQL. The score
    // the decision is judged against is read under the same lock, so it is the one now stored.
    await serializeCandidate(tx, candidateId);
    // not found for anyone who may not see the candidate; 403 for those who may see but not
    // decide, and while the viewer owes their own scorecard on them (independent ratings first)
    const scope = openingWhere(viewer);
    const candidate = scope
      ? await tx.candidate.findFirst({
          where: { id: candidateId, opening: scope },
          select: {
            openingId: true,
            stage: true,
            opening: { select: { templateVersionId: true } },
          },
        })
      : null;
    if (!candidate) throw new NotFoundError("Candidate not found.");
    await assertFeedbackVisible(viewer, candidateId, tx);
    // the summary's headline score, and only what it is computed from
    const version = await scoringVersion(tx, candidate.opening.templateVersionId);
    const { recommendation, score } = await headlineScore(tx, candidateId, version);
    await lockCandidate(tx, candidateId);
    const opening = await tx.opening.findUniqueOrThrow({
      where: { id: candidate.openingId },
      select: { hiringManagerId: true },
    });
    if (opening.hiringManagerId !== viewer.id)
      throw new ForbiddenError("Only this opening's hiring manager records decisions.");

    const v = parseInput(decisionSchemaFor(recommendation), input);
    const override = isOverride(v.outcome, recommendation);
    const latest = await tx.decision.findFirst({
      where: { candidateId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, outcome: true, rationale: true, stageBefore: true, stageAfter: true },
    });
    if ((latest?.id ?? null) !== v.previousDecisionId) {
      throw new ConflictError(
        "Another decision was recorded for this candidate in the meantime. Reload to see it, then revise it if needed.",
      );
    }
    // the decision moves the pipeline, in the same transaction (docs/decisions/052-decisions-move-the-stage.md)
    const { stageBefore, stage } = stageForDecision(v.outcome, candidate.stage, latest);
    const decision = await tx.decision.create({
      data: {
        candidateId,
        decidedById: viewer.id,
        outcome: v.outcome,
        rationale: v.rationale,
        overrideReason: override ? v.overrideReason : null,
        isOverride: override,
        computedRecommendation: recommendation,
        computedScore: score,
        stageBefore,
        stageAfter: stage,
      },
      select: decisionSelect,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: latest ? "decision.revised" : "decision.recorded",
      entityType: "Candidate",
      entityId: candidateId,
      before: latest ? { id: latest.id, outcome: latest.outcome, rationale: latest.rationale } : undefined,
      after: {
        id: decision.id,
        outcome: v.outcome,
        rationale: v.rationale,
        isOverride: override,
        overrideReason: decision.overrideReason,
        computedRecommendation: recommendation,
        computedScore: score,
      },
    });
    if (stage !== candidate.stage) await moveStage(tx, viewer.id, candidateId, candidate.stage, stage, decision.id);
    await enqueueEvent(tx, "decision.recorded", {
      decisionId: decision.id,
      candidateId,
      openingId: candidate.openingId,
      outcome: v.outcome,
      isOverride: override,
      computedRecommendation: recommendation,
      revisesDecisionId: latest?.id ?? null,
      decidedById: viewer.id,
    });
    await enqueueDecisionNotice(tx, { decisionId: decision.id, candidateId, decidedById: viewer.id }, new Date());
    return decision;
  });
}

/** The stage change a decision makes, audited as a stage change by hand is (lib/data/openings.ts). */
async function moveStage(tx: DbTx, actorId: string, candidateId: string, from: string, to: string, decisionId: string) {
  await tx.candidate.update({ where: { id: candidateId }, data: { stage: to } });
  await audit(tx, {
    actorId,
    action: "candidate.stage-changed",
    entityType: "Candidate",
    entityId: candidateId,
    before: { stage: from },
    after: { stage: to, decisionId },
  });
}

/** A candidate's decisions, newest (current) first, for whoever may see the candidate. */
export async function listDecisions(viewer: Viewer, candidateId: string) {
  const openings = openingWhere(viewer);
  if (!openings || !(await db.candidate.count({ where: { id: candidateId, opening: openings } })))
    throw new NotFoundError("Candidate not found.");
  // a decision's rationale and score rest on the panel's feedback: withheld alike
  await assertFeedbackVisible(viewer, candidateId);
  return db.decision.findMany({
    where: { candidateId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: decisionSelect,
  });
}

/** Every override recorded in an opening, newest first, with whether it is still the current decision. */
export async function listOverrides(viewer: Viewer, openingId: string) {
  const openings = openingWhere(viewer);
  if (!openings) throw new NotFoundError("Opening not found.");
  const [rows, withheld] = await Promise.all([
    db.decision.findMany({
      where: { candidate: { openingId, opening: openings } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { ...decisionSelect, candidate: { select: { id: true, name: true } } },
    }),
    withheldFeedback(db, viewer.id, { openingId }),
  ]);
  const seen = new Set<string>();
  return (
    rows
      .map((d) => {
        const current = !seen.has(d.candidate.id);
        seen.add(d.candidate.id);
        return { ...d, outcome: d.outcome as DecisionOutcome, current };
      })
      // independent ratings first: not the decisions on a candidate the viewer still owes a scorecard on
      .filter((d) => d.isOverride && !withheld.has(d.candidate.id))
  );
}
