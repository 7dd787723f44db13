// Every row of every table of a database, as sorted JSON lines: two dumps are equal exactly when
// the databases hold the same data. Reads with the raw drivers, not Prisma.
import Database from "better-sqlite3";
import pg from "pg";
import { resolveDatabase } from "../../lib/database-url";

const line = (row: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))), (_k, v) =>
    typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : v,
  );

export async function dumpDatabase(url: string): Promise<Record<string, string[]>> {
  const t = resolveDatabase(url, process.cwd());
  const out: Record<string, string[]> = {};
  if (t.kind === "sqlite") {
    const db = new Database(t.file, { readonly: true, fileMustExist: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[];
      for (const { name } of tables)
        out[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map(line).sort();
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      const tables = (
        await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
      ).rows as { tablename: string }[];
      // every table in one statement, each row as PostgreSQL's own JSON text: one round trip, not
      // one per table (the hostile-input tests dump the database around every property)
      const columns = tables.map(
        ({ tablename }, i) =>
          `(SELECT coalesce(array_agg(row_to_json(x)::text), '{}') FROM "${tablename}" x) AS "t${i}"`,
      );
      if (!columns.length) return out;
      const [row] = (await client.query(`SELECT ${columns.join(", ")}`)).rows as Record<string, string[]>[];
      tables.forEach(({ tablename }, i) => {
        out[tablename] = row[`t${i}`].map((text) => line(JSON.parse(text) as Record<string, unknown>)).sort();
      });
    } finally {
      await client.end();
    }
  }
  return out;
}
