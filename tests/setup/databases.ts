// Test databases: a migrated template made once per run (global-db.ts), copied per test file
// (file-db.ts), on whichever database DATABASE_URL names: a real SQLite file or a real PostgreSQL.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { resolveDatabase } from "../../lib/database-url";

export const root = path.resolve(import.meta.dirname, "../..");
// TEST_TMP_DIR: a folder of its own for a second run beside this one (each run empties its folder)
export const tmpDir = process.env.TEST_TMP_DIR
  ? path.resolve(process.env.TEST_TMP_DIR)
  : path.join(root, "tests", ".tmp");

export const target = () =>
  resolveDatabase(process.env.TEST_DATABASE_URL ?? `file:${path.join(tmpDir, "template.db")}`, root);

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function pgAdmin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export const TEMPLATE_PG_DB = "scorecards_test_template";

export function migrate(url: string) {
  execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/db.ts", "migrate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export function copySqlite(templateFile: string, name: string): string {
  mkdirSync(tmpDir, { recursive: true });
  const file = path.join(tmpDir, `${name}.db`);
  copyFileSync(templateFile, file);
  return `file:${file}`;
}
