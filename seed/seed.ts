// npm run db:seed [-- --demo]: loads the five blueprint roles (a new version only when a role's
// content changed, so running it again is harmless) and, with --demo, the demo data.
import { fail, requireDatabase } from "../scripts/cli";
import { db } from "../lib/db";
import { saveRoleTemplates } from "../lib/data/role-template-save";
import { loadBlueprintRoles } from "./roles";
import { seedDemo } from "./demo";

async function main() {
  await requireDatabase();
  const results = await saveRoleTemplates(loadBlueprintRoles(), {
    actorId: null,
    changeNote: "Seeded from the role blueprint",
  });
  for (const r of results) console.log(`role ${r.slug} v${r.version}: ${r.status}`);
  if (process.argv.includes("--demo")) console.log(`demo data: ${await seedDemo(db)}`);
}

main()
  .finally(() => db.$disconnect().catch(() => undefined))
  .catch(fail);
