// The product's words (docs/product.md "Words" and "Rating scales") as values stored in the
// database and the labels people read. Stored as strings in both databases; zod checks them on
// every write.

export const APP_ROLES = ["admin", "recruiter", "hiring-manager", "interviewer"] as const;
export type AppRole = (typeof APP_ROLES)[number];
export const APP_ROLE_LABELS: Record<AppRole, string> = {
  admin: "Admin",
  recruiter: "Recruiter",
  "hiring-manager": "Hiring manager",
  interviewer: "Interviewer",
};

export const WEIGHT_ORIGINS = ["source", "equal-default", "edited"] as const;
export type WeightOrigin = (typeof WEIGHT_ORIGINS)[number];
export const WEIGHT_ORIGIN_LABELS: Record<WeightOrigin, string> = {
  source: "Weight given by the source blueprint",
  "equal-default": "Equal split chosen by the app (the source gives no weights)",
  edited: "Weight edited in the app",
};
/** The same, in the few words a table cell has room for. */
export const WEIGHT_ORIGIN_SHORT: Record<WeightOrigin, string> = {
  source: "from source",
  "equal-default": "app default",
  edited: "edited",
};

/** Dimension rating scale; "Not assessed" is separate and never counts as a low score. */
export const RATING_LABELS = {
  1: "Strong concern",
  2: "Below bar",
  3: "Meets bar",
  4: "Exceeds bar",
  5: "Exceptional",
} as const;
export type Rating = keyof typeof RATING_LABELS;
export const NOT_ASSESSED_LABEL = "Not assessed";

export const OVERALL_RECOMMENDATIONS = ["strong-no", "no", "yes", "strong-yes", "no-decision"] as const;
export type OverallRecommendation = (typeof OVERALL_RECOMMENDATIONS)[number];
export const OVERALL_RECOMMENDATION_LABELS: Record<OverallRecommendation, string> = {
  "strong-no": "Strong no",
  no: "No",
  yes: "Yes",
  "strong-yes": "Strong yes",
  "no-decision": "No decision",
};

export const SCORECARD_STATUSES = ["draft", "submitted"] as const;
export type ScorecardStatus = (typeof SCORECARD_STATUSES)[number];

export const OPENING_STATUSES = ["open", "on-hold", "closed"] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

export const CANDIDATE_STAGES = [
  "applied",
  "interviewing",
  "debrief",
  "offer",
  "hired",
  "rejected",
  "withdrawn",
] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

export const INTERVIEW_STATUSES = ["scheduled", "cancelled"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const DECISION_OUTCOMES = ["hire", "no-hire", "hold"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const SIGNAL_KINDS = ["strong", "weak"] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Section 20 "Final Role Scorecard Summary" rows, in the blueprints' order. */
export const SUMMARY_FIELDS = [
  { key: "roleTitle", label: "Role title" },
  { key: "rolePurpose", label: "Role purpose" },
  { key: "topResponsibilities", label: "Top 10 responsibilities" },
  { key: "topTechnicalSkills", label: "Top 10 technical skills" },
  { key: "topSoftSkills", label: "Top 10 soft skills" },
  { key: "topTools", label: "Top tools or platforms" },
  { key: "topKpis", label: "Top KPIs" },
  { key: "mainDeliverables", label: "Main deliverables" },
  { key: "mainGoals", label: "Main goals" },
  { key: "careerProgression", label: "Career progression options" },
] as const;
export type SummaryKey = (typeof SUMMARY_FIELDS)[number]["key"];

/** docs/product.md "Recommendation rules": defaults, overridable per role version. */
export const DEFAULT_THRESHOLDS = {
  minCoverage: 0.6,
  strongHireMin: 4,
  hireMin: 3.25,
  leanNoHireMin: 2.5,
  splitSpreadMin: 3,
  redFlagMinInterviewers: 1,
} as const;
export type Thresholds = { -readonly [K in keyof typeof DEFAULT_THRESHOLDS]: number };

/** Each threshold as people name it (the role editor's words), for the version diff. */
export const THRESHOLD_LABELS: Record<keyof typeof DEFAULT_THRESHOLDS | "recommendOn", string> = {
  minCoverage: "Minimum coverage",
  strongHireMin: "Strong hire from",
  hireMin: "Hire from",
  leanNoHireMin: "Lean no hire from",
  splitSpreadMin: "Split panel spread",
  redFlagMinInterviewers: "Interviewers needed for a red flag to cap",
  recommendOn: "The recommendation uses",
};

/** What a user types to confirm erasing a candidate (docs/decisions/034-erasure-keeps-numbers.md). */
export const ERASE_CONFIRMATION = "ERASE";
