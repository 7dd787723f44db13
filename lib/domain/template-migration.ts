// Moving an opening to a newer version of its role (the pure part): which rows of the old version
// become which rows of the new one, what no longer counts, and every candidate's score before and
// after, for the preview and for the audit entry of the move (lib/data/opening-migration.ts).
import { scoreCandidate, type CandidateScore, type ScoringScorecard, type ScoringTemplate } from "./scoring";

/** Old-version ids → new-version ids. */
export type MigrationMaps = {
  dimension: Map<string, string>;
  exercise: Map<string, string>;
  redFlag: Map<string, string>;
};

/** Old-version ids → new-version ids, matched by dimension name, exercise title, red-flag text. */
export function migrationMaps(from: ScoringTemplate, to: ScoringTemplate): MigrationMaps {
  const match = <T extends { id: string }>(old: T[], next: T[], key: (r: T) => string) => {
    const ids = new Map(next.map((r) => [key(r), r.id]));
    return new Map(old.flatMap((r) => (ids.has(key(r)) ? [[r.id, ids.get(key(r))!] as const] : [])));
  };
  return {
    dimension: match(from.dimensions, to.dimensions, (d) => d.name),
    exercise: match(from.exercises, to.exercises, (e) => e.title),
    redFlag: match(from.redFlags, to.redFlags, (f) => f.text),
  };
}

/** A scorecard re-pointed to the new version: ratings and flags of removed rows no longer count. */
export function remapScorecard(s: ScoringScorecard, maps: MigrationMaps): ScoringScorecard {
  return {
    ...s,
    ratings: s.ratings.flatMap((r) => {
      const dimensionId = maps.dimension.get(r.dimensionId);
      return dimensionId ? [{ dimensionId, rating: r.rating }] : [];
    }),
    redFlags: s.redFlags.flatMap((f) => {
      const redFlagId = maps.redFlag.get(f.redFlagId);
      return redFlagId ? [{ redFlagId, note: f.note }] : [];
    }),
  };
}

/**
 * A stored scorecard snapshot (a debrief's: docs/decisions/078-debrief-mode.md) re-pointed to the
 * new version. Rows of removed dimensions or flags keep their old ids, as the stored ratings do:
 * they no longer count, and are not lost.
 */
export function remapSnapshot<
  T extends { ratings: readonly { dimensionId: string }[]; redFlags: readonly { redFlagId: string }[] },
>(s: T, maps: MigrationMaps): T {
  return {
    ...s,
    ratings: s.ratings.map((r) => ({ ...r, dimensionId: maps.dimension.get(r.dimensionId) ?? r.dimensionId })),
    redFlags: s.redFlags.map((f) => ({ ...f, redFlagId: maps.redFlag.get(f.redFlagId) ?? f.redFlagId })),
  };
}

/**
 * A submitted scorecard of the opening: what the engine reads of it, and the dimensions of every
 * stored rating row (rows that do not count are still stored, and still lost with their dimension).
 */
export type MigratingScorecard = {
  candidateId: string;
  scorecard: ScoringScorecard;
  storedDimensionIds: readonly string[];
};

const headline = (s: CandidateScore) => ({ recommendation: s.recommendation, score: s.score });

/** Everything the move changes, computed from the two versions and the opening's scorecards. */
export function planTemplateMigration(
  from: ScoringTemplate,
  to: ScoringTemplate,
  candidates: readonly { id: string; name: string }[],
  scorecards: readonly MigratingScorecard[],
) {
  const maps = migrationMaps(from, to);
  const lostRatings = scorecards.reduce(
    (n, s) => n + s.storedDimensionIds.filter((id) => !maps.dimension.has(id)).length,
    0,
  );
  const lostFlags = scorecards.reduce(
    (n, s) => n + s.scorecard.redFlags.filter((f) => !maps.redFlag.has(f.redFlagId)).length,
    0,
  );
  return {
    maps,
    lostRatings,
    lostFlags,
    candidates: candidates.map((c) => {
      const mine = scorecards.filter((s) => s.candidateId === c.id).map((s) => s.scorecard);
      const before = scoreCandidate(from, mine);
      const after = scoreCandidate(
        to,
        mine.map((s) => remapScorecard(s, maps)),
      );
      return { id: c.id, name: c.name, before: headline(before), after: headline(after) };
    }),
  };
}
