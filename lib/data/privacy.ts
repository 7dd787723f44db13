import "server-only";
import { db, type DbTx } from "../db";
import { canSetUpHiring } from "../domain/permissions";
import { ConflictError, ForbiddenError, NotFoundError, parseInput } from "../errors";
import { eraseSchema } from "../validations/privacy";
import { audit } from "./audit";
import { refreshCandidateScores } from "./candidate-scores";
import type { Viewer } from "../domain/permissions";
import { serialize } from "./sql";

// Privacy: erasing a candidate's personal data, retention, and recording who viewed a
// candidate. Erasure keeps every number others rely on (ratings, red flags observed, scores,
// recommendations, decision outcomes, the loop) and removes every text about the person: their
// name, e-mail, source and notes; evidence notes, take-aways and red-flag notes about them; the
// texts of amendments, debrief snapshots and decisions; and the snapshots in the audit log's entries about them
// (replaced by {"erased":true}; who did what and when stays). See
// docs/decisions/034-erasure-keeps-numbers.md and 035-views-are-audited.md.

export const ERASED = "[erased]";
const ERASED_MARK = JSON.stringify({ erased: true });

/** A stored scorecard snapshot (an amendment's, a debrief's) with its texts erased and its numbers kept. */
function redactedSnapshot(snapshot: string): string {
  const s = JSON.parse(snapshot) as {
    ratings?: { evidence?: string }[];
    redFlags?: { note?: string }[];
    keyTakeaways?: string;
  };
  return JSON.stringify({
    ...s,
    keyTakeaways: ERASED,
    ratings: (s.ratings ?? []).map((r) => ({ ...r, evidence: r.evidence ? ERASED : "" })),
    redFlags: (s.redFlags ?? []).map((f) => ({ ...f, note: ERASED })),
  });
}

async function eraseIn(tx: DbTx, candidateId: string, actorId: string | null, reason: string, now: Date) {
  // the lock every write about the candidate takes (lib/data/candidate-lock.ts): a write either
  // committed before this and is erased below, or waits and then finds the candidate erased
  await serialize(tx, `candidate:${candidateId}`);
  const c = await tx.candidate.findUnique({
    where: { id: candidateId },
    select: { erasedAt: true, scorecards: { select: { id: true } } },
  });
  if (!c) throw new NotFoundError("Candidate not found.");
  if (c.erasedAt) throw new ConflictError("This candidate's personal data was erased already.");
  const scorecardIds = c.scorecards.map((s) => s.id);
  await tx.candidate.update({
    where: { id: candidateId },
    data: {
      name: "Erased candidate",
      email: `erased-${candidateId}@erased.invalid`,
      source: "",
      notes: "",
      erasedAt: now,
    },
    select: { id: true },
  });
  await tx.scorecard.updateMany({ where: { candidateId }, data: { keyTakeaways: ERASED } });
  await tx.dimensionRating.updateMany({
    where: { scorecardId: { in: scorecardIds }, evidence: { not: "" } },
    data: { evidence: ERASED },
  });
  await tx.redFlagObservation.updateMany({ where: { scorecardId: { in: scorecardIds } }, data: { note: ERASED } });
  const amendments = await tx.scorecardAmendment.findMany({
    where: { scorecardId: { in: scorecardIds } },
    select: { id: true, snapshot: true },
  });
  for (const a of amendments)
    await tx.scorecardAmendment.update({
      where: { id: a.id },
      data: { snapshot: redactedSnapshot(a.snapshot), reason: ERASED },
      select: { id: true },
    });
  // a debrief's snapshot holds the same texts as they stood when it started (docs/decisions/078-debrief-mode.md)
  const snapshots = await tx.debriefSnapshot.findMany({
    where: { debrief: { candidateId } },
    select: { debriefId: true, scorecardId: true, snapshot: true },
  });
  for (const d of snapshots)
    await tx.debriefSnapshot.update({
      where: { debriefId_scorecardId: { debriefId: d.debriefId, scorecardId: d.scorecardId } },
      data: { snapshot: redactedSnapshot(d.snapshot) },
      select: { debriefId: true },
    });
  // the numbers stay, so the score does too; recomputed all the same, in case a text it shows goes
  await refreshCandidateScores(tx, [candidateId], { ratingsMoved: false });
  await tx.decision.updateMany({ where: { candidateId }, data: { rationale: ERASED } });
  await tx.decision.updateMany({
    where: { candidateId, overrideReason: { not: null } },
    data: { overrideReason: ERASED },
  });
  // view records hold only who and how, no text about the person: they stay as they are
  const about = {
    action: { not: "candidate.viewed" },
    OR: [
      { entityType: "Candidate", entityId: candidateId },
      { entityType: "Scorecard", entityId: { in: scorecardIds } },
    ],
  };
  await tx.auditLog.updateMany({ where: { ...about, before: { not: null } }, data: { before: ERASED_MARK } });
  await tx.auditLog.updateMany({ where: { ...about, after: { not: null } }, data: { after: ERASED_MARK } });
  await audit(tx, {
    actorId,
    action: "candidate.erased",
    entityType: "Candidate",
    entityId: candidateId,
    after: { reason, scorecards: scorecardIds.length },
  });
}

/** Erases one candidate's personal data (recruiters, admins), all or nothing. */
export async function eraseCandidate(viewer: Viewer, candidateId: string, input: unknown, now = new Date()) {
  if (!canSetUpHiring(viewer.roles)) throw new ForbiddenError("Only recruiters and admins erase candidates.");
  const { reason } = parseInput(eraseSchema, input);
  await db.$transaction((tx) => eraseIn(tx, candidateId, viewer.id, reason, now));
  return { id: candidateId, erasedAt: now };
}

/**
 * Retention: erases candidates who ended (rejected, withdrawn, or hired) or whose opening closed,
 * and who have not changed for `days` days. Each candidate in its own transaction.
 */
export async function eraseExpiredCandidates(days: number, now = new Date()) {
  if (days <= 0) return [];
  const before = new Date(now.getTime() - days * 86_400_000);
  const due = await db.candidate.findMany({
    where: {
      erasedAt: null,
      updatedAt: { lt: before },
      OR: [{ stage: { in: ["rejected", "withdrawn", "hired"] } }, { opening: { status: "closed" } }],
    },
    select: { id: true },
  });
  const erased: string[] = [];
  for (const c of due) {
    try {
      await db.$transaction((tx) =>
        eraseIn(tx, c.id, null, `retention: no change for ${days} days after the process ended`, now),
      );
      erased.push(c.id);
    } catch (error) {
      // erased since the list was read (another instance's pass, a recruiter): nothing left to do
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return erased;
}

/** Who read a candidate's summary or exported their ratings, and how. */
export async function recordCandidateView(
  viewer: Viewer,
  candidateId: string,
  via: "page" | "json" | "api" | "csv" | "print",
) {
  await audit(db, {
    actorId: viewer.id,
    action: "candidate.viewed",
    entityType: "Candidate",
    entityId: candidateId,
    after: { via },
  });
}
