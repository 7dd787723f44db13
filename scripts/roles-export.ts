// npm run roles:export > roles.json — every role template's current version as JSON on stdout
// (format: lib/validations/role-template.ts, documented in README "Role templates as JSON").
import { db } from "../lib/db";
import { exportRoleTemplates } from "../lib/data/role-templates";

try {
  process.stdout.write(`${JSON.stringify(await exportRoleTemplates(), null, 2)}\n`);
} finally {
  await db.$disconnect();
}
