// npm run retention: erases the personal data of candidates whose process ended more than
// CANDIDATE_RETENTION_DAYS days ago (README "Privacy"). Schedule it daily (cron, systemd timer).
import { requireDatabase } from "./cli";
import { eraseExpiredCandidates } from "../lib/data/privacy";
import { db } from "../lib/db";
import { env } from "../lib/env";

await requireDatabase();
const erased = await eraseExpiredCandidates(env.CANDIDATE_RETENTION_DAYS);
console.log(
  env.CANDIDATE_RETENTION_DAYS
    ? `retention ${env.CANDIDATE_RETENTION_DAYS} days: erased ${erased.length} candidate(s)`
    : "CANDIDATE_RETENTION_DAYS is 0: nothing is erased automatically",
);
await db.$disconnect();
