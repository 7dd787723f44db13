// npm run candidates:import -- --opening ID --file FILE.csv --as EMAIL [--commit] — the candidate
// import of the opening's page, from a shell (docs/decisions/071-candidate-import.md): a dry run
// by default, printing every row's problems; --commit writes every row or none. It acts as the
// named user, with that user's rights, and is audited as theirs.
import { fail, runScript } from "./cli";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { importCandidates } from "../lib/data/candidate-import";
import { AppError, ValidationError } from "../lib/errors";
import type { AppRole } from "../lib/domain/vocabulary";

const USAGE = "usage: npm run candidates:import -- --opening ID --file FILE.csv --as EMAIL [--commit]";

let args: { opening?: string; file?: string; as?: string; commit?: boolean };
try {
  args = parseArgs({
    options: {
      opening: { type: "string" },
      file: { type: "string" },
      as: { type: "string" },
      commit: { type: "boolean" },
    },
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(1);
}
const { opening, file, as: email } = args;
if (!opening || !file || !email) {
  console.error(USAGE);
  process.exit(1);
}
let csv = "";
try {
  csv = readFileSync(file, "utf8");
} catch (error) {
  console.error(`${file}: not readable (${error instanceof Error ? error.message : String(error)}); nothing imported`);
  process.exit(1);
}

await runScript(async () => {
  try {
    const user = await db.user.findFirst({
      where: { email: email.trim().toLowerCase(), active: true },
      select: { id: true, roles: { select: { role: true } } },
    });
    if (!user) fail(new AppError(`No active user has the e-mail ${email}; nothing imported`, 404, "not_found"));
    const viewer = { id: user.id, roles: user.roles.map((r) => r.role as AppRole) };
    const result = await importCandidates(viewer, opening, { csv, dryRun: !args.commit });
    for (const row of result.rows)
      for (const p of row.problems) console.log(`line ${row.line}, ${p.field}: ${p.message}`);
    const c = result.counts;
    if (result.imported)
      console.log(`imported ${result.imported.candidates} candidates and ${result.imported.interviews} interviews`);
    else {
      console.log(
        `${c.rows} rows: ${c.ready} ready, ${c.withProblems} with problems, ${c.interviews} interviews planned`,
      );
      console.log(
        c.withProblems ? "nothing imported: fix the rows above" : "dry run: run again with --commit to import",
      );
      if (c.withProblems) process.exitCode = 1;
    }
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const [k, messages] of Object.entries(error.fieldErrors))
        for (const m of messages) console.log(`${k}: ${m}`);
      console.error(`${error.message} Nothing imported.`);
      process.exitCode = 1;
    } else if (error instanceof AppError) {
      console.error(`${error.message} Nothing imported.`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await db.$disconnect();
  }
});
