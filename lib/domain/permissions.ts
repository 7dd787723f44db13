// Who may see which candidates' summaries (PRODUCT.md "Visibility"). Pure: roles in, a scope out;
// the data layer turns the scope into the query's where clause, so nothing is filtered afterwards.
import type { AppRole } from "./vocabulary";

/** all: recruiters and admins; managed: a hiring manager's own openings; none: anyone else. */
export type CandidateScope = "all" | "managed" | "none";

export function candidateScope(roles: readonly AppRole[]): CandidateScope {
  if (roles.includes("admin") || roles.includes("recruiter")) return "all";
  if (roles.includes("hiring-manager")) return "managed";
  return "none";
}

/** Openings, candidates and loops are set up by recruiters and admins (issue 6). */
export function canSetUpHiring(roles: readonly AppRole[]): boolean {
  return roles.includes("admin") || roles.includes("recruiter");
}

/** Role templates and users are the admins' (issue 6). */
export function isAdmin(roles: readonly AppRole[]): boolean {
  return roles.includes("admin");
}
