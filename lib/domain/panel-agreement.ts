// Where the panel agrees and disagrees, dimension by dimension, each point cited by the
// interviewer's own evidence (docs/decisions/076-agreement-with-citations.md). Computed, never
// written by a model: the same ratings always give the same text in the same order. It adds no
// number to the recommendation (lib/domain/scoring.ts stays the only scorer).

/** A submitted rating row as the summary carries it: 1–5, or Not assessed (rating null). */
export type AgreementCell = { rating: number | null; notAssessed: boolean; evidence: string };

export type AgreementInput = {
  /** the template's dimensions, in template order */
  dimensions: readonly { id: string; name: string; weight: number }[];
  /** submitted scorecards, in the summary's order; ratings keyed by dimension id */
  scorecards: readonly { id: string; interviewerName: string; ratings: Readonly<Record<string, AgreementCell>> }[];
};

export type CitedRating = {
  scorecardId: string;
  interviewerName: string;
  rating: number;
  /** the note's first sentence (firstSentence below); "" when the interviewer wrote none */
  quote: string;
  /** whether the quote is less than the whole note */
  shortened: boolean;
  /** the id of the full note on the summary page (noteAnchor) */
  anchor: string;
};

export type AgreementKind = "agreement" | "disagreement" | "single-rating";

export type DimensionAgreement = {
  dimensionId: string;
  name: string;
  weight: number;
  kind: AgreementKind;
  /** highest minus lowest 1–5 rating; 0 for a single rating */
  spread: number;
  /** the ratings 1–5, in scorecard order */
  ratings: CitedRating[];
  /** who marked it Not assessed: named, never counted as a rating */
  notAssessedBy: string[];
};

export type PanelAgreement = {
  /** dimensions with at least one 1–5 rating, by weight × spread descending, ties in template order */
  dimensions: DimensionAgreement[];
  /** dimensions no one rated 1–5, in template order, with who marked them Not assessed */
  unassessed: { dimensionId: string; name: string; weight: number; notAssessedBy: string[] }[];
};

/** Spread at or under this is agreement; above it (≥ 2 on whole ratings) is disagreement. */
export const AGREEMENT_MAX_SPREAD = 1;
/** A sentence ends only after this many characters, so "Dr. " or "e.g. " at the start does not end it. */
export const QUOTE_MIN_CHARS = 20;
/** Longest quote, in user-perceived characters, ellipsis included. */
export const QUOTE_MAX_CHARS = 200;

/** The id of an evidence note on the summary page: the matrix cell's note carries it. */
export const noteAnchor = (scorecardId: string, dimensionId: string) => `note-${scorecardId}-${dimensionId}`;

const graphemes = (s: string) =>
  Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s), (g) => g.segment);

/**
 * The first sentence of a note, by a rule that is simple rather than clever: after trimming, the
 * text up to the first ".", "!", "?", "。", "！" or "？" followed by whitespace, or the first line
 * break, whichever comes first at or after QUOTE_MIN_CHARS characters; otherwise the whole
 * text. An abbreviation later in the note ("approx. 3") ends the sentence there: predictable,
 * not linguistic. Then at most QUOTE_MAX_CHARS graphemes, the last being "…" when cut, so
 * neither a surrogate pair nor a combined character is ever split.
 */
export function firstSentence(note: string): { quote: string; shortened: boolean } {
  const text = note.trim();
  const end = /[.!?。！？](?=\s)|\r?\n/g;
  end.lastIndex = 0;
  let cut = text.length;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const stop = m[0].includes("\n") ? m.index : m.index + m[0].length;
    if (stop >= QUOTE_MIN_CHARS) {
      cut = stop;
      break;
    }
  }
  let quote = text.slice(0, cut).trimEnd();
  const parts = graphemes(quote);
  if (parts.length > QUOTE_MAX_CHARS)
    quote =
      parts
        .slice(0, QUOTE_MAX_CHARS - 1)
        .join("")
        .trimEnd() + "…";
  return { quote, shortened: quote !== text };
}

const kindOf = (count: number, spread: number): AgreementKind =>
  count < 2 ? "single-rating" : spread <= AGREEMENT_MAX_SPREAD ? "agreement" : "disagreement";

export function panelAgreement({ dimensions, scorecards }: AgreementInput): PanelAgreement {
  const rows = dimensions.map((d, position) => {
    const ratings: CitedRating[] = [];
    const notAssessedBy: string[] = [];
    for (const s of scorecards) {
      const cell = s.ratings[d.id];
      if (!cell) continue;
      // Not assessed is never a rating, whatever number a row might carry beside it
      if (cell.notAssessed || cell.rating === null) {
        if (cell.notAssessed) notAssessedBy.push(s.interviewerName);
        continue;
      }
      ratings.push({
        scorecardId: s.id,
        interviewerName: s.interviewerName,
        rating: cell.rating,
        ...firstSentence(cell.evidence),
        anchor: noteAnchor(s.id, d.id),
      });
    }
    const values = ratings.map((r) => r.rating);
    const spread = values.length ? Math.max(...values) - Math.min(...values) : 0;
    return { position, d, ratings, notAssessedBy, spread };
  });
  const rated = rows
    .filter((r) => r.ratings.length > 0)
    .sort((a, b) => b.d.weight * b.spread - a.d.weight * a.spread || a.position - b.position);
  return {
    dimensions: rated.map(({ d, ratings, notAssessedBy, spread }) => ({
      dimensionId: d.id,
      name: d.name,
      weight: d.weight,
      kind: kindOf(ratings.length, spread),
      spread,
      ratings,
      notAssessedBy,
    })),
    unassessed: rows
      .filter((r) => r.ratings.length === 0)
      .map(({ d, notAssessedBy }) => ({ dimensionId: d.id, name: d.name, weight: d.weight, notAssessedBy })),
  };
}
