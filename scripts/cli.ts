// The one way a CLI script fails: one line on stderr that says what is wrong and the command that
// fixes it (scripts/cli-failure.ts), exit code 1; the stack only with DEBUG=1. Import this module
// FIRST: its handlers then also catch what fails while the script's other imports load (an
// invalid environment throws as lib/env is imported).
import { existsSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { resolveDatabase, type DatabaseTarget } from "../lib/database-url";
import { CliFailure, describeFailure, NO_TABLES } from "./cli-failure";

export { CliFailure, describeFailure } from "./cli-failure";

// read here, not through lib/env: this must work when the environment is what is wrong
const debug = () => process.env.DEBUG === "1";
let target: DatabaseTarget | undefined;
let failing = false;

export function fail(error: unknown): never {
  // once: a cleanup that fails after the first failure (closing a database that never opened) adds nothing
  if (failing) process.exit(1);
  failing = true;
  console.error(describeFailure(error, target));
  if (debug() && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
}

process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

// Whether DATABASE_URL's SQLite file was there before this script's other imports: lib/db opens
// it as it loads, and opening a missing file creates it, empty.
const atStart = (() => {
  try {
    const t = resolveDatabase(process.env.DATABASE_URL, process.cwd());
    return t.kind === "sqlite" ? { file: t.file, existed: existsSync(t.file) } : null;
  } catch {
    return null; // an invalid DATABASE_URL is reported when lib/env loads
  }
})();

/** The empty file this process created by opening a missing database is removed again. */
function removeCreatedFile(file: string) {
  if (!atStart || atStart.existed || atStart.file !== file) return;
  if (existsSync(file) && statSync(file).size === 0)
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

/**
 * Checks, before any work, that the database is there: a SQLite file that exists and has been
 * migrated (opening a missing file would create it empty), or a PostgreSQL server that answers
 * and holds the migrated tables. `url` defaults to DATABASE_URL.
 */
export async function requireDatabase(
  url: string | undefined = process.env.DATABASE_URL,
  opts: { migrated?: boolean } = {},
) {
  target = resolveDatabase(url, process.cwd());
  const migrated = opts.migrated ?? true;
  if (target.kind === "sqlite") {
    // a file that is not there yet is fine for a restore (migrated: false); opening it creates it
    if (target.file === ":memory:" || !migrated) return;
    if (!existsSync(target.file) || (atStart?.file === target.file && !atStart.existed)) {
      removeCreatedFile(target.file);
      throw new CliFailure(NO_TABLES);
    }
    const sqlite = new Database(target.file, { readonly: true, fileMustExist: true });
    try {
      if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get())
        throw new CliFailure(NO_TABLES);
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    if (migrated) {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`,
      );
      if (!rows[0]?.ok) throw new CliFailure(NO_TABLES);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs a script's work; any failure is reported in one line (exit 1). */
export async function runScript(
  main: () => Promise<unknown>,
  opts: { database?: "migrated" | "reachable" | "none" } = {},
) {
  try {
    const need = opts.database ?? "migrated";
    if (need !== "none") await requireDatabase(process.env.DATABASE_URL, { migrated: need === "migrated" });
    await main();
  } catch (error) {
    fail(error);
  }
}
