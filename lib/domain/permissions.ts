// Who may see which candidates' summaries (docs/product.md "Visibility and independence"). Pure:
// roles in, a scope out; the data layer turns the scope into the query's where clause, so nothing
// is filtered afterwards.
import type { AppRole } from "./vocabulary";

/** Who is asking: a person and their roles as stored now (lib/auth.ts re-reads them per request). */
export type Viewer = { id: string; roles: readonly AppRole[] };

/** all: recruiters and admins; managed: a hiring manager's own openings; none: anyone else. */
export type CandidateScope = "all" | "managed" | "none";

export function candidateScope(roles: readonly AppRole[]): CandidateScope {
  if (roles.includes("admin") || roles.includes("recruiter")) return "all";
  if (roles.includes("hiring-manager")) return "managed";
  return "none";
}

/**
 * Openings, candidates and loops are set up by recruiters and admins
 * (docs/decisions/006-setting-up-the-work.md).
 */
export function canSetUpHiring(roles: readonly AppRole[]): boolean {
  return roles.includes("admin") || roles.includes("recruiter");
}

/** Role templates and users are the admins' (docs/decisions/006-setting-up-the-work.md). */
export function isAdmin(roles: readonly AppRole[]): boolean {
  return roles.includes("admin");
}

/** One of the viewer's interviews with a candidate, as the independence rule reads it. */
export type OwnInterview = { id: string; interviewerId: string; status: string; scorecardStatus: string | null };

/**
 * Independent ratings first (docs/decisions/024-independent-ratings-first.md), whatever else the
 * viewer is: someone with a scheduled interview with the candidate whose own scorecard is not
 * submitted sees no one else's feedback until they submit or the interview is cancelled. Returns
 * the first such interview (theirs to fill, linked from the page), or null when nothing is held back.
 */
export function feedbackBlocked(viewerId: string, interviews: readonly OwnInterview[]): { interviewId: string } | null {
  const owed = interviews.find(
    (i) => i.interviewerId === viewerId && i.status === "scheduled" && i.scorecardStatus !== "submitted",
  );
  return owed ? { interviewId: owed.id } : null;
}

/** What a blocked viewer is told, on the page and in the API. */
export const feedbackWithheldMessage = (candidateName: string) =>
  `You have not submitted your own scorecard for ${candidateName} yet. Others' feedback stays hidden until you do (independent ratings first).`;

/** What stands in a list, CSV or comparison row instead of a blocked viewer's scores. */
export const HIDDEN_UNTIL_SUBMITTED = "Hidden until you submit your scorecard";
