// npm run --silent roles:export > roles.json  (or: npm run roles:export -- --out roles.json)
// Every role template's current version as JSON (format: lib/validations/role-template.ts,
// README "Role templates as JSON"). --silent keeps npm's own banner out of stdout.
import { requireDatabase } from "./cli";
import { writeFileSync } from "node:fs";
import { db } from "../lib/db";
import { exportRoleTemplates } from "../lib/data/role-templates";

const outAt = process.argv.indexOf("--out");
await requireDatabase();
try {
  const json = `${JSON.stringify(await exportRoleTemplates(), null, 2)}\n`;
  if (outAt > 0 && process.argv[outAt + 1]) {
    writeFileSync(process.argv[outAt + 1], json);
    console.error(`wrote ${process.argv[outAt + 1]}`);
  } else {
    process.stdout.write(json);
  }
} finally {
  await db.$disconnect();
}
