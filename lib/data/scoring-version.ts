import "server-only";
import type { DbTx } from "../db";
import { scoringVersionSelect } from "./scoring-input";

// A role template version never changes once written: an edit saves a new version and openings
// move to it (docs/decisions/067-template-versions-kept-in-memory.md). So what the engine reads of
// one (thresholds, dimensions, exercises, red flags: a query per relation through Prisma) is read
// once per process and kept by id, for the list, the summary, the comparison and every score write.
// Several app instances each keep their own; none can be stale.

const read = (client: DbTx, id: string) =>
  client.roleTemplateVersion.findUniqueOrThrow({ where: { id }, select: scoringVersionSelect });
export type ScoringVersionRow = Awaited<ReturnType<typeof read>>;

/** Versions kept; an organisation has a few dozen, a test run a few hundred. */
const KEPT = 500;
const kept = new Map<string, ScoringVersionRow>();

/**
 * The version as scoringVersionSelect reads it, from memory after its first read. `fresh`: from
 * the database whatever is kept, and kept in its place (the score check and the full recompute,
 * which are there to find what went around the write paths, a version row edited in place too).
 */
export async function scoringVersion(client: DbTx, id: string, fresh = false): Promise<ScoringVersionRow> {
  const hit = fresh ? undefined : kept.get(id);
  if (hit) return hit;
  const row = await read(client, id);
  kept.delete(id);
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
  kept.set(id, row);
  return row;
}
