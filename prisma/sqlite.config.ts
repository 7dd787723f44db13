// Prisma CLI config for SQLite (the embedded default). Used only by scripts/db.ts; the app
// builds its own client in lib/db.ts. JS engine + driver adapter: see docs/decisions/001.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlMigrationAwareDriverAdapterFactory as Factory } from "@prisma/driver-adapter-utils";

// The wasm schema engine sends whole migration scripts through executeRaw(), which
// better-sqlite3 refuses ("more than one statement"). Parameterless SQL goes to executeScript().
function multiStatementSafe(factory: Factory): Factory {
  const wrap = <A extends Awaited<ReturnType<Factory["connect"]>>>(adapter: A): A => {
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    return multiStatementSafe(new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/app.db" }));
  },
});
