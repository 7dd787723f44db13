import "server-only";
import { db, type DbTx } from "../db";
import { groupBy } from "../domain/group-by";
import { feedbackBlocked, feedbackWithheldMessage, type Viewer } from "../domain/permissions";
import { AppError } from "../errors";
import { sql } from "./sql";

// Independent ratings first (docs/product.md "Visibility and independence"): while a viewer owes
// their own scorecard on a candidate, none of the panel's feedback on them reaches the viewer.

/** Why a viewer sees none of the panel's feedback on a candidate, and which scorecard is theirs to fill. */
export type FeedbackWithheld = { reason: "own-scorecard-not-submitted"; message: string; interviewId: string };

/** A read or a decision refused under independent ratings first (403, code "feedback_withheld"). */
export class FeedbackWithheldError extends AppError {
  constructor(
    message: string,
    readonly interviewId: string,
  ) {
    super(message, 403, "feedback_withheld");
  }
}

/**
 * The candidates in a set (one candidate, or an opening's) for which the viewer has a scheduled
 * interview with no submitted scorecard: independent ratings first (lib/domain/permissions.ts
 * feedbackBlocked), whatever the viewer's roles. One query over the viewer's own interviews; every
 * read of others' feedback (summary, list, comparison, CSVs, API) goes through it.
 */
export async function withheldFeedback(
  client: DbTx,
  viewerId: string,
  set: { candidateId: string } | { openingId: string },
): Promise<Map<string, { interviewId: string }>> {
  // one statement (docs/decisions/063: each Prisma query is planned anew, and this one runs on
  // every page that shows feedback); the scorecard joined, not a second query
  const scope =
    "candidateId" in set
      ? sql`i."candidateId" = ${set.candidateId}`
      : sql`i."candidateId" IN (SELECT c."id" FROM "Candidate" c WHERE c."openingId" = ${set.openingId})`;
  const rows = await client.$queryRaw<
    { id: string; candidateId: string; interviewerId: string; status: string; scorecardStatus: string | null }[]
  >(sql`
    SELECT i."id", i."candidateId", i."interviewerId", i."status", s."status" AS "scorecardStatus"
    FROM "Interview" i LEFT JOIN "Scorecard" s ON s."interviewId" = i."id"
    WHERE i."interviewerId" = ${viewerId} AND i."status" = 'scheduled' AND ${scope}
    ORDER BY i."scheduledAt" ASC, i."id" ASC`);
  const out = new Map<string, { interviewId: string }>();
  for (const [candidateId, own] of groupBy(rows, (r) => r.candidateId)) {
    const blocked = feedbackBlocked(viewerId, own);
    if (blocked) out.set(candidateId, blocked);
  }
  return out;
}

/**
 * Throws FeedbackWithheldError while the viewer owes their own scorecard on this candidate: for
 * writes that rest on the panel's feedback (a decision) and for reads outside this module.
 */
export async function assertFeedbackVisible(viewer: Viewer, candidateId: string, client: DbTx = db) {
  const blocked = (await withheldFeedback(client, viewer.id, { candidateId })).get(candidateId);
  if (!blocked) return;
  const c = await client.candidate.findUnique({ where: { id: candidateId }, select: { name: true } });
  throw new FeedbackWithheldError(feedbackWithheldMessage(c?.name ?? "this candidate"), blocked.interviewId);
}
