// The migrations of the database under test match the schema, and the indexes the known hot
// queries need exist (a candidate's scorecards, an interviewer's interviews, an opening's candidates).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");
const kind = env.database.kind;

describe(`schema on ${kind}`, () => {
  it("has migrations that produce exactly the schema (no migration forgotten)", () => {
    const [config, migrations, schema] =
      kind === "sqlite"
        ? ["prisma/sqlite.config.ts", "prisma/migrations", "prisma/schema.prisma"]
        : ["prisma/pg.config.ts", "prisma/pg/migrations", "prisma/pg/schema.prisma"];
    const result = spawnSync(
      process.execPath,
      [
        "-r",
        "./scripts/unref-wasm-timers.cjs",
        "node_modules/prisma/build/index.js",
        "migrate",
        "diff",
        "--from-migrations",
        migrations,
        "--to-schema-datamodel",
        schema,
        "--exit-code",
        "--config",
        config,
      ],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: kind === "sqlite" ? "file::memory:" : env.database.url },
        timeout: 120_000,
      },
    );
    expect(result.stdout + result.stderr).toContain("No difference detected");
    expect(result.status).toBe(0);
  });

  it("has the indexes of the hot queries", async () => {
    const rows: { name: string }[] =
      kind === "sqlite"
        ? await db.$queryRawUnsafe(`SELECT name FROM sqlite_master WHERE type = 'index'`)
        : await db.$queryRawUnsafe(`SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = 'public'`);
    const names = rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Scorecard_candidateId_status_idx",
        "Scorecard_authorId_status_idx",
        "Interview_interviewerId_scheduledAt_idx",
        "Interview_candidateId_scheduledAt_idx",
        "Candidate_openingId_stage_idx",
        "Opening_hiringManagerId_idx",
        "AuditLog_entityType_entityId_at_idx",
        "DimensionRating_scorecardId_dimensionId_key",
      ]),
    );
  });
});
