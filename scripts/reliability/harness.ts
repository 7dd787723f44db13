// Shared by the load, crash, benchmark and audit scripts (issues 8, 9): a fresh database (SQLite file or a new
// PostgreSQL database), seeded with one opening and N interviewers, each with an interview and an
// API token; production app instances started on 127.0.0.1 and stopped by PID.
import { requireDatabase } from "../cli";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { DEMO_PASSWORD } from "../../seed/demo-password";

const root = path.resolve(import.meta.dirname, "../..");

export type Target = { url: string; kind: "sqlite" | "postgres"; drop: () => Promise<void> };

/** A fresh, migrated database: SQLite in a temp dir, or a new database on the PostgreSQL server. */
export async function freshDatabase(pgServer?: string): Promise<Target> {
  let target: Target;
  if (pgServer) {
    await requireDatabase(pgServer, { migrated: false }); // a stopped server: one line, not a stack
    const name = `reliability_${process.pid}_${randomBytes(3).toString("hex")}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: pgServer });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(pgServer);
    u.pathname = `/${name}`;
    target = { url: u.toString(), kind: "postgres", drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "scorecards-reliability-"));
    target = {
      url: `file:${path.join(dir, "app.db")}`,
      kind: "sqlite",
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/db.ts", "migrate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: target.url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return target;
}

/** Seeds through the app's own data layer (run with DATABASE_URL set to the target). */
export async function seed(n: number) {
  const { db } = await import("../../lib/db");
  const { saveRoleTemplates } = await import("../../lib/data/role-template-save");
  const { createApiToken } = await import("../../lib/data/api-tokens");
  const { loadBlueprintRoles } = await import("../../seed/roles");
  const f = await import("../../seed/factories");
  await saveRoleTemplates(
    loadBlueprintRoles().filter((r) => r.slug === "lead-ai-platform-engineer"),
    { actorId: null },
  );
  const version = await db.roleTemplateVersion.findFirstOrThrow({
    select: { id: true, exercises: { select: { id: true, dimensions: { select: { dimensionId: true } } } } },
  });
  const admin = await f.createUser(db, { email: "admin@load.test", name: "Load Admin", roles: ["admin"] });
  const manager = await f.createUser(db, {
    email: "manager@load.test",
    name: "Load Manager",
    roles: ["hiring-manager"],
  });
  const recruiter = await f.createUser(db, {
    email: "recruiter@load.test",
    name: "Load Recruiter",
    roles: ["recruiter"],
  });
  const opening = await f.createOpening(db, {
    title: "Load opening",
    templateVersionId: version.id,
    hiringManagerId: manager.id,
    recruiterId: recruiter.id,
  });
  const viewer = { id: admin.id, roles: ["admin"] as const };
  const people: { userId: string; token: string; interviewId: string; candidateId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const u = await f.createUser(db, {
      email: `interviewer${i}@load.test`,
      name: `Interviewer ${i}`,
      roles: ["interviewer"],
    });
    const c = await f.createCandidate(db, {
      openingId: opening.id,
      name: `Candidate ${i}`,
      email: `candidate${i}@load.test`,
      stage: "interviewing",
    });
    const ex = version.exercises[i % version.exercises.length];
    const iv = await f.createInterview(db, {
      candidateId: c.id,
      interviewerId: u.id,
      exerciseId: ex.id,
      scheduledAt: new Date(Date.now() - 3_600_000),
      focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
    });
    people.push({
      userId: u.id,
      token: (await createApiToken(viewer, { userId: u.id, name: "load" })).token,
      interviewId: iv.id,
      candidateId: c.id,
    });
  }
  const managerToken = (await createApiToken(viewer, { userId: manager.id, name: "load manager" })).token;
  await db.$disconnect();
  return { people, managerToken, openingId: opening.id };
}

export type Instance = { port: number; proc: ChildProcess; base: string };

/** `next start` of the production build on 127.0.0.1:port, once it answers; nodeFlags go to its Node (e.g. --cpu-prof). */
export async function startInstance(databaseUrl: string, port: number, nodeFlags: string[] = []): Promise<Instance> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error("no production build: run `npx next build` first");
  const proc = spawn(
    process.execPath,
    [...nodeFlags, path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: "reliability-test-secret-0123456789",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        WEBHOOK_POLL_SECONDS: "0",
        API_RATE_LIMIT_PER_MINUTE: "100000",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  proc.stderr?.on("data", (d) => process.env.RELIABILITY_VERBOSE && process.stderr.write(d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`app instance on ${port} exited (${proc.exitCode})`);
    const ok = await fetch(`${base}/api/ping`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { port, proc, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill("SIGKILL");
  throw new Error(`app instance on ${port} did not start`);
}

export async function stopInstance(i: Instance, signal: NodeJS.Signals = "SIGTERM") {
  if (i.proc.exitCode !== null || i.proc.signalCode !== null) return;
  const done = new Promise((r) => i.proc.once("exit", r));
  i.proc.kill(signal);
  await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
  if (i.proc.exitCode === null && i.proc.signalCode === null) i.proc.kill("SIGKILL");
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** JSON request with a token; never throws: network errors come back as status 0. */
export async function call(
  base: string,
  method: string,
  p: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  try {
    const res = await fetch(`${base}/api/v1${p}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return {
      status: res.status,
      body: json as Record<string, unknown> & {
        version?: number;
        error?: { code: string; current?: { version?: number } };
      },
    };
  } catch {
    return {
      status: 0,
      body: {} as Record<string, unknown> & {
        version?: number;
        error?: { code: string; current?: { version?: number } };
      },
    };
  }
}

/** Builds the app (next build) unless `--no-build` is given and a build exists. */
export function buildUnlessAsked() {
  if (process.argv.includes("--no-build") && existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("building (next build)…");
  const b = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (b.status !== 0) process.exit(1);
}

/** Runs a query on the benchmark database with the raw driver. */
export async function query<T>(url: string, sql: string): Promise<T[]> {
  if (url.startsWith("file:")) {
    const d = new Database(url.slice(5), { readonly: true });
    try {
      return d.prepare(sql).all() as T[];
    } finally {
      d.close();
    }
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Signs in through the credentials form as a real browser would: the session cookie, or null. */
export async function trySignIn(base: string, email: string, password = DEMO_PASSWORD): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return (
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.includes("session-token")) ?? null
  );
}

/**
 * The session cookie of a demo-password user; throws when sign-in fails. Just after it first
 * answers, `next start` may still reset a connection (seen as ECONNRESET on the sign-in POST, on
 * large databases): a network error is tried again, up to five times a second apart; a refused
 * sign-in is not.
 */
export async function signIn(base: string, email: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    let session: string | null;
    try {
      session = await trySignIn(base, email);
    } catch (e) {
      if (attempt >= 5) throw e;
      await sleep(1000);
      continue;
    }
    if (!session) throw new Error(`could not sign in as ${email}`);
    return session;
  }
}
