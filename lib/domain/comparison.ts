// The comparison's numbers (docs/decisions/005, 012), computed once for the page (in the browser,
// as what-if weights move) and for the JSON API: the ranking on the scores asked for, raw or
// calibrated, and beside each candidate the other score.
import { calibrateScorecards, type Offsets, type RecommendOn } from "./calibration";
import { scoreCandidate, type CandidateScore, type Recommendation } from "./scoring";
import type { ScoringTemplate } from "./scoring";
import { rankCandidates, type CandidateInput, type Ranked } from "./sensitivity";

export type CompareOptions = {
  /** rank on calibrated scores (each interviewer's leniency removed) instead of the ratings as given */
  calibrated: boolean;
  /** the scores the role's recommendation uses, whichever the ranking is on */
  recommendOn: RecommendOn;
  offsets: Offsets;
  /** the other score is computed for the first `shown` candidates, ranked then apart (all if omitted) */
  shown?: number;
};

/**
 * Ranks candidates (their scorecards as given) on raw or calibrated scores. Candidates with
 * Insufficient evidence are apart, not ranked; candidates whose feedback is withheld from the
 * viewer are the caller's to leave out (docs/product.md "Visibility and independence").
 */
export function compareCandidates(template: ScoringTemplate, candidates: readonly CandidateInput[], o: CompareOptions) {
  const calibrate = (cards: CandidateInput["scorecards"]) => calibrateScorecards(cards, o.offsets);
  /** the scorecards the ranking is on (also what the sensitivity of the ranking is measured on) */
  const inputs = o.calibrated ? candidates.map((c) => ({ ...c, scorecards: calibrate(c.scorecards) })) : candidates;
  const { ranked, apart } = rankCandidates(template, inputs);
  const raw = new Map(candidates.map((c) => [c.id, c.scorecards]));
  const other = new Map<string, CandidateScore>(
    [...ranked, ...apart].slice(0, o.shown).map((r) => {
      const cards = raw.get(r.id)!;
      return [r.id, scoreCandidate(template, o.calibrated ? cards : calibrate(cards))];
    }),
  );
  /** the recommendation always comes from the scores the role recommends on */
  const recommendationOf = (r: Ranked): Recommendation =>
    ((o.recommendOn === "calibrated") === o.calibrated ? r.score : other.get(r.id)!).recommendation;
  /** a candidate's raw and calibrated scores, whichever the ranking is on */
  const bothScores = (r: Ranked) => {
    const theOther = other.get(r.id)!;
    return o.calibrated ? { raw: theOther, calibrated: r.score } : { raw: r.score, calibrated: theOther };
  };
  return { inputs, ranked, apart, other, recommendationOf, bothScores };
}

export type Comparison = ReturnType<typeof compareCandidates>;
