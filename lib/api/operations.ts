// Every /api/v1 operation: the route handlers run them (lib/api/v1.ts) and the OpenAPI document is
// generated from them (lib/api/openapi.ts). One list, so the two cannot disagree.
// in this order: the OpenAPI document lists its components as they register (lib/api/openapi.ts)
import { IMPORT_BODY_BYTES } from "../domain/candidate-import-fields";
import * as req from "./request-schemas";
import * as rec from "./record-schemas";
import * as view from "./view-schemas";
import type { Operation } from "./v1";

const op = <O extends Operation>(o: O) => o;

export const operations = {
  getMe: op({
    method: "GET",
    path: "/me",
    tag: "People",
    summary: "The token's user and app roles",
    response: view.me,
  }),
  listPeople: op({
    method: "GET",
    path: "/people",
    tag: "People",
    summary:
      "Active people holding an app role, to assign as hiring manager, recruiter or interviewer (recruiters, admins)",
    query: req.peopleQuery,
    response: view.people,
  }),

  listRoles: op({
    method: "GET",
    path: "/roles",
    tag: "Role templates",
    summary: "List role templates (current versions)",
    query: req.pageQuery,
    response: rec.page(rec.roleListItem, "RoleTemplatePage"),
  }),
  exportRoles: op({
    method: "GET",
    path: "/roles/export",
    tag: "Role templates",
    summary: "Export every role template's current version (admins)",
    response: rec.roleExport,
  }),
  getRole: op({
    method: "GET",
    path: "/roles/{slug}",
    tag: "Role templates",
    summary: "Get a version of a role template, with the ids of its dimensions, exercises and red flags",
    query: req.roleQuery,
    response: rec.roleVersion,
  }),

  listOpenings: op({
    method: "GET",
    path: "/openings",
    tag: "Openings",
    summary: "List openings you may see (recruiters and admins: all; hiring managers: their own)",
    query: req.pageQuery,
    response: rec.page(rec.opening, "OpeningPage"),
  }),
  createOpening: op({
    method: "POST",
    path: "/openings",
    tag: "Openings",
    summary: "Create an opening on a role's current version (recruiters, admins)",
    body: req.openingCreateBody,
    response: rec.opening,
    status: 201,
  }),
  getOpening: op({
    method: "GET",
    path: "/openings/{id}",
    tag: "Openings",
    summary: "Get an opening",
    response: rec.opening,
  }),
  getComparison: op({
    method: "GET",
    path: "/openings/{id}/comparison",
    tag: "Openings",
    summary: "Candidates ranked by weighted score (hiring manager of the opening, recruiters, admins)",
    query: req.comparisonQuery,
    response: view.comparison,
  }),

  listCandidates: op({
    method: "GET",
    path: "/openings/{id}/candidates",
    tag: "Candidates",
    summary: "List an opening's candidates",
    query: req.pageQuery,
    response: rec.page(rec.candidate, "CandidatePage"),
  }),
  createCandidate: op({
    method: "POST",
    path: "/openings/{id}/candidates",
    tag: "Candidates",
    summary: "Add a candidate to an opening (recruiters, admins)",
    body: req.candidateCreateBody,
    response: rec.candidate,
    status: 201,
  }),
  importCandidates: op({
    method: "POST",
    path: "/openings/{id}/candidates:import",
    tag: "Candidates",
    summary: "Import candidates, and their planned interviews, from a CSV file (recruiters, admins)",
    description:
      "The body is JSON (`csv`, optional `mapping`, `dryRun`) or the CSV itself as `text/csv` (columns guessed from the header), up to 5 MB. A dry run (`?dryRun=true` or `dryRun: true`) answers 200 with every row and its problems; a commit writes every row or none: 201, or 422 with each problem under `rows.<line>.<field>`. See docs/decisions/071-candidate-import.md.",
    query: req.importQuery,
    body: req.candidateImportBody,
    response: view.candidateImportResult,
    status: 201,
    otherStatus: 200,
    conflicts: true,
    maxBodyBytes: IMPORT_BODY_BYTES,
    csvBody: true,
  }),
  getCandidate: op({
    method: "GET",
    path: "/candidates/{id}",
    tag: "Candidates",
    summary: "Get a candidate",
    response: rec.candidate,
  }),
  updateCandidate: op({
    method: "PATCH",
    path: "/candidates/{id}",
    tag: "Candidates",
    summary: "Move a candidate to another stage (recruiters, admins)",
    body: req.candidateUpdateBody,
    response: rec.candidate,
    aboutCandidate: true,
  }),
  getSummary: op({
    method: "GET",
    path: "/candidates/{id}/summary",
    tag: "Candidates",
    summary: "The candidate summary: weighted score, coverage, recommendation and the working",
    response: view.summary,
  }),
  exportScorecards: op({
    method: "GET",
    path: "/candidates/{id}/scorecards",
    tag: "Candidates",
    summary: "The candidate's submitted scorecards in an ATS's shape: Greenhouse Harvest v1 or Merge ATS",
    description:
      "`format=greenhouse` or `format=merge` (required; anything else is 400). Who may read it is as for the summary; while the token's user owes their own scorecard on the candidate the answer is 403 `feedback_withheld`. Ratings 1–5 become definitely_not, no, mixed, yes, strong_yes; Not assessed is no_decision, never a middle rating (docs/decisions/068-ats-shaped-exports.md).",
    query: req.atsExportQuery,
    response: view.atsScorecards,
  }),

  listCandidateInterviews: op({
    method: "GET",
    path: "/candidates/{id}/interviews",
    tag: "Interviews",
    summary: "A candidate's loop (recruiters, admins, the opening's hiring manager)",
    query: req.pageQuery,
    response: view.interviewPage,
  }),
  planInterview: op({
    method: "POST",
    path: "/candidates/{id}/interviews",
    tag: "Interviews",
    summary: "Plan an interview (recruiters, admins)",
    body: req.interviewCreateBody,
    response: rec.interview,
    status: 201,
    aboutCandidate: true,
  }),
  listInterviews: op({
    method: "GET",
    path: "/interviews",
    tag: "Interviews",
    summary: "An interviewer's interviews (your own by default)",
    query: req.interviewsQuery,
    response: view.interviewPage,
  }),

  getScorecard: op({
    method: "GET",
    path: "/interviews/{id}/scorecard",
    tag: "Scorecards",
    summary: "Your scorecard for one of your interviews, with the kit's ids",
    response: rec.scorecard,
  }),
  saveDraft: op({
    method: "PUT",
    path: "/interviews/{id}/scorecard",
    tag: "Scorecards",
    summary: "Create or update your draft",
    body: req.draftBody,
    response: rec.savedState,
    conflicts: true,
    aboutCandidate: true,
  }),
  submitScorecard: op({
    method: "POST",
    path: "/interviews/{id}/scorecard/submit",
    tag: "Scorecards",
    summary: "Submit your scorecard",
    description:
      "Send an Idempotency-Key header; a retry with the same key returns the first result (`repeated: true`) and submits nothing new.",
    body: req.submitBody,
    response: rec.savedState,
    idempotencyKey: "required",
    conflicts: true,
    aboutCandidate: true,
  }),
  amendScorecard: op({
    method: "POST",
    path: "/interviews/{id}/scorecard/amend",
    tag: "Scorecards",
    summary: "Amend your submitted scorecard, with a reason (the earlier text is kept)",
    body: req.amendBody,
    response: rec.savedState,
    conflicts: true,
    aboutCandidate: true,
  }),
  getPanel: op({
    method: "GET",
    path: "/interviews/{id}/panel",
    tag: "Scorecards",
    summary: "The other interviewers' submitted scorecards — only after you submitted yours",
    response: rec.panel,
  }),

  listDecisions: op({
    method: "GET",
    path: "/candidates/{id}/decisions",
    tag: "Decisions",
    summary: "A candidate's decisions, newest (current) first",
    response: rec.decisionList,
  }),
  recordDecision: op({
    method: "POST",
    path: "/candidates/{id}/decisions",
    tag: "Decisions",
    summary: "Record or revise the decision (the opening's hiring manager)",
    body: req.decisionCreateBody,
    response: rec.decision,
    status: 201,
    conflicts: true,
    aboutCandidate: true,
  }),
} as const;
