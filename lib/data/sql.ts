import "server-only";
import { sqltag as sql } from "@prisma/client/runtime/client";

// What the hand-written SQL of the data layer shares (docs/decisions/011): Prisma's tagged
// template, which binds every value as a parameter on SQLite and PostgreSQL alike, and the
// conditions more than one query states.
export { join, sqltag as sql, type Sql } from "@prisma/client/runtime/client";

/** An aggregate's value as fingerprint text, whichever database returned it (a Date, a bigint, a string). */
export const stamp = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ""));

/** An interview's scorecard, joined as `s` (LEFT JOIN), is still owed: none yet, or a draft. */
export const notSubmitted = sql`(s."status" IS NULL OR s."status" <> 'submitted')`;
