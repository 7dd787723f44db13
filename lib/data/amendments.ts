import "server-only";
import { db, type DbTx } from "../db";
import { submissionHistory, type HistoryLabels, type SubmissionVersion } from "../domain/amendments";
import type { ScorecardValues } from "../validations/scorecard";
import { kitOf, toValues, type StoredScorecard } from "./interview-kit";

// A scorecard's history by submission (docs/decisions/059-amendment-history-by-submission.md),
// from its amendment rows with who made each one. The callers have already decided that the
// viewer may see the scorecard; the queries here take only those scorecards' ids.

const amendmentRowSelect = {
  scorecardId: true,
  reason: true,
  snapshot: true,
  createdAt: true,
  amendedBy: { select: { id: true, name: true } },
} as const;
// fromVersion grows with each amendment: it orders two made within one clock tick
const amendmentOrder = [{ createdAt: "asc" }, { fromVersion: "asc" }] as const;

type AmendmentRecord = {
  reason: string;
  snapshot: string;
  createdAt: Date;
  amendedBy: { id: string; name: string };
};

/** The template's dimensions and red flags, by which both the form and the history read values. */
export type HistoryTemplate = HistoryLabels;

/** A submitted scorecard now: its content as form values and its (first) submission time. */
type Current = { id: string; values: ScorecardValues; submittedAt: Date };

function historyOf(template: HistoryTemplate, current: Current, rows: readonly AmendmentRecord[]) {
  const kit = kitOf(template, []);
  return submissionHistory(
    current,
    rows.map((r) => {
      const snapshot = JSON.parse(r.snapshot) as StoredScorecard & { submittedAt?: string | null };
      return {
        createdAt: r.createdAt,
        reason: r.reason,
        amendedBy: r.amendedBy,
        values: toValues(kit, snapshot),
        submittedAt: snapshot.submittedAt ? new Date(snapshot.submittedAt) : null,
      };
    }),
    template,
  );
}

/** One submitted scorecard's versions, oldest first (its author's own page). */
export async function getSubmissionHistory(
  authorId: string,
  template: HistoryTemplate,
  current: Current,
  client: DbTx = db,
): Promise<SubmissionVersion[]> {
  const rows = await client.scorecardAmendment.findMany({
    where: { scorecardId: current.id, scorecard: { authorId } },
    orderBy: [...amendmentOrder],
    select: amendmentRowSelect,
  });
  return historyOf(template, current, rows);
}

/**
 * The versions of each of these scorecards (all visible to the caller), in one query; a
 * scorecard never amended gets its single version without one.
 */
export async function getSubmissionHistories(
  template: HistoryTemplate,
  scorecards: readonly (StoredScorecard & { id: string; submittedAt: Date | null; amended: boolean })[],
  client: DbTx = db,
): Promise<Map<string, SubmissionVersion[]>> {
  const kit = kitOf(template, []);
  const amendedIds = scorecards.filter((s) => s.amended).map((s) => s.id);
  const rows = amendedIds.length
    ? await client.scorecardAmendment.findMany({
        where: { scorecardId: { in: amendedIds } },
        orderBy: [...amendmentOrder],
        select: amendmentRowSelect,
      })
    : [];
  return new Map(
    scorecards.map((s) => [
      s.id,
      historyOf(
        template,
        { id: s.id, values: toValues(kit, s), submittedAt: s.submittedAt ?? new Date(0) },
        rows.filter((r) => r.scorecardId === s.id),
      ),
    ]),
  );
}
