// Which database a DATABASE_URL names. Pure, shared by the app (lib/db.ts), the CLI scripts and
// the tests. No DATABASE_URL => the embedded SQLite file data/scorecards.db under the project.
import path from "node:path";

export const DEFAULT_SQLITE_FILE = "data/scorecards.db";

export type DatabaseTarget = { kind: "sqlite"; url: string; file: string } | { kind: "postgres"; url: string };

export function resolveDatabase(url: string | undefined, cwd: string): DatabaseTarget {
  const value = url?.trim() || `file:${DEFAULT_SQLITE_FILE}`;
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: "postgres", url: value };
  if (value.startsWith("file:")) {
    const raw = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    const file = raw === ":memory:" ? raw : path.resolve(cwd, raw);
    return { kind: "sqlite", url: `file:${file}`, file };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${value.split(":")[0]}:…"`,
  );
}
