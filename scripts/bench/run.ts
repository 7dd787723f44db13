// npm run bench [-- --profiles small,large --seconds 10 --no-build] [-- --data URL]
//   [--routes ping,signin,…] [--curves list,comparison,summary,interviews|none] [--curve-points full|tiny|none]
//   [--smoke] [--out DIR]
// One run measures, per data profile, with autocannon on a production server on 127.0.0.1: the
// framework floor (GET /api/ping) and the framework's page floor (the signed-out sign-in page), the
// signed-in page floor (/roles), My interviews of an interviewer with hundreds of interviews, a
// candidate summary, the candidate list of an opening with 1,000 candidates, the comparison of an
// opening with 200, the scorecard page, and autosave writes from 50 concurrent writers; then the
// curves (docs/decisions/064-benchmark-curves-and-report.md): the list and the comparison by the
// opening's candidates, the summary by the candidate's scorecards, My interviews by the
// interviewer's interviews, one fixture per point. Prints req/s, p50, p99, each route's ratio to
// the floors, the curves, the small → large slowdown and the targets met or missed, and writes
// bench/results/<database>-<time>.json and .html beside it. SQLite by default;
// DATABASE_URL=postgresql://… names a server on which a fresh database per profile is made.
// --data URL measures a database already filled by data:synthetic (one profile, kept afterwards).
// --smoke: the smoke profile (every fixture, small) for 1 s a measurement, as the test suite runs it.
import { requireDatabase } from "../cli";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { DEBOUNCE_MS } from "../../components/scorecard/autosave-engine";
import { arg, buildUnlessAsked, freshDatabase, query, signIn, startInstance, stopInstance, type Target } from "../reliability/harness";
import { CURVES, ROUTE_KEYS, curveLines, evaluateTargets, renderHtml, rowLine, targetLines, type BenchResult, type Curve, type CurveKey, type Point, type ProfileResult, type Row } from "./report";

const root = path.resolve(import.meta.dirname, "../..");
// req/s to a tenth: a page slower than a second a request still has a throughput to compare
// (rounded to whole requests it read 0, and its curve point "not measured")
const tenths = (n: number) => Math.round(n * 10) / 10;
const smoke = process.argv.includes("--smoke");
const existing = arg("data", "");
const profiles = arg("profiles", smoke ? "smoke" : existing ? "large" : "small,large").split(",");
const seconds = Number(arg("seconds", smoke ? "1" : "10"));
const pgServer = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
const ROUTES: string[] = [...ROUTE_KEYS];
const CURVE_KEYS = Object.keys(CURVES) as CurveKey[];
const list = (name: string, all: string[]) => {
  const given = arg(name, "all");
  const chosen = given === "all" ? all : given === "none" ? [] : given.split(",");
  const unknown = chosen.filter((x) => !all.includes(x));
  if (unknown.length) {
    console.error(`--${name}: unknown ${unknown.join(", ")} (choose from ${all.join(", ")}, all or none)`);
    process.exit(1);
  }
  return new Set(chosen);
};
const routesWanted = list("routes", ROUTES);
const curvesWanted = list("curves", CURVE_KEYS) as Set<CurveKey>;
const curvePoints = arg("curve-points", "");
const outDir = path.resolve(arg("out", path.join(root, "bench", "results")));

// a stopped server is said before a build of several minutes, not after
if (pgServer) await requireDatabase(pgServer, { migrated: false });
buildUnlessAsked();

const startedAt = new Date().toISOString();
const results: Record<string, ProfileResult> = {};
const n = (v: unknown) => Number(v); // PostgreSQL's COUNT is a bigint, as a string

type Spec = { path: string; headers?: Record<string, string> };
type Measured = Omit<Point, "size">;

for (const profile of profiles) {
  const target: Target = existing ? { url: existing, kind: existing.startsWith("postgres") ? "postgres" : "sqlite", drop: async () => undefined } : await freshDatabase(pgServer);
  if (existing) console.log(`\n== profile ${profile} on ${target.kind}: the data already there`);
  else {
    console.log(`\n== profile ${profile} on ${target.kind}: generating data…`);
    const gen = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/data/synthetic.ts", "--profile", profile, ...(curvePoints ? ["--curve-points", curvePoints] : [])],
      { cwd: root, env: { ...process.env, DATABASE_URL: target.url }, stdio: ["ignore", "inherit", "ignore"] },
    );
    if (gen.status !== 0) throw new Error("synthetic data failed");
  }
  const sql = <T>(text: string) => query<T>(target.url, text);

  const fixture = async (kind: string) => {
    const [o] = await sql<{ id: string; n: string }>(`SELECT o."id", COUNT(c."id") AS n FROM "Opening" o JOIN "Candidate" c ON c."openingId" = o."id" WHERE o."title" LIKE 'Bench: ${kind} of %' GROUP BY o."id" LIMIT 1`);
    if (!o) throw new Error(`no "Bench: ${kind} of …" opening: fill the database with npm run data:synthetic`);
    return { id: o.id, size: n(o.n) };
  };
  const big = await fixture("list");
  const cmp = await fixture("comparison");
  const [recruiter] = await sql<{ email: string }>(`SELECT u."email" FROM "User" u JOIN "UserRole" r ON r."userId" = u."id" WHERE r."role" = 'recruiter' LIMIT 1`);
  const [cand] = await sql<{ id: string }>(`SELECT c."id" FROM "Candidate" c JOIN "Scorecard" s ON s."candidateId" = c."id" WHERE c."openingId" = '${big.id}' AND s."status" = 'submitted' GROUP BY c."id" ORDER BY COUNT(*) DESC LIMIT 1`);
  const busyEmail = "busy.interviewer@synthetic.test";
  const open = await sql<{ id: string }>(`SELECT i."id" FROM "Interview" i JOIN "User" u ON u."id" = i."interviewerId" LEFT JOIN "Scorecard" s ON s."interviewId" = i."id" WHERE u."email" = '${busyEmail}' AND s."id" IS NULL AND i."status" = 'scheduled' LIMIT 60`);
  if (open.length < 51) throw new Error(`the busy interviewer has only ${open.length} interviews without a scorecard`);
  // the curves' fixtures, one per point, found by their names (scripts/data/synthetic.ts); a size
  // made twice (a database filled twice) is measured once
  const bySize = <T extends { n: string }>(rows: T[]) => [...new Map(rows.map((r) => [n(r.n), r])).entries()].sort((a, b) => a[0] - b[0]);
  const curveOpenings = bySize(await sql<{ id: string; n: string }>(`SELECT o."id", COUNT(c."id") AS n FROM "Opening" o JOIN "Candidate" c ON c."openingId" = o."id" WHERE o."title" LIKE 'Bench curve: % candidates (%' GROUP BY o."id"`));
  const curveCandidates = bySize(await sql<{ id: string; n: string }>(`SELECT c."id", COUNT(s."id") AS n FROM "Candidate" c JOIN "Scorecard" s ON s."candidateId" = c."id" AND s."status" = 'submitted' WHERE c."name" LIKE 'Bench curve: % scorecards (%' GROUP BY c."id"`));
  const curveInterviewers = bySize(await sql<{ email: string; n: string }>(`SELECT u."email", COUNT(i."id") AS n FROM "User" u JOIN "Interview" i ON i."interviewerId" = u."id" WHERE u."email" LIKE 'curve.%.interviews.%' GROUP BY u."id", u."email"`));

  const app = await startInstance(target.url, 3600 + (process.pid % 300));
  try {
    const cookieRecruiter = await signIn(app.base, recruiter.email);
    const cookieBusy = await signIn(app.base, busyEmail);
    const page = (p: string, cookie: string): Spec => ({ path: p, headers: { cookie } });

    /** One read measured: a first request to see it answers (and to warm it), then autocannon. */
    const measure = async (spec: Spec, connections = 10): Promise<Measured> => {
      const first = await fetch(`${app.base}${spec.path}`, { headers: spec.headers, redirect: "manual" });
      await first.arrayBuffer();
      if (!first.ok) console.log(`  ${spec.path} answered ${first.status}`); // and is measured all the same: the row says non-2xx
      const result = await autocannon({ url: `${app.base}${spec.path}`, connections, duration: seconds, headers: spec.headers });
      return { rps: tenths(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, status: first.status };
    };

    const routes: { key: string; name: string; size?: number; run: () => Promise<Measured> }[] = [
      { key: "ping", name: "floor: GET /api/ping", run: () => measure({ path: "/api/ping" }) },
      // what the framework costs to render any page: no session, no query
      { key: "signin", name: "page floor: sign-in page (signed out)", run: () => measure({ path: "/sign-in" }) },
      // what rendering any signed-in page costs (session, layout, a five-row list)
      { key: "page", name: "signed-in page floor: role templates", run: () => measure(page("/roles", cookieRecruiter)) },
      { key: "interviews", name: "My interviews (busy interviewer)", run: () => measure(page("/interviews", cookieBusy)) },
      { key: "summary", name: "candidate summary", run: () => measure(page(`/candidates/${cand.id}`, cookieRecruiter)) },
      { key: "list", name: `candidate list, ${big.size.toLocaleString("en")} candidates`, size: big.size, run: () => measure(page(`/openings/${big.id}`, cookieRecruiter)) },
      { key: "compare", name: `comparison, ${cmp.size.toLocaleString("en")} candidates`, size: cmp.size, run: () => measure(page(`/openings/${cmp.id}/compare`, cookieRecruiter)) },
      // latency as one hiring manager sees it, not queued behind nine others
      { key: "compare-1", name: "comparison, one user at a time", size: cmp.size, run: () => measure(page(`/openings/${cmp.id}/compare`, cookieRecruiter), 1) },
      { key: "scorecard", name: "scorecard page", run: () => measure(page(`/interviews/${open[50].id}`, cookieBusy)) },
      // 50 people typing without pause: the latency a writer sees; the flat-out row is the ceiling
      { key: "typing", name: "autosave (50 writers typing)", run: () => typingWriters(typedVersions, app.base, cookieBusy, open.slice(0, 50).map((o) => o.id), seconds) },
      { key: "autosave", name: "autosave capacity (50 flat out)", run: () => flatOut(typedVersions, app.base, cookieBusy, open.map((o) => o.id), seconds) },
    ];
    const typedVersions = new Map<string, number>();
    const rows: Row[] = [];
    for (const r of routes.filter((x) => routesWanted.has(x.key))) {
      const m = await r.run();
      const floor = rows.find((x) => x.key === "ping")?.rps;
      const pageFloor = rows.find((x) => x.key === "page")?.rps;
      const ratio = (of?: number) => (of && r.key !== "typing" ? Math.round((m.rps / of) * 1000) / 1000 : null);
      const row: Row = { key: r.key, route: r.name, ...(r.size ? { size: r.size } : {}), ...m, ratio: ratio(floor), pageRatio: r.key === "page" ? null : ratio(pageFloor) };
      rows.push(row);
      console.log(rowLine(row));
    }

    const curves: Curve[] = [];
    const curveOf = async (key: CurveKey, points: [number, Spec][]) => {
      if (!curvesWanted.has(key) || !points.length) return;
      const curve: Curve = { key, ...CURVES[key], points: [] };
      for (const [size, spec] of points) curve.points.push({ size, ...(await measure(spec)) });
      curves.push(curve);
      console.log(curveLines(curve).join("\n"));
    };
    if (curveOpenings.length || curveCandidates.length || curveInterviewers.length) console.log("\ncurves");
    await curveOf("list", curveOpenings.map(([size, o]) => [size, page(`/openings/${o.id}`, cookieRecruiter)]));
    await curveOf("comparison", curveOpenings.map(([size, o]) => [size, page(`/openings/${o.id}/compare`, cookieRecruiter)]));
    await curveOf("summary", curveCandidates.map(([size, c]) => [size, page(`/candidates/${c.id}`, cookieRecruiter)]));
    const interviewerCookies = await Promise.all(curveInterviewers.map(([, u]) => signIn(app.base, u.email)));
    await curveOf("interviews", curveInterviewers.map(([size], i) => [size, page("/interviews", interviewerCookies[i])]));
    results[profile] = { rows, curves };
  } finally {
    await stopInstance(app);
    await target.drop();
  }
}

type Versions = Map<string, number>;
type Save = { version?: number; error?: { current?: { version: number } } };
function draft(text: string, baseVersion: number | undefined) {
  return JSON.stringify({ baseVersion, values: { ratings: {}, redFlags: {}, keyTakeaways: text, recommendation: "" } });
}

/** 50 people typing without pause: the browser's autosave (components/scorecard/autosave-engine.ts)
 * sends a change DEBOUNCE_MS after the last keystroke, so one writer sends at most one save per
 * debounce plus round trip. Each writer: save, wait for the answer, wait the debounce, save again;
 * p50/p99 over every save. The versions the server acknowledged are kept for the flat-out run. */
async function typingWriters(versions: Versions, base: string, cookie: string, interviewIds: string[], durationSeconds: number): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let status = 0;
  const end = performance.now() + durationSeconds * 1000;
  await Promise.all(
    interviewIds.map(async (id, w) => {
      let version = 0;
      const save = async (text: string) => {
        const res = await fetch(`${base}/api/interviews/${id}/scorecard`, { method: "PUT", headers: { cookie, "content-type": "application/json" }, body: draft(text, version) });
        const body = (await res.json()) as Save;
        const v = res.ok ? body.version : body.error?.current?.version;
        if (v !== undefined) versions.set(id, (version = v));
        status ||= res.status;
        return res.ok;
      };
      await save(`typing ${w}`).catch(() => false); // as the page does on load: learn the draft's version
      // writers start spread over one debounce, as people do not type in step
      await new Promise((r) => setTimeout(r, (w * DEBOUNCE_MS) / interviewIds.length));
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        try {
          if (!(await save(`typing ${w}/${i}`))) non2xx++;
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
        await new Promise((r) => setTimeout(r, DEBOUNCE_MS));
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { rps: tenths(latencies.length / durationSeconds), p50: at(0.5), p99: at(0.99), errors, non2xx, status };
}

/** 50 connections saving as fast as the server answers. autocannon keeps no per-connection context
 * between requests: each request takes an interview nobody is writing to, and the versions the
 * server acknowledged are kept here. */
async function flatOut(typed: Versions, base: string, cookie: string, interviewIds: string[], durationSeconds: number): Promise<Measured> {
  const free = [...interviewIds];
  const versions = new Map<string, number>(free.map((id) => [id, typed.get(id) ?? 0]));
  let count = 0;
  // one save first, as the reads' first request: the status it answers, and the draft's version
  const first = await fetch(`${base}/api/interviews/${free[0]}/scorecard`, {
    method: "PUT",
    headers: { cookie, "content-type": "application/json" },
    body: draft("autosave 0", versions.get(free[0])),
  });
  const saved = (await first.json()) as Save;
  const v = first.ok ? saved.version : saved.error?.current?.version;
  if (v !== undefined) versions.set(free[0], v);
  const result = await autocannon({
    url: base,
    connections: 50,
    duration: durationSeconds,
    requests: [
      {
        method: "PUT",
        headers: { cookie, "content-type": "application/json" },
        setupRequest: (req, ctx) => {
          const id = free.shift()!;
          ctx.interview = id;
          count++;
          return { ...req, path: `/api/interviews/${id}/scorecard`, body: draft(`autosave ${count}`, versions.get(id)) };
        },
        onResponse: (status, body, ctx) => {
          const id = ctx.interview as string;
          const parsed = JSON.parse(body) as Save;
          const v = status === 200 ? parsed.version : parsed.error?.current?.version;
          if (v !== undefined) versions.set(id, v);
          free.push(id);
        },
      },
    ],
  });
  return { rps: tenths(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, status: first.status };
}

if (results.small && results.large) {
  console.log("\nsmall → large: throughput ratio per route (1.0 = no slower)");
  for (const r of results.large.rows) {
    const s = results.small.rows.find((x) => x.key === r.key);
    if (s) console.log(`${r.route.padEnd(40)} ${(s.rps / r.rps).toFixed(2)}× slower`);
  }
}
const targets = evaluateTargets(results);
console.log("\ntargets");
console.log(targetLines(targets).join("\n"));

mkdirSync(outDir, { recursive: true });
const database = pgServer || existing.startsWith("postgres") ? "postgres" : "sqlite";
const base = path.join(outDir, `${database}-${startedAt.replace(/[:.]/g, "-").slice(0, 19)}`);
const report: BenchResult = { database, startedAt, seconds, results, targets };
writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + "\n");
writeFileSync(`${base}.html`, renderHtml(report));
console.log(`\nwritten ${path.relative(process.cwd(), base)}.json and .html`);
process.exit(0);
