// Every script that touches the database, run as npm runs it against a database that is not
// there (a fresh SQLite path, as in a checkout before `db:migrate`; a PostgreSQL database with no
// tables; a PostgreSQL port nothing listens on) or a bad environment: stderr is one line that
// names the fix, the exit code is 1, and a missing SQLite file is not left behind, created empty.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { roleTemplateFileSchema } from "@/lib/validations/role-template";
import { loadBlueprintRoles } from "@/seed/roles";
import { pgAdmin, target, withDatabase } from "../setup/databases";

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "scripts-no-db-"));
const run = promisify(execFile);

type Script = { name: string; file: string; args?: string[]; react?: false };
/** The package.json scripts that read or write the configured database. */
const CONFIGURED: Script[] = [
  { name: "roles:export", file: "scripts/roles-export.ts" },
  { name: "roles:import", file: "scripts/roles-import.ts", args: [path.join(dir, "roles.json")] },
  {
    name: "candidates:import",
    file: "scripts/candidates-import.ts",
    args: ["--opening", "x", "--file", path.join(dir, "candidates.csv"), "--as", "someone@example.com"],
  },
  { name: "retention", file: "scripts/retention.ts" },
  { name: "reminders", file: "scripts/reminders.ts", args: ["--once"] },
  { name: "backup", file: "scripts/backup.ts", args: ["backup", "--out", path.join(dir, "out.backup")] },
  { name: "db:seed", file: "seed/seed.ts", args: ["--demo"] },
  { name: "bench:calibration", file: "scripts/bench/calibration.ts", args: ["--rounds", "1"] },
  { name: "data:synthetic", file: "scripts/data/synthetic.ts", args: ["--profile", "small"] },
];
/** Scripts that only need the server to answer (they make their own databases, or restore one). */
const SERVER_ONLY = (url: string): Script[] => [
  { name: "restore", file: "scripts/backup.ts", args: ["restore", path.join(dir, "some.backup")] },
  { name: "db:migrate", file: "scripts/db.ts", args: ["migrate"], react: false },
  { name: "db:reset", file: "scripts/db.ts", args: ["reset"], react: false },
  { name: "bench", file: "scripts/bench/run.ts", args: ["--no-build", "--profiles", "small"] },
  { name: "load", file: "scripts/reliability/load.ts", args: ["--pg", url] },
  { name: "crash", file: "scripts/reliability/crash.ts", args: ["--pg", url] },
  { name: "scale-out", file: "scripts/reliability/scale-out.ts", args: ["--pg", url] },
];

async function spawnScript(s: Script, env: Record<string, string>) {
  const conditions = s.react === false ? [] : ["--conditions=react-server"];
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", DEBUG: "", ...env };
  try {
    const r = await run(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...conditions, s.file, ...(s.args ?? [])],
      { cwd: root, env: childEnv, encoding: "utf8", timeout: 120_000 },
    );
    return { code: 0, stderr: r.stderr, stdout: r.stdout };
  } catch (e) {
    const x = e as { code?: number; stderr?: string; stdout?: string };
    return { code: x.code, stderr: x.stderr ?? "", stdout: x.stdout ?? "" };
  }
}

/**
 * Runs the scripts two at a time (the machine is shared), or `width` at a time, each with `env` (or
 * the environment `env` gives it), and returns what each printed. Where the check is that no empty
 * file is left, each script gets a path of its own: a script removes only the file it created
 * itself, so a second one started meanwhile on the same path would find it and leave it.
 */
async function each(
  scripts: Script[],
  env: Record<string, string> | ((s: Script) => Record<string, string>),
  width = 2,
) {
  const out: { name: string; code: number | undefined; lines: string[] }[] = [];
  for (let i = 0; i < scripts.length; i += width) {
    const batch = await Promise.all(
      scripts
        .slice(i, i + width)
        .map(async (s) => ({ name: s.name, ...(await spawnScript(s, typeof env === "function" ? env(s) : env)) })),
    );
    for (const r of batch)
      out.push({ name: r.name, code: r.code, lines: r.stderr.split("\n").filter((l) => l.trim()) });
  }
  return out;
}

const expectOneLine = (results: Awaited<ReturnType<typeof each>>, line: string) =>
  expect(Object.fromEntries(results.map((r) => [r.name, { code: r.code, stderr: r.lines }]))).toEqual(
    Object.fromEntries(results.map((r) => [r.name, { code: 1, stderr: [line] }])),
  );

const NO_TABLES = "The database has no tables yet: run `npm run db:migrate` first.";
const SLOW = 300_000; // each case starts several Node processes
let closedPort = 0;

beforeAll(async () => {
  // a valid file: the import gets as far as the database
  const roles = { roles: loadBlueprintRoles().slice(0, 1) };
  expect(roleTemplateFileSchema.safeParse(roles).success).toBe(true);
  writeFileSync(path.join(dir, "roles.json"), JSON.stringify(roles));
  writeFileSync(path.join(dir, "some.backup"), "not really a backup");
  writeFileSync(path.join(dir, "candidates.csv"), "Name,E-mail\r\nA Person,a@example.com\r\n");
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  closedPort = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
});

// The suite runs once per database (scripts/test.sh), but these cases name their own databases
// in each script's environment and never touch the suite's: they run once, in the PostgreSQL run
// (it has two workers and ends before the SQLite run: docs/decisions/066), beside the one case
// that needs its server. `npm run validate`, on SQLite alone, leaves them to `npm test`.
const t = target();
if (t.kind === "postgres")
  describe("scripts without a database", () => {
    it(
      "a fresh SQLite path (before db:migrate): one line naming the fix, exit 1, no empty file left",
      async () => {
        // a path of its own for each script, so that two at a time cannot find each other's file
        const fileOf = (s: Script) => path.join(dir, `fresh-${s.name.replace(/\W/g, "-")}`, "scorecards.db");
        expectOneLine(await each(CONFIGURED, (s) => ({ DATABASE_URL: `file:${fileOf(s)}` })), NO_TABLES);
        expect(CONFIGURED.map(fileOf).filter((f) => existsSync(f))).toEqual([]);
        // the folder exists but the file does not: opening it would create it
        const inDir = path.join(dir, "scorecards.db");
        expectOneLine(await each(CONFIGURED.slice(0, 1), { DATABASE_URL: `file:${inDir}` }, 1), NO_TABLES);
        expect(existsSync(inDir)).toBe(false);
      },
      SLOW,
    );

    it(
      "an empty SQLite file (no tables): one line naming the fix",
      async () => {
        const file = path.join(dir, "empty.db");
        writeFileSync(file, "");
        expectOneLine(await each([CONFIGURED[0], CONFIGURED[5]], { DATABASE_URL: `file:${file}` }), NO_TABLES);
      },
      SLOW,
    );

    it(
      "a PostgreSQL port nothing listens on: one line naming the server and the fix",
      async () => {
        const url = `postgresql://postgres@127.0.0.1:${closedPort}/scorecards`;
        expectOneLine(
          // every script that needs only the server; of the configured ones, one (each of those
          // meets the same check on the fresh SQLite path above: docs/decisions/070)
          await each([CONFIGURED[3], ...SERVER_ONLY(url)], { DATABASE_URL: url }),
          `Cannot reach PostgreSQL at 127.0.0.1:${closedPort}: start it or fix DATABASE_URL.`,
        );
      },
      SLOW,
    );

    it(
      "an invalid environment: the variable and what is wrong, in one line",
      async () => {
        const results = await each([CONFIGURED[0], CONFIGURED[2]], {
          DATABASE_URL: `file:${path.join(dir, "x.db")}`,
          NEXTAUTH_SECRET: "short",
        });
        expectOneLine(results, "Invalid environment: NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 16 characters");
        expectOneLine(
          await each([CONFIGURED[0]], { DATABASE_URL: "mysql://db.example.com/app" }),
          'DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "mysql:…"',
        );
      },
      SLOW,
    );
  });

// in both runs: one script, so that each run has this file's check of the line and its stack
describe("scripts without a database, with DEBUG", () => {
  it(
    "DEBUG=1 adds the stack after the line",
    async () => {
      const r = await spawnScript(CONFIGURED[0], {
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/x`,
        DEBUG: "1",
      });
      const lines = r.stderr.split("\n").filter((l) => l.trim());
      expect(r.code).toBe(1);
      expect(lines[0]).toBe(`Cannot reach PostgreSQL at 127.0.0.1:${closedPort}: start it or fix DATABASE_URL.`);
      expect(lines.length).toBeGreaterThan(1);
    },
    SLOW,
  );
});

// PostgreSQL itself: only when the suite runs against a server (TEST_DATABASE_URL)
if (t.kind === "postgres")
  describe("scripts on a PostgreSQL database without tables", () => {
    it(
      "a PostgreSQL database with no tables: one line naming the fix",
      async () => {
        const name = `no_tables_${process.pid}`;
        await pgAdmin(t.url, `DROP DATABASE IF EXISTS ${name}`);
        await pgAdmin(t.url, `CREATE DATABASE ${name}`);
        try {
          expectOneLine(
            await each([CONFIGURED[1], CONFIGURED[4]], { DATABASE_URL: withDatabase(t.url, name) }),
            NO_TABLES,
          );
        } finally {
          await pgAdmin(t.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }
      },
      SLOW,
    );
  });
