// Backup and restore of either database (docs/decisions/036-backups-with-each-databases-tool.md),
// used by `npm run backup` / `npm run restore`.
// SQLite: the online backup API (consistent while the app keeps writing). PostgreSQL: pg_dump in
// its custom format and pg_restore, from the PostgreSQL client tools.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { DatabaseTarget } from "./database-url";

/** pg_dump / pg_restore from PATH, or the newest Debian PostgreSQL install. */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
    return name;
  } catch {
    const base = "/usr/lib/postgresql";
    const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
    for (const v of versions) if (existsSync(path.join(base, v, "bin", name))) return path.join(base, v, "bin", name);
    throw new Error(
      `${name} is not installed: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`,
    );
  }
}

export function defaultBackupFile(target: DatabaseTarget, dir: string, now = new Date()) {
  const stamp = now.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  return path.join(dir, `scorecards-${stamp}.${target.kind === "sqlite" ? "db" : "dump"}`);
}

export async function backup(target: DatabaseTarget, file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) throw new Error(`${file} exists already; choose another file`);
  if (target.kind === "sqlite") {
    const source = new Database(target.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
  } else {
    execFileSync(
      pgTool("pg_dump"),
      ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${target.url}`],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
  }
  return file;
}

/**
 * Restores a backup into the target. SQLite: the target file is replaced (refused if it exists,
 * unless `force`; stop the app first). PostgreSQL: into an empty database (create it first); with
 * `force`, existing objects are dropped and replaced.
 */
export async function restore(target: DatabaseTarget, file: string, opts: { force?: boolean } = {}) {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  if (target.kind === "sqlite") {
    if (existsSync(target.file) && !opts.force)
      throw new Error(`${target.file} exists; stop the app and pass --force to replace it`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${target.file}${suffix}`, { force: true });
    mkdirSync(path.dirname(target.file), { recursive: true });
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target.file);
    } finally {
      source.close();
    }
  } else {
    execFileSync(
      pgTool("pg_restore"),
      [
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        ...(opts.force ? ["--clean", "--if-exists"] : []),
        `--dbname=${target.url}`,
        file,
      ],
      {
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
  }
}
