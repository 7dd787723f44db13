import "server-only";
import { db } from "../db";
import { env } from "../env";
import { parseInput } from "../errors";
import { searchQuerySchema } from "../validations/fields";
import { join, sql, type Sql } from "./sql";

// Search that matches what was typed, literally (docs/decisions/018). Prisma's `contains` is a
// LIKE, where % and _ are wildcards, and SQLite's LIKE has no escape character unless the query
// names one, which Prisma's does not: "50%" found "50 percent". instr() (SQLite) and strpos()
// (PostgreSQL) look for the text itself, on both databases the same way.

/** `haystack` contains `needle` as text, wildcards and all; lower() on both sides ignores case. */
export function containsLiterally(haystack: Sql, needle: string): Sql {
  return env.database.kind === "postgres"
    ? sql`strpos(lower(${haystack}), lower(${needle})) > 0`
    : sql`instr(lower(${haystack}), lower(${needle})) > 0`;
}

/**
 * The forms a term is looked for in a name: as typed, lower-cased and capitalised. SQLite's
 * lower() folds ASCII only, so "émile" must also be tried as "Émile".
 */
export function nameVariants(term: string): string[] {
  return [...new Set([term, term.toLowerCase(), term[0].toUpperCase() + term.slice(1).toLowerCase()])];
}

/** Whether LIKE reads this text as itself: no % or _ (wildcards) and no \\ (PostgreSQL's escape). */
export function likeIsLiteral(text: string): boolean {
  return !/[%_\\]/.test(text);
}

/** A search box's text, refused (422 naming "q") when it holds what no query can carry. */
export function parseSearchQuery(query: string): string {
  return parseInput(searchQuerySchema, { q: query }).q;
}

const TABLES = { Candidate: sql`"Candidate"`, User: sql`"User"` } as const;
const ORDERS = { name: sql`"name" ASC`, "active-then-name": sql`"active" DESC, "name" ASC` } as const;

/**
 * The ids of the rows (at most `take`, in that order) whose name or e-mail contains every term
 * literally. For the caller to load with Prisma by id, in the same order.
 */
export async function idsByNameOrEmail(
  table: keyof typeof TABLES,
  terms: string[],
  order: keyof typeof ORDERS,
  take: number,
): Promise<string[]> {
  if (!terms.length) return [];
  const each = terms.map(
    (t) =>
      sql`(${join([...nameVariants(t).map((v) => containsLiterally(sql`"name"`, v)), containsLiterally(sql`"email"`, t.toLowerCase())], " OR ")})`,
  );
  const rows = await db.$queryRaw<{ id: string }[]>(
    sql`SELECT "id" FROM ${TABLES[table]} WHERE ${join(each, " AND ")} ORDER BY ${ORDERS[order]} LIMIT ${take}`,
  );
  return rows.map((r) => r.id);
}
