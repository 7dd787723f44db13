// npm run retention: erases the personal data of candidates whose process ended more than
// CANDIDATE_RETENTION_DAYS days ago (README "Privacy"), and removes uploaded exercise files that
// no role version names a day after their upload (docs/decisions/045-exercise-materials.md).
// Schedule it daily (cron, systemd timer).
import { requireDatabase } from "./cli";
import { eraseExpiredCandidates } from "../lib/data/privacy";
import { clearUnusedMaterialFiles } from "../lib/data/role-materials";
import { db } from "../lib/db";
import { env } from "../lib/env";

await requireDatabase();
const erased = await eraseExpiredCandidates(env.CANDIDATE_RETENTION_DAYS);
console.log(
  env.CANDIDATE_RETENTION_DAYS
    ? `retention ${env.CANDIDATE_RETENTION_DAYS} days: erased ${erased.length} candidate(s)`
    : "CANDIDATE_RETENTION_DAYS is 0: nothing is erased automatically",
);
const files = await clearUnusedMaterialFiles();
console.log(`unused exercise files removed: ${files}`);
await db.$disconnect();
