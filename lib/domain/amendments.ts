// A scorecard's history told by submission (docs/decisions/059-amendment-history-by-submission.md):
// version 1 is the first submission, version k+1 the k-th amendment, each with who amended it,
// when, why, and what changed. The stored amendment rows hold the content BEFORE each amendment
// and the reason for the change that produced the next version; the internal save counter is
// never shown.
import type { ScorecardValues } from "../validations/scorecard";
import { NOT_ASSESSED_LABEL, OVERALL_RECOMMENDATION_LABELS, type OverallRecommendation } from "./vocabulary";

export type AmendmentRow = {
  createdAt: Date;
  reason: string;
  amendedBy: { id: string; name: string };
  /** the content before this amendment */
  values: ScorecardValues;
  /** the submission time stored with that content */
  submittedAt: Date | null;
};

export type ChangeField = "recommendation" | "rating" | "evidence" | "redFlag" | "redFlagNote" | "keyTakeaways";

export type AmendmentChange = {
  field: ChangeField;
  /** what changed, as people read it: "Overall", a dimension's name, a red flag's text */
  subject: string;
  /** the dimension or red flag, when the change is about one */
  subjectId: string | null;
  /** labels; null for text edits, whose text is not repeated here */
  from: string | null;
  to: string | null;
  /** the change in one line: "Overall: Strong yes → No" */
  description: string;
};

export type SubmissionVersion = {
  version: number;
  values: ScorecardValues;
  /** when this version was submitted (version 1) or amended into being */
  at: Date;
  /** null for version 1 (the first submission) */
  amendment: { by: { id: string; name: string }; reason: string; changes: AmendmentChange[] } | null;
  current: boolean;
};

export type HistoryLabels = {
  dimensions: readonly { id: string; name: string }[];
  redFlags: readonly { id: string; text: string }[];
};

const recommendationLabel = (r: string) => OVERALL_RECOMMENDATION_LABELS[r as OverallRecommendation] ?? "—";
const scoreLabel = (s: string | undefined) => (s === "na" ? NOT_ASSESSED_LABEL : s ? s : "Not rated");

/** What changed from one version's content to the next, in the template's order. */
export function changesBetween(before: ScorecardValues, after: ScorecardValues, labels: HistoryLabels) {
  const out: AmendmentChange[] = [];
  const add = (c: Omit<AmendmentChange, "description">, description: string) => out.push({ ...c, description });
  if (before.recommendation !== after.recommendation) {
    const from = recommendationLabel(before.recommendation);
    const to = recommendationLabel(after.recommendation);
    add({ field: "recommendation", subject: "Overall", subjectId: null, from, to }, `Overall: ${from} → ${to}`);
  }
  for (const d of labels.dimensions) {
    const b = before.ratings[d.id];
    const a = after.ratings[d.id];
    if ((b?.score ?? "") !== (a?.score ?? "")) {
      const from = scoreLabel(b?.score);
      const to = scoreLabel(a?.score);
      add({ field: "rating", subject: d.name, subjectId: d.id, from, to }, `${d.name}: ${from} → ${to}`);
    }
    if ((b?.evidence ?? "") !== (a?.evidence ?? ""))
      add({ field: "evidence", subject: d.name, subjectId: d.id, from: null, to: null }, `${d.name}: evidence edited`);
  }
  for (const f of labels.redFlags) {
    const b = before.redFlags[f.id];
    const a = after.redFlags[f.id];
    const was = Boolean(b?.observed);
    const is = Boolean(a?.observed);
    if (was !== is) {
      const [from, to] = was ? ["Observed", "Not observed"] : ["Not observed", "Observed"];
      add(
        { field: "redFlag", subject: f.text, subjectId: f.id, from, to },
        `Red flag ${is ? "ticked" : "unticked"}: ${f.text}`,
      );
    } else if (is && (b?.note ?? "") !== (a?.note ?? "")) {
      add(
        { field: "redFlagNote", subject: f.text, subjectId: f.id, from: null, to: null },
        `Red flag note edited: ${f.text}`,
      );
    }
  }
  if (before.keyTakeaways !== after.keyTakeaways)
    add(
      { field: "keyTakeaways", subject: "Key take-aways", subjectId: null, from: null, to: null },
      "Key take-aways edited",
    );
  return out;
}

/**
 * The submissions of a scorecard, oldest first: version 1 at the first submission, then one
 * version per amendment (rows sorted by createdAt), the last one current.
 */
export function submissionHistory(
  current: { values: ScorecardValues; submittedAt: Date },
  amendments: readonly AmendmentRow[],
  labels: HistoryLabels,
): SubmissionVersion[] {
  const contents = [...amendments.map((a) => a.values), current.values];
  const first: SubmissionVersion = {
    version: 1,
    values: contents[0],
    at: amendments[0]?.submittedAt ?? current.submittedAt,
    amendment: null,
    current: amendments.length === 0,
  };
  return [
    first,
    ...amendments.map((a, k) => ({
      version: k + 2,
      values: contents[k + 1],
      at: a.createdAt,
      amendment: { by: a.amendedBy, reason: a.reason, changes: changesBetween(contents[k], contents[k + 1], labels) },
      current: k === amendments.length - 1,
    })),
  ];
}

/** The amendments only, as the summary and its JSON list them (oldest first). */
export function amendmentLog(history: readonly SubmissionVersion[]) {
  return history.flatMap((v) =>
    v.amendment
      ? [
          {
            version: v.version,
            amendedAt: v.at,
            amendedBy: v.amendment.by,
            reason: v.amendment.reason,
            changes: v.amendment.changes,
          },
        ]
      : [],
  );
}
export type AmendmentLogEntry = ReturnType<typeof amendmentLog>[number];
