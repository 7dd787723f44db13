// What /api/v1 computes for the token's user: a candidate's scores and summary, an opening's
// comparison, their interviews, themselves and the people they can assign. Independent ratings
// first (docs/product.md "Visibility and independence"): feedback the user may not see yet is
// withheld, and the shapes say so.
import { z } from "zod";
import { IMPORT_FIELD_KEYS } from "../domain/candidate-import-fields";
import { APP_ROLES, CANDIDATE_STAGES, DECISION_OUTCOMES, OVERALL_RECOMMENDATIONS } from "../domain/vocabulary";
import {
  GREENHOUSE_ATTRIBUTE_TYPE,
  GREENHOUSE_RATING_KEYS,
  GREENHOUSE_RATINGS,
  GREENHOUSE_RECOMMENDATIONS,
  MERGE_RECOMMENDATIONS,
} from "../domain/ats-export";
import { instant, interview, page, recommendation } from "./record-schemas";

const dimensionResult = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  weightOrigin: z.string(),
  // fractional in the calibrated view (docs/decisions/039-calibrated-view-offsets.md), so a number,
  // not an integer
  ratings: z
    .array(z.number().min(1).max(5))
    .describe(
      "the ratings, 1–5, in scorecard order: as given (whole numbers) in the raw view; with each interviewer's offset removed in the calibrated view, so fractional",
    ),
  count: z.number().int(),
  notAssessedCount: z.number().int(),
  mean: z.number().nullable(),
  spread: z.number().nullable(),
  contribution: z.number().nullable(),
});
const score = z
  .object({
    score: z.number().nullable().describe("weighted mean 1–5, unrounded; null when nothing is rated"),
    coverage: z.number().describe("share of the weight rated, 0–1"),
    recommendation,
    rule: z.object({ id: z.string(), text: z.string() }).describe("the rule that decided, in words"),
    scorecardCount: z.number().int(),
    dimensions: z.array(dimensionResult),
    redFlags: z.array(
      z.object({
        redFlagId: z.string(),
        text: z.string(),
        raisedBy: z.array(z.object({ interviewerName: z.string(), note: z.string() }).loose()),
        caps: z
          .boolean()
          .describe(
            "whether this flag caps the recommendation at No hire (red flag): raised by at least the role's thresholds.redFlagMinInterviewers different interviewers (docs/decisions/058-red-flag-cap-needs-n-interviewers.md)",
          ),
      }),
    ),
    split: z.object({ isSplit: z.boolean() }).loose(),
  })
  .loose()
  .meta({ id: "Score" });
/** The unit-weight check (docs/decisions/074-unit-weight-check.md): a sensitivity check, never the recommendation. */
const unitWeight = z
  .object({
    applies: z.boolean().describe("false when the weighted result is Insufficient evidence: no band to compare"),
    counted: z.number().int().describe("dimensions with a positive weight: each weighs the same here"),
    rated: z.number().int().describe("of those, how many have a 1–5 rating"),
    score: z.number().nullable().describe("the mean of the rated counted dimensions' means, unrounded"),
    scoreText: z.string().describe("to two decimals, half up on the exact value"),
    scoreExact: z.string().nullable().describe("numerator/denominator on raw ratings; null when calibrated"),
    recommendation: recommendation.nullable().describe("the band the role's thresholds give the equal-weight score"),
    weightedRecommendation: recommendation.describe("the recommendation (the role's weights), unchanged"),
    bandFlips: z.boolean().describe("the equal-weight band differs: the role's weights decide the outcome"),
    text: z.string(),
  })
  .meta({ id: "UnitWeightCheck" });
const recommendOn = z.enum(["raw", "calibrated"]).describe("which scores the role's recommendation uses");
const display = z
  .object({ score: z.string(), coverage: z.string(), recommendation: z.string() })
  .describe("the headline exactly as the app shows it (scores to two decimals, half up on the exact value)");
const feedbackWithheld = z
  .object({
    reason: z.literal("own-scorecard-not-submitted"),
    message: z.string(),
    interviewId: z
      .string()
      .nullable()
      .describe("the token's user's interview to submit a scorecard for (null in blind mode)"),
  })
  .describe(
    "independent ratings first: the token's user has a scheduled interview with this candidate without a submitted scorecard, so no one else's feedback is given",
  );

const amendmentChange = z.object({
  field: z
    .enum(["recommendation", "rating", "evidence", "redFlag", "redFlagNote", "keyTakeaways"])
    .describe("what kind of change: the overall recommendation, a rating, a text edit, a red flag ticked or unticked"),
  subject: z.string().describe("\"Overall\", the dimension's name or the red flag's text"),
  subjectId: z.string().nullable().describe("the dimension or red flag, when the change is about one"),
  from: z.string().nullable().describe("the label before (e.g. Strong yes, 4, Not assessed); null for text edits"),
  to: z.string().nullable().describe("the label after; null for text edits"),
  description: z.string().describe("the change in one line, e.g. Overall: Strong yes → No"),
});

const amendmentLogEntry = z
  .object({
    version: z.number().int().describe("the version this amendment produced: 2 for the first amendment"),
    amendedAt: instant,
    amendedBy: z.object({ id: z.string(), name: z.string() }),
    reason: z.string(),
    changes: z.array(amendmentChange),
    postDebrief: z
      .boolean()
      .describe("made after the candidate's debrief started (docs/decisions/078-debrief-mode.md); on the summary"),
  })
  .meta({ id: "ScorecardAmendmentLogEntry" });

const citedRating = z.object({
  scorecardId: z.string(),
  interviewerName: z.string(),
  rating: z.number().int().min(1).max(5).describe("the rating as given (never calibrated)"),
  quote: z
    .string()
    .describe(
      "the evidence note's first sentence: up to the first . ! ? followed by a space, or line break, at or after 20 characters; at most 200 characters, ending in … when cut; empty when there is no note",
    ),
  shortened: z
    .boolean()
    .describe("whether the quote is less than the whole note (the note is in scorecards[].ratings)"),
  anchor: z.string().describe("the id of the full note on the summary page"),
});
const agreement = z
  .object({
    dimensions: z.array(
      z.object({
        dimensionId: z.string(),
        name: z.string(),
        weight: z.number(),
        kind: z
          .enum(["agreement", "disagreement", "single-rating"])
          .describe(
            "agreement: every rating within 1 point; disagreement: spread of 2 or more; single-rating: one rating",
          ),
        spread: z.number().int().describe("highest minus lowest rating; 0 for a single rating"),
        ratings: z.array(citedRating).describe("the 1–5 ratings, in scorecard order"),
        notAssessedBy: z.array(z.string()).describe("interviewers who marked it Not assessed (not a rating)"),
      }),
    ),
    unassessed: z
      .array(
        z.object({
          dimensionId: z.string(),
          name: z.string(),
          weight: z.number(),
          notAssessedBy: z.array(z.string()),
        }),
      )
      .describe("dimensions no one rated 1–5, in template order"),
  })
  .describe(
    "where the panel agrees and disagrees (docs/decisions/076-agreement-with-citations.md): dimensions with a rating, by weight × spread descending, ties in template order; adds nothing to the score",
  )
  .meta({ id: "PanelAgreement" });
const unit = z.number().min(0).max(1);
const dimensionReliability = z.object({
  dimensionId: z.string(),
  name: z.string(),
  weight: z.number(),
  k: z.number().int().min(0).describe("interviewers with a submitted 1–5 rating on this dimension"),
  rho: z.object({
    rho: z
      .number()
      .nullable()
      .describe("the single-rater reliability used; null when the role's measured ICC(1) is zero or negative"),
    source: z
      .enum(["measured", "default", "no-agreement"])
      .describe(
        "measured: the role's ICC(1) from enough candidates; default: too few candidates to trust it, so the published default; no-agreement: measured zero or negative, not extrapolated",
      ),
    measured: z.number().nullable().describe("the role's ICC(1) on this dimension as the calibration page shows it"),
    candidates: z.number().int().describe("candidates rated by two or more interviewers behind the measured ICC(1)"),
  }),
  now: unit.nullable().describe("Spearman–Brown reliability of the mean of the k ratings"),
  withOneMore: unit.nullable().describe("the same with k + 1 ratings"),
  gain: unit.nullable(),
  text: z.string().describe("the figures in plain words, with the note when the ICC is a default"),
});
const reliability = z
  .object({
    dimensions: z.array(dimensionReliability).describe("the heavy dimensions only"),
    weighted: unit.nullable().describe("weight-weighted mean of the heavy dimensions' reliability"),
    suggestion: z
      .object({
        exerciseId: z.string(),
        title: z.string(),
        now: unit,
        after: unit,
        gain: z.number(),
        dimensionIds: z.array(z.string()),
        text: z.string(),
      })
      .nullable()
      .describe("the role's exercise whose one more interview most raises the weighted reliability"),
    minTrustedCandidates: z.number().int(),
    defaultRho: z.number(),
    defaultRhoSource: z.string(),
  })
  .meta({ id: "CandidateReliability" });

const debriefBlock = z
  .object({
    id: z.string(),
    startedAt: instant,
    startedBy: z.object({ id: z.string(), name: z.string() }),
    endedAt: instant.nullable(),
    revealMode: z.enum(["one", "all"]),
    revealOrder: z.array(z.string()).describe("the interviewers' user ids, first revealed first"),
    seniorIds: z.array(z.string()).describe("the interviewers the facilitator marked senior"),
    pre: display
      .extend({ value: z.number().nullable(), recommendationId: recommendation })
      .describe("the headline computed from the snapshot frozen when the debrief started"),
    post: display
      .extend({ value: z.number().nullable(), recommendationId: recommendation })
      .describe("the headline now"),
    shift: z.object({
      changedOnlyAfter: z
        .boolean()
        .describe("the recommendation differs from the pre-debrief one, and changed through post-debrief changes"),
      text: z.string(),
    }),
    amendments: z.number().int().describe("amendments made after the debrief started"),
    dimensions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        weight: z.number(),
        pre: z.number().nullable().describe("the dimension's mean before the debrief"),
        post: z.number().nullable().describe("its mean now"),
      }),
    ),
    notInAtStart: z
      .array(z.object({ interviewId: z.string(), interviewerName: z.string(), submittedSince: z.boolean() }))
      .describe("the loop's planned interviews whose scorecard was not submitted when the debrief started"),
  })
  .meta({ id: "Debrief" });

export const summary = z
  .object({
    candidate: z
      .object({ id: z.string(), name: z.string(), email: z.string(), stage: z.enum(CANDIDATE_STAGES) })
      .loose(),
    opening: z.object({ id: z.string(), title: z.string() }).loose(),
    role: z.object({ slug: z.string(), title: z.string(), version: z.number().int() }),
    feedbackWithheld: feedbackWithheld
      .nullable()
      .describe(
        "set when others' feedback is withheld: display, score, calibration and reliability are then null, scorecards and decisions empty",
      ),
    display: display.nullable(),
    score: score
      .nullable()
      .describe("the scores the role recommends on: raw unless calibration.recommendOn is calibrated"),
    unitWeight: unitWeight
      .nullable()
      .describe("the headline score with every counted dimension weighted equally (null when feedback is withheld)"),
    calibration: z
      .object({
        recommendOn,
        raw: score,
        calibrated: score,
        rawDisplay: display,
        calibratedDisplay: display,
        adjustments: z.array(
          z.object({
            interviewerId: z.string(),
            interviewerName: z.string(),
            offset: z
              .number()
              .nullable()
              .describe("subtracted from each of their ratings; null: too few shared ratings"),
            shared: z.number().int(),
          }),
        ),
      })
      .nullable()
      .describe(
        "the calibrated view: each interviewer's leniency removed, ratings kept within 1–5 (docs/decisions/039-calibrated-view-offsets.md)",
      ),
    reliability: reliability
      .nullable()
      .describe(
        "is one more interview worth it: how reliable each heavy dimension's mean is and what one more rating adds (Spearman–Brown from the role's ICC(1); docs/decisions/075-one-more-interview.md); null when feedback is withheld",
      ),
    scorecards: z.array(
      z
        .object({
          id: z.string(),
          interviewId: z.string(),
          interviewerName: z.string(),
          submittedAt: instant.nullable(),
          recommendation: z.enum(OVERALL_RECOMMENDATIONS).nullable(),
          amendmentLog: z
            .array(amendmentLogEntry)
            .describe(
              "the scorecard's amendments, oldest first, numbered by submission (version 1 is the first submission; docs/decisions/059-amendment-history-by-submission.md); postDebrief marks those made after the candidate's debrief started",
            ),
          debrief: z
            .union([
              z.object({
                inSnapshot: z.literal(true),
                postDebriefAmendments: z.number().int(),
                changes: z.array(amendmentChange).describe("what differs from the pre-debrief snapshot"),
              }),
              z.object({ inSnapshot: z.literal(false).describe("submitted after the debrief started") }),
            ])
            .nullable()
            .describe("against the debrief's snapshot; null when no debrief was started"),
        })
        .loose(),
    ),
    agreement: agreement.nullable().describe("null when others' feedback is withheld"),
    debrief: debriefBlock
      .nullable()
      .describe("the debrief (docs/decisions/078-debrief-mode.md); null when none was started or feedback is withheld"),
    loop: z.object({}).loose(),
    decisions: z.array(z.object({ id: z.string(), outcome: z.enum(DECISION_OUTCOMES) }).loose()),
    canDecide: z.boolean().describe("whether the token's user may record the decision"),
    generatedAt: instant,
  })
  .meta({ id: "CandidateSummary" });

const compared = z.object({
  candidateId: z.string().nullable().describe("null in blind mode"),
  label: z.string(),
  display,
  score: z.number().nullable().describe("the score the role recommends on (see recommendOn)"),
  coverage: z.number(),
  recommendation,
  redFlag: z.boolean().describe("a red flag was raised (whether it caps shows in recommendation)"),
  split: z.boolean(),
  rawScore: z.number().nullable().describe("on the ratings as given"),
  calibratedScore: z
    .number()
    .nullable()
    .describe("with each interviewer's leniency removed (docs/decisions/039-calibrated-view-offsets.md)"),
});
export const comparison = z
  .object({
    opening: z.object({ id: z.string(), title: z.string() }),
    blind: z.boolean(),
    recommendOn,
    ranked: z
      .array(compared.extend({ rank: z.number().int() }))
      .describe(
        "highest weighted score first (compared exactly); equal scores by coverage, higher first, then by when the candidate was added, earlier first",
      ),
    insufficientEvidence: z.array(compared).describe("not ranked: too little of the weight is rated"),
    unitWeight: z
      .object({
        flips: z.boolean().describe("an adjacent pair swaps or a band changes under equal weights"),
        text: z.string(),
        ranking: z
          .array(
            z.object({
              candidateId: z.string().nullable().describe("null in blind mode"),
              label: z.string(),
              rank: z
                .number()
                .int()
                .describe("under equal weights (same tie rules; still equal keeps the weighted order)"),
              weightedRank: z.number().int(),
              check: unitWeight,
            }),
          )
          .describe("the ranked candidates under equal weights, best first"),
        pairs: z
          .array(
            z.object({
              upperRank: z.number().int(),
              lowerRank: z.number().int(),
              flips: z.boolean().describe("equal weights put the lower one strictly ahead"),
              text: z.string(),
            }),
          )
          .describe("each adjacent pair of the weighted ranking"),
      })
      .describe("the unit-weight check on the scores the ranking is on (docs/decisions/074-unit-weight-check.md)"),
    feedbackWithheld: z
      .array(
        feedbackWithheld.extend({
          candidateId: z.string().nullable().describe("null in blind mode"),
          label: z.string(),
        }),
      )
      .describe(
        "not ranked and not scored: candidates the token's user owes their own scorecard on (independent ratings first)",
      ),
  })
  .meta({ id: "OpeningComparison" });
export const interviewPage = page(interview, "InterviewPage");
export const me = z
  .object({ id: z.string(), name: z.string(), email: z.string(), roles: z.array(z.enum(APP_ROLES)) })
  .meta({ id: "Me" });
/** How it ended (docs/decisions/077-how-it-ended.md): the token's user's own recommendations against final decisions. */
const agreementRate = z
  .object({
    agreed: z.number().int(),
    n: z.number().int().describe("decisions that count: Hire or No hire, on a Yes/No recommendation"),
    rate: z.number().nullable(),
    low: z.number().nullable().describe("95% Wilson interval, lower bound"),
    high: z.number().nullable(),
  })
  .meta({ id: "AgreementRate" });
export const myOutcomes = z
  .object({
    total: z.number().int(),
    outcomes: z.array(
      z.object({
        interviewId: z.string(),
        candidateName: z.string(),
        openingTitle: z.string(),
        outcome: z.enum(DECISION_OUTCOMES),
        decidedAt: z.string(),
        yourRecommendation: z.string().nullable(),
        agreement: z.enum(["agreed", "differed"]).nullable(),
      }),
    ),
    agreement: agreementRate,
  })
  .meta({ id: "MyOutcomes" });
/** Where chat notices go (docs/decisions/073-chat-notices.md): never the URL, only its host and last four characters. */
export const chatSetting = z
  .object({
    kind: z.enum(["slack", "teams"]).nullable(),
    destination: z.string().nullable().describe("the URL's host and last four characters, e.g. hooks.slack.com …a1b2"),
  })
  .meta({ id: "ChatSetting" });
export const people = z
  .object({ data: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })) })
  .meta({ id: "People" });

// ATS-shaped exports of a candidate's submitted scorecards (docs/decisions/068-ats-shaped-exports.md):
// the field lists of Greenhouse Harvest v1 "Scorecard" and Merge ATS "Scorecard", with the app's
// string ids where those systems have their own ids
const greenhouseUser = z.object({
  id: z.string(),
  first_name: z.string(),
  last_name: z.string().describe("the app keeps one name: everything after its first space"),
  name: z.string(),
  employee_id: z.null(),
});
export const greenhouseScorecard = z
  .object({
    id: z.string(),
    candidate_id: z.string(),
    application_id: z.null().describe("the app has no applications: a candidate belongs to one opening"),
    interview: z.string().describe('the exercise\'s title, or "Interview" when the interview had none'),
    interview_step: z.object({ id: z.string(), name: z.string() }).nullable().describe("the exercise"),
    interviewed_at: instant,
    submitted_at: instant,
    created_at: instant,
    updated_at: instant,
    submitted_by: greenhouseUser,
    interviewer: greenhouseUser,
    overall_recommendation: z.enum(GREENHOUSE_RECOMMENDATIONS),
    attributes: z.array(
      z.object({
        name: z.string().describe("the dimension"),
        type: z.literal(GREENHOUSE_ATTRIBUTE_TYPE),
        note: z.string().nullable().describe("the evidence"),
        rating: z
          .enum(GREENHOUSE_RATINGS)
          .describe("1 definitely_not, 2 no, 3 mixed, 4 yes, 5 strong_yes; Not assessed is no_decision"),
      }),
    ),
    ratings: z
      .object(
        Object.fromEntries(GREENHOUSE_RATING_KEYS.map((k) => [k, z.array(z.string())])) as Record<
          (typeof GREENHOUSE_RATING_KEYS)[number],
          z.ZodArray<z.ZodString>
        >,
      )
      .describe("the attributes' names by rating; Not assessed ones are in none"),
    questions: z.array(z.object({ id: z.string().nullable(), question: z.string(), answer: z.string() })),
  })
  .meta({ id: "GreenhouseScorecard" });
export const mergeScorecard = z
  .object({
    id: z.string(),
    remote_id: z.string(),
    created_at: instant,
    modified_at: instant,
    application: z.null().describe("the app has no applications: a candidate belongs to one opening"),
    interview: z.string().describe("the interview's id"),
    interviewer: z.string().describe("the interviewer's user id"),
    remote_created_at: instant,
    submitted_at: instant,
    overall_recommendation: z.enum(MERGE_RECOMMENDATIONS),
    remote_was_deleted: z.literal(false),
    field_mappings: z.object({
      organization_defined_targets: z.object({}),
      linked_account_defined_targets: z.object({}),
    }),
    remote_data: z.array(
      z.object({
        path: z.string(),
        data: z.object({
          candidateId: z.string(),
          interviewId: z.string(),
          exercise: z.string().nullable(),
          recommendation: z.enum(OVERALL_RECOMMENDATIONS).nullable(),
          keyTakeaways: z.string(),
          ratings: z.array(
            z.object({
              dimensionId: z.string(),
              dimension: z.string(),
              rating: z.number().int().min(1).max(5).nullable().describe("1–5; null when Not assessed"),
              notAssessed: z.boolean(),
              evidence: z.string(),
            }),
          ),
        }),
      }),
    ),
  })
  .meta({ id: "MergeScorecard" });
export const atsScorecards = z
  .union([z.array(greenhouseScorecard), z.array(mergeScorecard)])
  .describe("the candidate's submitted scorecards, oldest submission first, in the format asked for")
  .meta({ id: "AtsScorecardExport" });

const importField = z.enum(IMPORT_FIELD_KEYS);
export const candidateImportResult = z
  .object({
    dryRun: z.boolean(),
    openingClosed: z.boolean().describe("a commit to a closed opening is refused (409)"),
    header: z.array(z.string()).describe("the file's header row"),
    delimiter: z.string().describe("the field separator found: `,`, `;` or a tab"),
    mapping: z.partialRecord(importField, z.string()).describe("field → the header of the column it was read from"),
    counts: z.object({
      rows: z.number().int(),
      ready: z.number().int(),
      withProblems: z.number().int(),
      interviews: z.number().int().describe("interviews the ready rows plan"),
    }),
    rows: z
      .array(
        z.object({
          line: z.number().int().describe("the row's line in the file (the header is line 1)"),
          name: z.string(),
          email: z.string(),
          source: z.string(),
          interview: z
            .object({
              interviewerEmail: z.string(),
              exercise: z.string(),
              scheduledAt: z.string(),
              durationMinutes: z.number().int().nullable(),
            })
            .nullable(),
          problems: z.array(z.object({ field: z.union([importField, z.literal("row")]), message: z.string() })),
        }),
      )
      .describe("every row on a dry run; empty once imported"),
    imported: z
      .object({ candidates: z.number().int(), interviews: z.number().int(), milliseconds: z.number().int() })
      .nullable()
      .describe("what was written (null on a dry run)"),
  })
  .meta({ id: "CandidateImportResult" });

// Debrief mode (docs/decisions/078-debrief-mode.md)
export const debriefStarted = z
  .object({
    id: z.string(),
    startedAt: instant,
    scorecards: z.number().int().describe("scorecards frozen in the snapshot"),
  })
  .meta({ id: "DebriefStarted" });
export const debriefEnded = z.object({ id: z.string(), endedAt: instant }).meta({ id: "DebriefEnded" });
const towardRate = z.object({
  agreed: z.number().int().describe("changes that ended nearer the target's pre-debrief rating"),
  n: z.number().int().describe("changes where the target had rated differently"),
  rate: z.number().nullable(),
  low: z.number().nullable().describe("95% Wilson interval, lower bound"),
  high: z.number().nullable(),
});
export const debriefMovement = z
  .object({
    debriefs: z.number().int(),
    interviewers: z.array(
      z.object({
        interviewerId: z.string(),
        name: z.string(),
        n: z.number().int().describe("1–5 ratings through a debrief, changed or not"),
        moved: z.number().int(),
        meanShift: z.number().nullable().describe("mean |after − before| in points"),
        low: z.number().nullable().describe("95% interval (normal approximation), lower bound; null below 2 ratings"),
        high: z.number().nullable(),
        towardSenior: towardRate,
        towardManager: towardRate,
      }),
    ),
  })
  .meta({ id: "DebriefMovement" });

/** Calibration drills (docs/decisions/080-calibration-drills.md): the consensus and deviation only after your own submission. */
export const drillList = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        role: z.string(),
        exercise: z.string(),
        status: z.enum(["published", "archived"]),
        publishedAt: z.string().nullable(),
        submittedAt: z.string().nullable().describe("when you submitted your ratings; null if you have not"),
      }),
    ),
  })
  .meta({ id: "DrillList" });
export const drill = z
  .object({
    id: z.string(),
    title: z.string(),
    reference: z.string().describe("the transcript excerpt or described performance to rate"),
    status: z.enum(["published", "archived"]),
    role: z.string(),
    exercise: z.object({ title: z.string(), prompt: z.string() }),
    dimensions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        evidenceToSeek: z.string().nullable(),
        anchors: z.array(z.object({ label: z.string(), level: z.number().int().nullable(), text: z.string() })),
      }),
    ),
    submitted: z.boolean(),
    result: z
      .object({
        submittedAt: z.string(),
        consensusMode: z.enum(["admin", "raters"]),
        minRaters: z.number().int().describe("an emerging consensus from fewer other raters is shown but not enough"),
        n: z.number().int().describe("dimensions compared with an enough consensus (the means use only these)"),
        meanDeviation: z.number().nullable().describe("mean of your rating − consensus: positive is more lenient"),
        meanAbsDeviation: z.number().nullable(),
        dimensions: z.array(
          z.object({
            dimensionId: z.string(),
            name: z.string(),
            rating: z.number().int().nullable(),
            notAssessed: z.boolean(),
            evidence: z.string(),
            consensus: z.number().nullable(),
            raters: z
              .number()
              .int()
              .nullable()
              .describe("other raters behind an emerging consensus; null when the admin set it"),
            enough: z.boolean(),
            deviation: z.number().nullable(),
          }),
        ),
      })
      .nullable()
      .describe("null until you submit: before that nobody sees the consensus or anyone else's drill ratings"),
  })
  .meta({ id: "Drill" });

// Quality of hire (docs/decisions/079-quality-of-hire.md): a role's hires' interview scores against
// their check-ins, per period; r only from minPairs pairs, always with the range-restriction warning
const correlationView = z
  .object({
    n: z.number().int().describe("pairs: hires rated on this in both the interviews and the check-in"),
    needed: z.number().int().describe("pairs needed before r is shown"),
    r: z.number().nullable().describe("Pearson's r; null below `needed` pairs or when a side does not vary"),
    low: z.number().nullable().describe("95% interval by Fisher's z, lower bound"),
    high: z.number().nullable(),
    text: z.string().describe('as the page words it: "r = 0.42 (95% CI 0.01 to 0.71), n = 23" or "n = 4 of 10 needed"'),
  })
  .meta({ id: "Correlation" });
export const qualityOfHire = z
  .object({
    role: z.object({ slug: z.string(), title: z.string(), version: z.int() }),
    minPairs: z.int(),
    warning: z.string().describe("range restriction: only hires have check-ins, so r understates validity"),
    periods: z.array(
      z.object({
        periodDays: z.int(),
        checkIns: z.int(),
        wouldHireAgain: z.int().describe("check-ins answering yes"),
        overall: correlationView.describe("the weighted score S against the overall rating"),
        dimensions: z.array(z.object({ name: z.string(), weight: z.number(), correlation: correlationView })),
        suggestion: z
          .object({ weights: z.array(z.object({ name: z.string(), current: z.number(), suggested: z.number() })) })
          .nullable()
          .describe("suggested weights, never applied: an admin applies them by saving a new template version"),
      }),
    ),
  })
  .meta({ id: "QualityOfHire" });
export const checkIn = z
  .object({
    id: z.string(),
    candidateId: z.string(),
    periodDays: z.int(),
    dueAt: instant,
    overall: z.int().min(1).max(5),
    wouldHireAgain: z.boolean(),
    ratings: z.record(z.string(), z.enum(["1", "2", "3", "4", "5", "na"])),
    createdAt: instant,
  })
  .meta({ id: "CheckIn" });
