// Once per integration run: migrate a template database and say which database the suite uses.
import { mkdirSync, rmSync } from "node:fs";
import { migrate, pgAdmin, target, TEMPLATE_PG_DB, tmpDir, withDatabase } from "./databases";

export default async function setup() {
  const t = target();
  if (t.kind === "sqlite") {
    rmSync(tmpDir, { recursive: true, force: true });
    mkdirSync(tmpDir, { recursive: true });
    migrate(t.url);
    console.log(`[integration] database: SQLite (better-sqlite3 adapter), template ${t.file}`);
  } else {
    await pgAdmin(t.url, `DROP DATABASE IF EXISTS ${TEMPLATE_PG_DB} WITH (FORCE)`);
    await pgAdmin(t.url, `CREATE DATABASE ${TEMPLATE_PG_DB}`);
    migrate(withDatabase(t.url, TEMPLATE_PG_DB));
    const version = await pgAdmin(t.url, "SHOW server_version");
    console.log(
      `[integration] database: PostgreSQL ${version.rows[0].server_version} (pg adapter) at ${new URL(t.url).host}`,
    );
  }
  return async () => {
    if (t.kind === "sqlite") rmSync(tmpDir, { recursive: true, force: true });
    else await pgAdmin(t.url, `DROP DATABASE IF EXISTS ${TEMPLATE_PG_DB} WITH (FORCE)`);
  };
}
