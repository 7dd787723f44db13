// Prisma cannot switch provider by env, so the PostgreSQL schema is a generated copy of the
// SQLite source schema (docs/decisions/001).

/** The PostgreSQL copy differs from the source only in provider and output. */
export function postgresSchema(source: string): string {
  const out = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/generated/sqlite"', 'output     = "../../lib/generated/pg"');
  if (!out.includes('"postgresql"') || !out.includes("generated/pg")) {
    throw new Error("prisma/schema.prisma: provider or output line not found; update scripts/db.ts");
  }
  return `// GENERATED from prisma/schema.prisma by \`npm run db:generate\`. Do not edit.\n${out}`;
}
