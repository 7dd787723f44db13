// npm run roles:import -- FILE — validates a role template file and saves each role as its next
// version. A bad file is refused whole with the path of every bad field; nothing is written.
import { requireDatabase } from "./cli";
import { readFileSync } from "node:fs";
import { db } from "../lib/db";
import { saveRoleTemplates } from "../lib/data/role-template-save";
import { describeIssues, roleTemplateFileSchema } from "../lib/validations/role-template";

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const file = process.argv[2];
if (!file) fail(["usage: npm run roles:import -- FILE"]);

let json: unknown;
try {
  json = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  fail([`${file}: not readable as JSON (${error instanceof Error ? error.message : String(error)}); nothing imported`]);
}
const parsed = roleTemplateFileSchema.safeParse(json);
if (!parsed.success)
  fail([
    `${file} is not a valid role template file; nothing imported:`,
    ...describeIssues(parsed.error).map((l) => `  ${l}`),
  ]);

await requireDatabase();
try {
  const results = await saveRoleTemplates(parsed.data.roles, {
    actorId: null,
    changeNote: `Imported from ${file.split(/[\\/]/).pop()}`,
  });
  for (const r of results) {
    console.log(
      r.status === "created"
        ? `${r.slug}: created version ${r.version}`
        : `${r.slug}: unchanged (version ${r.version} has this content)`,
    );
  }
} finally {
  await db.$disconnect();
}
