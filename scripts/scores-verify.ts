// npm run scores:verify [-- --fix]: recomputes every candidate's score with the engine and compares
// it with the stored rows (CandidateScore, CandidateDimensionScore: docs/decisions/060). Prints each
// difference and a summary line; exit code 1 on any difference. --fix rewrites every stored score.
// --backfill (run by `npm run db:migrate`): computes the scores of a database upgraded from a
// version that kept none, when it has submitted scorecards and no stored score yet.
import { requireDatabase } from "./cli";
import { needsBackfill, recomputeAllScores, verifyScores } from "../lib/data/candidate-scores";
import { db } from "../lib/db";

await requireDatabase();
if (process.argv.includes("--backfill")) {
  if (await needsBackfill(db)) console.log(`stored scores backfilled: ${await recomputeAllScores(db)} candidate(s)`);
} else {
  const fix = process.argv.includes("--fix");
  const differences = await verifyScores(db);
  for (const d of differences)
    console.log(`${d.candidateId} ${d.field}: stored ${d.stored}, recomputed ${d.recomputed}`);
  const candidates = new Set(differences.map((d) => d.candidateId)).size;
  if (fix) {
    const n = await recomputeAllScores(db);
    console.log(
      `${differences.length} difference(s) in ${candidates} candidate(s) before; rewrote the scores of ${n} candidate(s)`,
    );
  } else {
    console.log(
      differences.length
        ? `${differences.length} difference(s) in ${candidates} candidate(s); run with --fix to rewrite`
        : "every stored score agrees with the engine",
    );
  }
  await db.$disconnect();
  process.exit(differences.length && !fix ? 1 : 0);
}
await db.$disconnect();
