// CSV exports (docs/decisions/004-scoring.md, "One summary object"): built from the same summaries
// the pages show, so the numbers agree.
import type { OpeningCandidates } from "./data/candidate-list";
import type { CandidateSummary } from "./data/candidate-summary";
import { toCsv } from "./csv";
import { type SplitCause } from "./domain/scoring";
import { formatScore } from "./domain/score-format";
import { NOT_ASSESSED_LABEL, OVERALL_RECOMMENDATION_LABELS, RATING_LABELS, type Rating } from "./domain/vocabulary";

export function splitCauseText(c: SplitCause): string {
  return c.kind === "dimension"
    ? `${c.name}: ratings from ${c.min} to ${c.max}`
    : `Strong yes (${c.strongYes.join(", ")}) and Strong no (${c.strongNo.join(", ")})`;
}

/** One row per submitted rating (1–5 or Not assessed), interviewer by interviewer. */
export function candidateRatingsCsv(s: CandidateSummary): string {
  const header = [
    "Candidate",
    "Opening",
    "Role",
    "Interviewer",
    "Exercise",
    "Submitted at",
    "Overall recommendation",
    "Dimension",
    "Weight (%)",
    "Rating",
    "Rating label",
    "Evidence",
    "Dimension mean",
    "Candidate score",
    "Coverage",
    "Candidate recommendation",
  ];
  const rows = s.scorecards.flatMap((sc) =>
    s.score.dimensions
      .filter((d) => sc.ratings[d.id])
      .map((d) => {
        const r = sc.ratings[d.id];
        return [
          s.candidate.name,
          s.opening.title,
          `${s.role.title} v${s.role.version}`,
          sc.interviewerName,
          sc.exercise ?? "",
          sc.submittedAt?.toISOString() ?? "",
          sc.recommendation ? OVERALL_RECOMMENDATION_LABELS[sc.recommendation] : "",
          d.name,
          d.weight,
          r.notAssessed ? "" : r.rating,
          r.notAssessed ? NOT_ASSESSED_LABEL : RATING_LABELS[r.rating as Rating],
          r.evidence,
          formatScore(d.mean),
          s.display.score,
          s.display.coverage,
          s.display.recommendation,
        ];
      }),
  );
  return toCsv(header, rows);
}

/**
 * One row per candidate of an opening, as the list shows them. A candidate whose feedback is
 * withheld from the viewer (their own scorecard owed) says so in the score column, nothing more.
 */
export function openingCandidatesCsv(o: OpeningCandidates): string {
  const header = [
    "Candidate",
    "Email",
    "Stage",
    "Scorecards submitted",
    "Interviews planned",
    "Feedback missing",
    "Overdue",
    "Weighted score",
    "Coverage",
    "Recommendation",
    "Why",
    "Red flags",
    "Split panel",
    "Split because",
  ];
  const rows = o.candidates.map((c) => [
    c.name,
    c.email,
    c.stage,
    c.loop.submitted,
    c.loop.planned,
    c.loop.missing,
    c.loop.overdue,
    c.display.score,
    c.display.coverage,
    c.display.recommendation,
    ...(c.score
      ? [
          c.score.rule.text,
          c.score.redFlags.map((f) => f.text).join("; "),
          c.score.split.isSplit ? "yes" : "no",
          c.score.split.causes.map(splitCauseText).join("; "),
        ]
      : ["", "", "", ""]),
  ]);
  return toCsv(header, rows);
}

/** The audit log as filtered on screen: one row per entry, snapshots as JSON text. */
export function auditCsv(
  rows: readonly {
    at: Date;
    action: string;
    entityType: string;
    entityId: string;
    before: string | null;
    after: string | null;
    actor: { name: string; email: string } | null;
  }[],
): string {
  const header = ["At (UTC)", "Actor", "Actor e-mail", "Action", "Entity type", "Entity id", "Before", "After"];
  return toCsv(
    header,
    rows.map((r) => [
      r.at.toISOString(),
      r.actor?.name ?? "(system)",
      r.actor?.email ?? "",
      r.action,
      r.entityType,
      r.entityId,
      r.before ?? "",
      r.after ?? "",
    ]),
  );
}
