// Benchmark: the candidate summary route against a trivial route of the same server (README
// "Benchmarks"; docs/decisions/004-scoring.md, "Bounded queries").
//
//   npm run build && npm run bench:summary [-- --duration 3 --rounds 3 --concurrency 8 --scorecards 40]
//
// Builds a throwaway SQLite database under bench/tmp/ (migrated, demo data, plus one "big"
// candidate with --scorecards submitted scorecards rating every dimension with evidence), starts
// `next start` on 127.0.0.1 from the existing production build, signs in as the demo recruiter
// and measures requests per second for GET /api/ping (no database, no session) and for
// GET /api/candidates/{id}/summary for the demo candidate with the most scorecards and for the
// big one. Rounds are interleaved (ping, demo, big, ping, …) so that the machine's noise hits
// every route alike; the figures to read are the ratios summary ÷ ping within this one run, not
// the absolute numbers. It also counts the SQL statements one summary takes, for the demo
// candidate and the big one: the same count means the summary does not query per scorecard.
// Nothing passes or fails on time. The server is stopped (by PID) and the database deleted.
import "../cli"; // first: a failure is one line (scripts/cli.ts)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    duration: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "8" },
    scorecards: { type: "string", default: "40" },
  },
});
const DURATION_MS = Number(opts.duration) * 1000;
const ROUNDS = Number(opts.rounds);
const CONCURRENCY = Number(opts.concurrency);
const BIG = Number(opts.scorecards);

const root = process.cwd();
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const dir = path.join(root, "bench", "tmp", `summary-${process.pid}`);
mkdirSync(dir, { recursive: true });
const dbFile = path.join(dir, "bench.db");
const DATABASE_URL = `file:${dbFile}`;
let server: ChildProcess | null = null;

function cleanup() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));

function run(args: string[]) {
  const r = spawnSync("npx", args, { env: { ...process.env, DATABASE_URL }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function main() {
  console.log("preparing a throwaway SQLite database with the demo data…");
  run(["tsx", "scripts/db.ts", "migrate"]);
  run(["tsx", "--conditions=react-server", "seed/seed.ts", "--demo"]);

  // lib/env reads DATABASE_URL when first imported
  process.env.DATABASE_URL = DATABASE_URL;
  const { createDb } = await import("../../lib/db");
  const { env } = await import("../../lib/env");
  const { createCandidate, createInterview, createScorecard, createUser } = await import("../../seed/factories");
  const { getCandidateSummary } = await import("../../lib/data/candidate-summary");
  const { DEMO_PASSWORD } = await import("../../seed/demo-password");
  const statements: string[] = [];
  const db = createDb(env.database, { onQuery: (q) => statements.push(q) });

  const recruiter = await db.user.findUniqueOrThrow({ where: { email: "recruiter@demo.test" }, select: { id: true } });
  const demo = (await db.candidate.findMany({ select: { id: true, name: true, openingId: true, _count: { select: { scorecards: { where: { status: "submitted" } } } } } })).sort(
    (a, b) => b._count.scorecards - a._count.scorecards,
  )[0];
  const opening = await db.opening.findUniqueOrThrow({ where: { id: demo.openingId }, select: { templateVersion: { select: { dimensions: { select: { id: true } } } } } });
  const dims = opening.templateVersion.dimensions.map((d) => d.id);
  const big = await createCandidate(db, { openingId: demo.openingId, name: "Benchmark Big Loop", email: "big.loop@bench.test", stage: "debrief" });
  const panel = await Promise.all(Array.from({ length: 8 }, (_, i) => createUser(db, { email: `bench${i}@bench.test`, name: `Bench Interviewer ${i}`, roles: ["interviewer"] })));
  for (let i = 0; i < BIG; i++) {
    const interview = await createInterview(db, { candidateId: big.id, interviewerId: panel[i % panel.length].id, scheduledAt: new Date(Date.now() - (i + 2) * 3_600_000), focusDimensionIds: dims.slice(0, 3) });
    await createScorecard(db, {
      interview,
      ratings: dims.map((dimensionId, k) => ({ dimensionId, rating: k === 0 && i % 5 === 0 ? null : 1 + ((i + k) % 5), evidence: `Evidence ${i}/${k}: `.padEnd(400, "lorem ipsum ") })),
      keyTakeaways: "Benchmark take-aways. ".repeat(20),
      recommendation: "yes",
    });
  }
  const viewer = { id: recruiter.id, roles: ["recruiter" as const] };
  const queriesFor = async (id: string) => {
    statements.length = 0;
    const s = await getCandidateSummary(viewer, id, new Date(), db);
    return { statements: statements.length, scorecards: s.score.scorecardCount };
  };
  const queries = { demo: await queriesFor(demo.id), big: await queriesFor(big.id) };
  await db.$disconnect();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL, NEXTAUTH_URL: base, NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/ping`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 300) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }

  // sign in through next-auth's credentials endpoint, as the browser does
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookieOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(";")[0]);
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieOf(csrfRes).join("; ") },
    body: new URLSearchParams({ csrfToken, email: "recruiter@demo.test", password: DEMO_PASSWORD, json: "true" }),
  });
  const cookie = [...cookieOf(csrfRes), ...cookieOf(signIn)].join("; ");
  const routes = {
    ping: "/api/ping",
    "summary (demo)": `/api/candidates/${demo.id}/summary`,
    "summary (big)": `/api/candidates/${big.id}/summary`,
  } as const;
  for (const url of Object.values(routes)) {
    const r = await fetch(base + url, { headers: { Cookie: cookie } });
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}: sign-in did not work`);
  }

  async function measure(url: string, ms: number) {
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          const r = await fetch(base + url, { headers: { Cookie: cookie } });
          await r.arrayBuffer();
          if (r.status !== 200) errors++;
          latencies.push(performance.now() - t);
        }
      }),
    );
    return { rps: latencies.length / (ms / 1000), latencies, errors };
  }

  console.log(`warming up; then ${ROUNDS} interleaved rounds of ${DURATION_MS / 1000}s per route at concurrency ${CONCURRENCY}…`);
  for (const url of Object.values(routes)) await measure(url, 1000);
  const results: Record<string, { rps: number[]; latencies: number[]; errors: number }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, url] of Object.entries(routes)) {
      const m = await measure(url, DURATION_MS);
      const r = (results[name] ??= { rps: [], latencies: [], errors: 0 });
      r.rps.push(m.rps);
      r.latencies.push(...m.latencies);
      r.errors += m.errors;
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
  const pingRps = median(results.ping.rps);
  const rows = Object.entries(results).map(([name, r]) => ({
    route: name,
    rps: Math.round(median(r.rps)),
    p50ms: Number(pct(r.latencies, 50).toFixed(1)),
    p95ms: Number(pct(r.latencies, 95).toFixed(1)),
    ratioToPing: Number((median(r.rps) / pingRps).toFixed(3)),
    errors: r.errors,
  }));
  console.log("");
  console.log("route             req/s   p50 ms   p95 ms   ÷ ping   errors");
  for (const r of rows) console.log(`${r.route.padEnd(16)} ${String(r.rps).padStart(6)} ${String(r.p50ms).padStart(8)} ${String(r.p95ms).padStart(8)} ${r.ratioToPing.toFixed(3).padStart(8)} ${String(r.errors).padStart(8)}`);
  console.log("");
  console.log(`SQL statements per summary: ${queries.demo.statements} for the demo candidate (${queries.demo.scorecards} scorecards), ${queries.big.statements} for the big one (${queries.big.scorecards} scorecards)`);
  console.log(JSON.stringify({ benchmark: "summary", concurrency: CONCURRENCY, durationSeconds: DURATION_MS / 1000, rounds: ROUNDS, routes: rows, sqlStatementsPerSummary: queries }));
  if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => process.exit());
