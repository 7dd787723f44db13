// Checks seeded role files against their blueprints: every seeded text must appear, word for
// word (after normalisation), in the source. Usage: tsx seed/check-role.ts [seed/roles/*.json]
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { untraceableTexts } from "./traceability";

const dir = path.join(import.meta.dirname, "roles");
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => path.join(dir, f));
let bad = 0;
for (const file of files) {
  const role = JSON.parse(readFileSync(file, "utf8"));
  const missing = untraceableTexts(role);
  bad += missing.length;
  console.log(
    `${path.basename(file)}: ${missing.length ? `${missing.length} texts not found in source` : "all texts found in source"}`,
  );
  for (const m of missing) console.log(`  ${m.path}: ${JSON.stringify(m.text)}`);
}
process.exit(bad ? 1 : 0);
