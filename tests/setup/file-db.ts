// Before each integration test file: a fresh copy of the migrated template, named in
// DATABASE_URL before lib/env and lib/db are first imported; dropped after the file.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll } from "vitest";
import { copySqlite, pgAdmin, target, TEMPLATE_PG_DB, withDatabase } from "./databases";

const t = target();
const name = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
if (t.kind === "sqlite") {
  process.env.DATABASE_URL = copySqlite(t.file, name);
} else {
  await pgAdmin(t.url, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_PG_DB}`);
  process.env.DATABASE_URL = withDatabase(t.url, name);
}

afterAll(async () => {
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  if (t.kind === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"])
      rmSync(`${t.file.replace(/template\.db$/, `${name}.db`)}${suffix}`, { force: true });
  } else {
    await pgAdmin(t.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});
