// The comparison's scorecards travel to the browser (the engine re-ranks there as weights move).
// Two hundred candidates' scorecards as plain objects are about a megabyte of page, mostly ids
// repeated: this packs each scorecard into a short tuple against the template's dimension and
// red-flag order and one list of interviewers, and unpacks it unchanged for the engine.
import type { ScoringScorecard, ScoringTemplate } from "./scoring";
import { OVERALL_RECOMMENDATIONS, type OverallRecommendation } from "./vocabulary";

/**
 * [interviewer index, overall recommendation index or -1, ratings, red flags]. Ratings hold one
 * character per template dimension: "1"–"5", "n" for Not assessed, "." for not rated.
 */
export type WireScorecard = [number, number, string, [number, string][]?];
export type WireScorecards = { interviewers: { id: string; name: string }[]; cards: WireScorecard[][] };

export function packScorecards(template: ScoringTemplate, perCandidate: ScoringScorecard[][]): WireScorecards {
  const dimIndex = new Map(template.dimensions.map((d, i) => [d.id, i]));
  const flagIndex = new Map(template.redFlags.map((f, i) => [f.id, i]));
  const interviewers: { id: string; name: string }[] = [];
  const who = new Map<string, number>();
  const cards = perCandidate.map((scorecards) =>
    scorecards.map((s): WireScorecard => {
      if (!who.has(s.interviewerId))
        who.set(s.interviewerId, interviewers.push({ id: s.interviewerId, name: s.interviewerName }) - 1);
      const ratings = template.dimensions.map(() => ".");
      for (const r of s.ratings) {
        const i = dimIndex.get(r.dimensionId);
        if (i !== undefined) ratings[i] = r.rating === null ? "n" : String(r.rating);
      }
      const flags = s.redFlags.flatMap((f): [number, string][] =>
        flagIndex.has(f.redFlagId) ? [[flagIndex.get(f.redFlagId)!, f.note]] : [],
      );
      const card: WireScorecard = [
        who.get(s.interviewerId)!,
        s.recommendation ? OVERALL_RECOMMENDATIONS.indexOf(s.recommendation) : -1,
        ratings.join(""),
      ];
      if (flags.length) card.push(flags);
      return card;
    }),
  );
  return { interviewers, cards };
}

/** The engine's scorecards again; ids are positional ("<candidate>:<n>"), submitted by construction. */
export function unpackScorecards(
  template: ScoringTemplate,
  wire: WireScorecards,
  candidateIds: string[],
): ScoringScorecard[][] {
  return wire.cards.map((cards, c) =>
    cards.map(([interviewer, recommendation, ratings, flags], n) => ({
      id: `${candidateIds[c]}:${n}`,
      status: "submitted",
      interviewerId: wire.interviewers[interviewer].id,
      interviewerName: wire.interviewers[interviewer].name,
      recommendation: recommendation < 0 ? null : (OVERALL_RECOMMENDATIONS[recommendation] as OverallRecommendation),
      ratings: template.dimensions.flatMap((d, i) =>
        ratings[i] === "." ? [] : [{ dimensionId: d.id, rating: ratings[i] === "n" ? null : Number(ratings[i]) }],
      ),
      redFlags: (flags ?? []).map(([f, note]) => ({ redFlagId: template.redFlags[f].id, note })),
    })),
  );
}
