// Database tasks for whichever database DATABASE_URL names (SQLite by default).
//   generate            write prisma/pg/schema.prisma from the source schema; generate both clients
//   migrate             apply the pending migrations of that database's folder
//   reset               empty the database (delete the SQLite file / drop the schema), then migrate
//   new-migration NAME  author the next migration for BOTH databases from schema changes
// See docs/decisions/001-databases-and-prisma.md and README "Changing the schema".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveDatabase, type DatabaseTarget } from "../lib/database-url";
import { fail, requireDatabase } from "./cli";
import { postgresSchema } from "./pg-schema";

const root = path.resolve(import.meta.dirname, "..");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
const configs = { sqlite: "prisma/sqlite.config.ts", postgres: "prisma/pg.config.ts" } as const;
const migrationDirs = { sqlite: "prisma/migrations", postgres: "prisma/pg/migrations" } as const;

/** inherit: show Prisma's output; stdout: return it; quiet: show it only if the command fails */
function prisma(
  kind: DatabaseTarget["kind"],
  args: string[],
  url: string,
  output: "inherit" | "stdout" | "quiet" = "inherit",
) {
  const result = spawnSync(process.execPath, [prismaBin, ...args, "--config", configs[kind]], {
    cwd: root,
    stdio: output === "inherit" ? "inherit" : ["ignore", "pipe", output === "quiet" ? "pipe" : "inherit"],
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: url,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ""} -r ${path.join(root, "scripts", "unref-wasm-timers.cjs")}`.trim(),
    },
  });
  if (result.status !== 0) {
    if (output === "quiet") console.error(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`prisma ${args.join(" ")} failed (${kind})`);
  }
  return result.stdout ?? "";
}

function generate() {
  const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  mkdirSync(path.join(root, "prisma/pg"), { recursive: true });
  writeFileSync(path.join(root, "prisma/pg/schema.prisma"), postgresSchema(source));
  prisma("sqlite", ["generate"], "file:./data/unused.db", "quiet");
  prisma("postgres", ["generate"], "postgresql://unused@127.0.0.1:5432/unused", "quiet");
  console.log("generated prisma/pg/schema.prisma and the SQLite and PostgreSQL clients");
}

/** A stopped or unreachable server is said in one line before Prisma's CLI prints its own report. */
async function serverAnswers(target: DatabaseTarget) {
  if (target.kind !== "postgres") return;
  // a database not created yet is fine: migrate deploy creates it
  await requireDatabase(target.url, { migrated: false }).catch((e: { code?: string }) => {
    if (e?.code !== "3D000") throw e;
  });
}

async function migrate(target: DatabaseTarget) {
  await serverAnswers(target);
  if (target.kind === "sqlite") mkdirSync(path.dirname(target.file), { recursive: true });
  const log = prisma(target.kind, ["migrate", "deploy"], target.url, "quiet");
  const applied = log.match(/^\s+└─ \S+\/$/gm)?.length ?? 0;
  if (target.kind === "sqlite") {
    // WAL lets readers run beside the one writer; the setting is stored in the file itself.
    const sqlite = new Database(target.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  const where = target.kind === "sqlite" ? `SQLite ${path.relative(root, target.file)}` : "PostgreSQL";
  console.log(`${where}: ${applied ? `applied ${applied} migration(s)` : "already up to date"}`);
  backfillScores(target);
}

/**
 * A database upgraded from a version that kept no scores gets them computed now
 * (docs/decisions/060); a cheap check otherwise. In a child process: the scoring code is the
 * server's (the react-server condition), which this script does not load.
 */
function backfillScores(target: DatabaseTarget) {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const script = path.join(root, "scripts", "scores-verify.ts");
  const result = spawnSync(process.execPath, [tsx, "--conditions=react-server", script, "--backfill"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: target.url },
  });
  if (result.status !== 0) throw new Error("computing the stored scores failed");
}

async function reset(target: DatabaseTarget) {
  if (target.kind === "sqlite") {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(target.file + suffix, { force: true });
  } else {
    await serverAnswers(target);
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  }
  await migrate(target);
}

function newMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migration:new -- <snake_case_name>");
  const pgUrl = process.env.PG_URL;
  if (!pgUrl) {
    throw new Error(
      "PG_URL must name an empty scratch PostgreSQL database (e.g. from `bash scripts/pg-cluster.sh start`) to author the PostgreSQL migration",
    );
  }
  generate();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const targets = [
    { kind: "sqlite" as const, url: "file::memory:", schema: "prisma/schema.prisma" },
    { kind: "postgres" as const, url: pgUrl, schema: "prisma/pg/schema.prisma" },
  ];
  for (const t of targets) {
    const sql = prisma(
      t.kind,
      ["migrate", "diff", "--from-migrations", migrationDirs[t.kind], "--to-schema-datamodel", t.schema, "--script"],
      t.url,
      "stdout",
    );
    if (/This is an empty migration/.test(sql)) {
      console.log(`${t.kind}: schema and migrations already agree; nothing to write`);
      continue;
    }
    const dir = path.join(root, migrationDirs[t.kind], `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`${t.kind}: wrote ${path.relative(root, dir)}/migration.sql — review it before committing`);
  }
}

const [command, arg] = process.argv.slice(2);
const target = () => resolveDatabase(process.env.DATABASE_URL, root);
try {
  if (command === "generate") generate();
  else if (command === "migrate") await migrate(target());
  else if (command === "reset") await reset(target());
  else if (command === "new-migration") newMigration(arg);
  else throw new Error("usage: tsx scripts/db.ts generate|migrate|reset|new-migration NAME");
} catch (error) {
  fail(error);
}
