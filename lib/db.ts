// One Prisma client per process, for whichever database DATABASE_URL names: the same build runs
// on SQLite or PostgreSQL (docs/decisions/001). Both generated clients come from one schema, so
// the PostgreSQL client is used through the SQLite client's (identical) type.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "./database-url";
import { env } from "./env";
import { PrismaClient as PgClient } from "./generated/pg/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

export type Db = SqliteClient;
/** A client or an interactive transaction: data functions accept either. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** onQuery: called with each SQL statement sent (tests and benchmarks count queries with it). */
export function createDb(target: DatabaseTarget, opts: { onQuery?: (sql: string) => void } = {}): Db {
  const log = opts.onQuery ? [{ emit: "event" as const, level: "query" as const }] : [];
  const client =
    target.kind === "postgres"
      ? (new PgClient({ adapter: new PrismaPg({ connectionString: target.url }), log }) as unknown as Db)
      : // busy timeout: a writer waits for another instead of failing at once (WAL is set by db:migrate)
        new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.url, timeout: 10_000 }), log });
  if (target.kind === "sqlite") {
    retryBusyTransactions(client);
    // SQLite's default page cache is 2 MB per connection: a large database's list and comparison
    // queries then re-read the same pages from the OS on every request. 64 MB keeps them in memory.
    client.$executeRawUnsafe("PRAGMA cache_size = -65536").catch(() => undefined);
  }
  if (opts.onQuery) {
    const onQuery = opts.onQuery;
    (client as unknown as { $on: (e: "query", cb: (q: { query: string }) => void) => void }).$on("query", (q) =>
      onQuery(q.query),
    );
  }
  return client;
}

// the SQLite adapter reports SQLITE_BUSY (any variant) as P1008 "Operation has timed out"
const isBusy = (e: unknown) =>
  /SQLITE_BUSY|database is locked|P1008/i.test(
    `${(e as { code?: string })?.code ?? ""} ${(e as Error)?.message ?? ""}`,
  );

/**
 * SQLite in WAL mode: a transaction that read first cannot start writing once another process
 * has committed (SQLITE_BUSY_SNAPSHOT), and the busy timeout does not help. Such a transaction
 * has been rolled back whole, so running it again is safe: retried a few times with backoff.
 * (Interactive transactions only; every write path in the app uses them.)
 */
function retryBusyTransactions(client: Db) {
  const original = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { $transaction: (...args: unknown[]) => Promise<unknown> }).$transaction = async (
    ...args: unknown[]
  ) => {
    if (typeof args[0] !== "function") return original(...args);
    for (let attempt = 0; ; attempt++) {
      try {
        return await original(...args);
      } catch (error) {
        if (attempt >= 12 || !isBusy(error)) throw error;
        await new Promise((r) => setTimeout(r, Math.min(1000, 5 * 2 ** attempt) * (0.5 + Math.random())));
      }
    }
  };
}

// One client per process: Next.js bundles the server in several layers (pages, route handlers,
// instrumentation), each with its own copy of this module; they share the client, its pool and
// the caches keyed by it (lib/data/fingerprint-cache.ts), as development's reloads do.
const globalForDb = globalThis as unknown as { scorecardsDb?: Db };
export const db: Db = globalForDb.scorecardsDb ?? createDb(env.database);
globalForDb.scorecardsDb = db;
