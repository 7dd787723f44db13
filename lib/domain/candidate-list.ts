// Filtering and sorting an opening's candidates (issue 4). Pure.
import { CANDIDATE_STAGES } from "./vocabulary";
import { recommendationRank, type CandidateScore, type Recommendation } from "./scoring";

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
  score: Pick<CandidateScore, "score" | "recommendation" | "split" | "coverage"> & { redFlags: readonly unknown[] };
  loop: { planned: number; submitted: number; missing: number; overdue: number };
};

export function defaultDirection(sort: CandidateListQuery["sort"]): "asc" | "desc" {
  return sort === "name" || sort === "stage" ? "asc" : "desc";
}

/** Insufficient evidence sorts below every real recommendation. */
const recValue = (r: Recommendation) => recommendationRank(r) ?? -1;

export function filterAndSortCandidates<T extends CandidateListRow>(rows: readonly T[], q: CandidateListQuery): T[] {
  const kept = rows.filter(
    (r) =>
      (!q.rec || r.score.recommendation === q.rec) &&
      (!q.missing || r.loop.missing > 0) &&
      (!q.flag ||
        (q.flag === "red-flag" && r.score.redFlags.length > 0) ||
        (q.flag === "split" && r.score.split.isSplit) ||
        (q.flag === "any" && (r.score.redFlags.length > 0 || r.score.split.isSplit))),
  );
  const dir = (q.dir ?? defaultDirection(q.sort)) === "asc" ? 1 : -1;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  const key: Record<CandidateListQuery["sort"], (a: T, b: T) => number> = {
    name: byName,
    stage: (a, b) => CANDIDATE_STAGES.indexOf(a.stage as never) - CANDIDATE_STAGES.indexOf(b.stage as never),
    progress: (a, b) => a.loop.submitted / (a.loop.planned || 1) - b.loop.submitted / (b.loop.planned || 1),
    // unscored candidates last whichever way
    score: (a, b) => (a.score.score ?? -Infinity) - (b.score.score ?? -Infinity),
    recommendation: (a, b) => recValue(a.score.recommendation) - recValue(b.score.recommendation) || (a.score.score ?? 0) - (b.score.score ?? 0),
  };
  return [...kept].sort((a, b) => {
    if (q.sort === "score" && (a.score.score === null) !== (b.score.score === null)) return a.score.score === null ? 1 : -1;
    return dir * key[q.sort](a, b) || byName(a, b);
  });
}
