// What a CLI script prints when it fails (scripts/cli.ts): one line that says what is wrong and,
// for the failures a fresh checkout or a stopped server produce, the command that fixes it. Pure:
// it reads the shapes of Prisma's, pg's and better-sqlite3's errors, and imports none of them.

export const NO_TABLES = "The database has no tables yet: run `npm run db:migrate` first.";

/** A failure the script itself describes; printed as it is. */
export class CliFailure extends Error {}

type Target = { kind: "sqlite" | "postgres"; url: string };
type Shape = {
  name?: string;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  address?: unknown;
  port?: unknown;
  meta?: { driverAdapterError?: { cause?: { host?: unknown; port?: unknown; database?: unknown } } };
};

function endpointOf(e: Shape, target?: Target): string {
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause?.host) return `${cause.host}${cause.port ? `:${cause.port}` : ""}`;
  if (typeof e.address === "string") return `${e.address}${e.port ? `:${e.port}` : ""}`;
  if (target?.kind === "postgres") {
    try {
      const u = new URL(target.url);
      return `${u.hostname || "localhost"}:${u.port || "5432"}`;
    } catch {
      return "the DATABASE_URL server";
    }
  }
  return "the DATABASE_URL server";
}

const databaseOf = (target?: Target) => {
  try {
    return target?.kind === "postgres" ? decodeURIComponent(new URL(target.url).pathname.slice(1)) || "postgres" : "";
  } catch {
    return "";
  }
};

const UNREACHABLE_CODES = new Set([
  "P1001",
  "P1002",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** The one-line description of a known failure, or null for an unexpected one. */
export function knownFailure(error: unknown, target?: Target): string | null {
  if (error instanceof CliFailure) return error.message;
  if (!error || typeof error !== "object") return null;
  const e = error as Shape;
  const message = typeof e.message === "string" ? e.message : "";
  const code = typeof e.code === "string" ? e.code : "";
  if (/^Invalid environment: /.test(message) || /^DATABASE_URL must start with/.test(message))
    return message.split("\n")[0];
  if (
    code === "P2021" ||
    /no such table|does not exist in the current database|relation "[^"]+" does not exist/i.test(message)
  )
    return NO_TABLES;
  if (code === "P2022") return "The database is missing columns this version needs: run `npm run db:migrate`.";
  if (/Cannot open database because the directory does not exist|unable to open database file/i.test(message))
    return NO_TABLES;
  // pg reports a refused connection to each address of "localhost" as one AggregateError
  const inner = Array.isArray(e.errors) ? (e.errors as Shape[]) : [];
  const unreachable =
    UNREACHABLE_CODES.has(code) ||
    inner.some((i) => typeof i?.code === "string" && UNREACHABLE_CODES.has(i.code)) ||
    /Can't reach database server/.test(message);
  if (unreachable)
    return `Cannot reach PostgreSQL at ${endpointOf(inner[0] && !e.meta ? inner[0] : e, target)}: start it or fix DATABASE_URL.`;
  if (code === "P1003" || code === "3D000") {
    const name = databaseOf(target);
    return `PostgreSQL at ${endpointOf(e, target)} has no database${name ? ` "${name}"` : ""}: create it${name ? ` (createdb ${name})` : ""} or fix DATABASE_URL.`;
  }
  if (code === "P1000" || code === "28P01" || code === "28000")
    return `PostgreSQL at ${endpointOf(e, target)} refused the user or password in DATABASE_URL: fix DATABASE_URL.`;
  return null;
}

/**
 * One line for any failure: the known description, else the error's own message (its first line;
 * for Prisma's "Invalid … invocation", its last line, the reason). DEBUG=1 adds the stack (scripts/cli.ts).
 */
export function describeFailure(error: unknown, target?: Target): string {
  const known = knownFailure(error, target);
  if (known) return known;
  if (error instanceof Error) {
    const lines = error.message
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const reason = /^Invalid `.*` invocation/.test(lines[0] ?? "") ? lines[lines.length - 1] : lines[0];
    return `${error.name === "Error" ? "" : `${error.name}: `}${reason ?? "failed"}`;
  }
  return String(error);
}
