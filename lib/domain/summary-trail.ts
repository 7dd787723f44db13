// Where the candidate summary's breadcrumb leads back to (docs/decisions/053-lists-that-apply-as-you-choose.md):
// the page the reader came from, named by ?from= and checked against a fixed set, so the
// parameter can never send anyone elsewhere. Pure.

export type Crumb = { href: string; label: string };

export const SUMMARY_FROM = ["opening", "compare", "candidates"] as const;
export type SummaryFrom = (typeof SUMMARY_FROM)[number];

/** The ?from= value of a link to a candidate's summary from that page. */
export const summaryHref = (candidateId: string, from: SummaryFrom) => `/candidates/${candidateId}?from=${from}`;

/**
 * The summary in its raw or calibrated view, keeping the trail the reader came by (a known
 * ?from= only: anything else is dropped, as summaryTrail ignores it).
 */
export function summaryViewHref(candidateId: string, view: "raw" | "calibrated", from: unknown): string {
  const known = (SUMMARY_FROM as readonly unknown[]).includes(from) ? `&from=${from as SummaryFrom}` : "";
  return `/candidates/${candidateId}?view=${view}${known}`;
}

/**
 * The trail above a candidate's summary. Unknown or missing ?from= is the opening's list, the
 * summary's home; "candidates" (the search) only for those who may search (`canSearch`).
 */
export function summaryTrail(from: unknown, opening: { id: string; title: string }, canSearch: boolean): Crumb[] {
  if (from === "candidates" && canSearch) return [{ href: "/candidates", label: "Find a candidate" }];
  const trail = [
    { href: "/openings", label: "Openings" },
    { href: `/openings/${opening.id}`, label: opening.title },
  ];
  return from === "compare" ? [...trail, { href: `/openings/${opening.id}/compare`, label: "Compare" }] : trail;
}
