import type { CandidateListQuery } from "@/lib/domain/candidate-list";

/** An opening's candidate list query as a URL query string, with some of it changed. */
export function queryString(q: CandidateListQuery, change: Partial<CandidateListQuery> = {}) {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  p.set("sort", next.sort);
  if (next.dir) p.set("dir", next.dir);
  if (next.rec) p.set("rec", next.rec);
  if (next.flag) p.set("flag", next.flag);
  if (next.missing) p.set("missing", "1");
  return p.toString();
}
