// Filtering and sorting an opening's candidates (docs/decisions/004-scoring.md). Pure.
import { CANDIDATE_STAGES } from "./vocabulary";
import { compareForRanking, recommendationRank, type CandidateScore, type Recommendation } from "./scoring";

export type CandidateListQuery = {
  sort: "name" | "stage" | "progress" | "score" | "recommendation";
  /** default: descending for score, recommendation and progress; ascending for name and stage */
  dir?: "asc" | "desc";
  rec?: Recommendation;
  flag?: "red-flag" | "split" | "any";
  /** only candidates with feedback still owed (an interview has taken place without a submitted scorecard) */
  missing: boolean;
};

export type CandidateListRow = {
  name: string;
  stage: string;
  /** null when the viewer's own scorecard on the candidate is owed (independent ratings first) */
  score:
    | (Pick<CandidateScore, "score" | "recommendation" | "split" | "coverage"> &
        Partial<Pick<CandidateScore, "scoreExact">> & { redFlags: readonly unknown[] })
    | null;
  loop: { planned: number; submitted: number; missing: number; overdue: number };
};

export function defaultDirection(sort: CandidateListQuery["sort"]): "asc" | "desc" {
  return sort === "name" || sort === "stage" ? "asc" : "desc";
}

/** Insufficient evidence sorts below every real recommendation. */
const recValue = (r: Recommendation) => recommendationRank(r) ?? -1;

/**
 * Rows whose score is hidden never match a filter on scores (which would tell what they hold) and
 * sort last by score or recommendation, whichever way. Equal scores keep the ranking's order
 * (coverage, higher first, then the order given: when the candidates were added); other sorts
 * break ties by name.
 */
export function filterAndSortCandidates<T extends CandidateListRow>(rows: readonly T[], q: CandidateListQuery): T[] {
  const kept = rows.filter((r) => {
    if (!r.score) return !q.rec && !q.flag && (!q.missing || r.loop.missing > 0);
    return (
      (!q.rec || r.score.recommendation === q.rec) &&
      (!q.missing || r.loop.missing > 0) &&
      (!q.flag ||
        (q.flag === "red-flag" && r.score.redFlags.length > 0) ||
        (q.flag === "split" && r.score.split.isSplit) ||
        (q.flag === "any" && (r.score.redFlags.length > 0 || r.score.split.isSplit)))
    );
  });
  const dir = (q.dir ?? defaultDirection(q.sort)) === "asc" ? 1 : -1;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  type Score = NonNullable<CandidateListRow["score"]>;
  // ascending by score, exactly (the ranking's comparison with coverage left out)
  const byScore = (a: Score, b: Score) =>
    -compareForRanking(
      { ...a, scoreExact: a.scoreExact ?? null, coverage: 0 },
      { ...b, scoreExact: b.scoreExact ?? null, coverage: 0 },
    );
  const key: Record<CandidateListQuery["sort"], (a: T, b: T) => number> = {
    name: byName,
    stage: (a, b) => CANDIDATE_STAGES.indexOf(a.stage as never) - CANDIDATE_STAGES.indexOf(b.stage as never),
    progress: (a, b) => a.loop.submitted / (a.loop.planned || 1) - b.loop.submitted / (b.loop.planned || 1),
    score: (a, b) => byScore(a.score!, b.score!),
    recommendation: (a, b) =>
      recValue(a.score!.recommendation) - recValue(b.score!.recommendation) || byScore(a.score!, b.score!),
  };
  const onScores = q.sort === "score" || q.sort === "recommendation";
  return [...kept].sort((a, b) => {
    if (onScores) {
      // hidden rows, then unscored ones, last whichever way
      if (!a.score || !b.score) return !a.score && !b.score ? 0 : a.score ? -1 : 1;
      if (q.sort === "score" && (a.score.score === null) !== (b.score.score === null))
        return a.score.score === null ? 1 : -1;
      const primary = dir * key[q.sort](a, b);
      if (primary || q.sort === "recommendation") return primary || byName(a, b);
      // equal scores: coverage, higher first, then the order given (when added), whichever the direction
      return Math.abs(a.score.coverage - b.score.coverage) > 1e-9 ? b.score.coverage - a.score.coverage : 0;
    }
    return dir * key[q.sort](a, b) || byName(a, b);
  });
}
