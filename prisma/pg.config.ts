// Prisma CLI config for PostgreSQL. Used only by scripts/db.ts (migrate deploy, migration
// authoring); the app builds its own client in lib/db.ts. Works around four problems of the
// wasm schema engine with @prisma/adapter-pg 6.19 (docs/decisions/001).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// 1 (prisma/orm#27403): catalog columns of type name / "char" / reg* cannot be deserialised by
// adapter-pg; report them as text (OID 25), whose value is identical.
const CATALOG_TEXT_OIDS = new Set([18, 19, 24, 194, 2205, 2206, 4089]);
class CatalogAsTextPool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async query(...args: any[]): Promise<any> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const res: any = await (super.query as any)(...args);
    for (const f of res?.fields ?? []) if (CATALOG_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = 25;
    return res;
  }
}

function poolConfig(database?: string): pg.PoolConfig {
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/scorecards");
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password) || undefined,
    database: database ?? decodeURIComponent(url.pathname.slice(1)),
    allowExitOnIdle: true, // otherwise every CLI command waits ~10 s for idle clients
  };
}

async function admin(sql: string) {
  const client = new pg.Client(poolConfig("postgres"));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// 3: adapter-pg's executeScript() splits on ";" and breaks $$-quoted bodies (our audit-log
// trigger function). Send the whole script as one simple query.
function wholeScript<T extends { executeScript(s: string): Promise<void> }>(adapter: T): T {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const pool = (adapter as any).underlyingDriver() as pg.Pool;
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

// 2: adapter-pg's own connectToShadowDb() drops the shadow database while its pool is still
// connected. Manage the shadow database ourselves.
function withShadowDb(factory: PrismaPg) {
  return {
    provider: "postgres" as const,
    adapterName: factory.adapterName,
    connect: async () => wholeScript(await factory.connect()),
    async connectToShadowDb() {
      const name = `prisma_shadow_${process.pid}_${Date.now()}`;
      await admin(`CREATE DATABASE "${name}"`);
      const adapter = wholeScript(
        await new PrismaPg(new CatalogAsTextPool(poolConfig(name)), { disposeExternalPool: true }).connect(),
      );
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

// 4 (lingering CLI): scripts/unref-wasm-timers.cjs is preloaded by scripts/db.ts.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "pg/schema.prisma",
  migrations: { path: "pg/migrations" },
  async adapter() {
    return withShadowDb(new PrismaPg(new CatalogAsTextPool(poolConfig())));
  },
});
