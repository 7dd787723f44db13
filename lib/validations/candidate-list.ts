// The candidate list's sort and filters, read from the URL's search params
// (docs/decisions/004-scoring.md). Anything unknown falls back to the default rather than failing:
// a mistyped link still shows the list.
import { z } from "zod";
import { RECOMMENDATIONS } from "../domain/scoring";

export const SORT_KEYS = ["name", "stage", "progress", "score", "recommendation"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const FLAG_FILTERS = ["red-flag", "split", "any"] as const;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const candidateListQuerySchema = z.object({
  sort: z.preprocess(one, z.enum(SORT_KEYS).catch("score")).default("score"),
  dir: z.preprocess(one, z.enum(["asc", "desc"]).optional().catch(undefined)),
  rec: z.preprocess(one, z.enum(RECOMMENDATIONS).optional().catch(undefined)),
  flag: z.preprocess(one, z.enum(FLAG_FILTERS).optional().catch(undefined)),
  missing: z.preprocess((v) => one(v) === "1", z.boolean()).default(false),
});

export type CandidateListQueryInput = z.input<typeof candidateListQuerySchema>;

export function parseCandidateListQuery(params: Record<string, string | string[] | undefined>) {
  return candidateListQuerySchema.parse(params);
}
