import "server-only";
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { DbTx } from "../db";
import { env } from "../env";

// What the hand-written SQL of the data layer shares (docs/decisions/011): Prisma's tagged
// template, which binds every value as a parameter on SQLite and PostgreSQL alike, and the
// conditions more than one query states.
export { join, sqltag as sql, type Sql } from "@prisma/client/runtime/client";

/** An aggregate's value as fingerprint text, whichever database returned it (a Date, a bigint, a string). */
export const stamp = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ""));

/** A timestamp column of a raw query as a Date, whichever database returned it (SQLite gives text). */
export const asDate = (v: Date | string) => new Date(v);

/** An interview's scorecard, joined as `s` (LEFT JOIN), is still owed: none yet, or a draft. */
export const notSubmitted = sql`(s."status" IS NULL OR s."status" <> 'submitted')`;

/**
 * One caller at a time for `key` until the transaction ends: the tool for every check-then-write
 * (docs/decisions/014). PostgreSQL's default isolation (read committed) lets two transactions read
 * the same state and both write; a transaction-scoped advisory lock makes the second wait, and its
 * reads after the lock see what the first committed. SQLite has one writer: a no-op write takes
 * that lock now, so the reads that follow are already serialized (a transaction that had read
 * before, and lost the lock, is rolled back and re-run whole by lib/db.ts).
 */
export async function serialize(tx: DbTx, key: string): Promise<void> {
  if (env.database.kind === "postgres")
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))::text`;
  else await tx.$executeRaw`UPDATE "SignInThrottle" SET "key" = "key" WHERE 0`;
}
