// npm run bench [-- --profiles small,large --seconds 10 --no-build] [-- --data URL]
// One run measures, per data profile, the framework floor (GET /api/ping) and the app's
// heavy routes with autocannon on a production server on 127.0.0.1: My interviews of an
// interviewer with hundreds of interviews, a candidate summary, the candidate list of an opening
// with 1,000 candidates, the comparison of an opening with 200, the scorecard page, and autosave
// writes from 50 concurrent writers. Prints req/s, p50, p99 and each route's throughput as a
// ratio to the floor, and writes bench/results/<database>-<time>.json. SQLite by default;
// DATABASE_URL=postgresql://… names a server on which a fresh database per profile is made.
// --data URL measures a database already filled by data:synthetic (one profile, kept afterwards).
import { requireDatabase } from "../cli";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { DEBOUNCE_MS } from "../../components/scorecard/autosave-engine";
import { arg, buildUnlessAsked, freshDatabase, query, signIn, startInstance, stopInstance, type Target } from "../reliability/harness";

const root = path.resolve(import.meta.dirname, "../..");
const profiles = arg("profiles", arg("data", "") ? "large" : "small,large").split(",");
const seconds = Number(arg("seconds", "10"));
const pgServer = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
const existing = arg("data", "");

// a stopped server is said before a build of several minutes, not after
if (pgServer) await requireDatabase(pgServer, { migrated: false });
buildUnlessAsked();

type Row = { route: string; rps: number; p50: number; p99: number; ratio: number; pageRatio: number | null; errors: number; non2xx: number };
const results: Record<string, Row[]> = {};

for (const profile of profiles) {
  const target: Target = existing ? { url: existing, kind: existing.startsWith("postgres") ? "postgres" : "sqlite", drop: async () => undefined } : await freshDatabase(pgServer);
  if (existing) console.log(`\n== profile ${profile} on ${target.kind}: the data already there`);
  else {
    console.log(`\n== profile ${profile} on ${target.kind}: generating data…`);
    const gen = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/data/synthetic.ts", "--profile", profile], { cwd: root, env: { ...process.env, DATABASE_URL: target.url }, stdio: ["ignore", "inherit", "ignore"] });
    if (gen.status !== 0) throw new Error("synthetic data failed");
  }

  const [big] = await query<{ id: string; hm: string }>(target.url, `SELECT o."id", u."email" AS hm FROM "Opening" o JOIN "User" u ON u."id" = o."hiringManagerId" WHERE o."title" LIKE 'Bench: 1,000%'`);
  const [cmp] = await query<{ id: string }>(target.url, `SELECT "id" FROM "Opening" WHERE "title" LIKE 'Bench: 200%'`);
  const [recruiter] = await query<{ email: string }>(target.url, `SELECT u."email" FROM "User" u JOIN "UserRole" r ON r."userId" = u."id" WHERE r."role" = 'recruiter' LIMIT 1`);
  const [cand] = await query<{ id: string }>(target.url, `SELECT c."id" FROM "Candidate" c JOIN "Scorecard" s ON s."candidateId" = c."id" WHERE c."openingId" = '${big.id}' AND s."status" = 'submitted' GROUP BY c."id" ORDER BY COUNT(*) DESC LIMIT 1`);
  const busyEmail = "busy.interviewer@synthetic.test";
  const open = await query<{ id: string }>(
    target.url,
    `SELECT i."id" FROM "Interview" i JOIN "User" u ON u."id" = i."interviewerId" LEFT JOIN "Scorecard" s ON s."interviewId" = i."id" WHERE u."email" = '${busyEmail}' AND s."id" IS NULL AND i."status" = 'scheduled' LIMIT 60`,
  );
  if (open.length < 51) throw new Error(`the busy interviewer has only ${open.length} interviews without a scorecard`);

  const app = await startInstance(target.url, 3600 + (process.pid % 300));
  try {
    const cookieRecruiter = await signIn(app.base, recruiter.email);
    const cookieBusy = await signIn(app.base, busyEmail);
    const page = (p: string, cookie: string) => ({ path: p, headers: { cookie } });
    const routes: { name: string; spec: { path: string; headers?: Record<string, string> }; connections?: number; write?: boolean }[] = [
      { name: "floor: GET /api/ping", spec: { path: "/api/ping" } },
      // for reference: what rendering any signed-in page costs (session, layout, a five-row list)
      { name: "page floor: role templates", spec: page("/roles", cookieRecruiter) },
      { name: "My interviews (busy interviewer)", spec: page("/interviews", cookieBusy) },
      { name: "candidate summary", spec: page(`/candidates/${cand.id}`, cookieRecruiter) },
      { name: "candidate list, 1,000 candidates", spec: page(`/openings/${big.id}`, cookieRecruiter) },
      { name: "comparison, 200 candidates", spec: page(`/openings/${cmp.id}/compare`, cookieRecruiter) },
      // latency as one hiring manager sees it, not queued behind nine others
      { name: "comparison, one user at a time", spec: page(`/openings/${cmp.id}/compare`, cookieRecruiter), connections: 1 },
      { name: "scorecard page", spec: page(`/interviews/${open[50].id}`, cookieBusy) },
      { name: "autosave capacity (50 flat out)", spec: { path: "/" }, connections: 50, write: true },
    ];
    const rows: Row[] = [];
    let floor = 0;
    let pageFloor = 0;
    // 50 people typing without pause: the browser's autosave (components/scorecard/autosave-engine.ts)
    // sends a change DEBOUNCE_MS after the last keystroke, so one writer sends at most one save per
    // debounce plus round trip. This is the latency a writer sees; the flat-out row is the ceiling.
    const typedVersions = new Map<string, number>();
    const typingRow = async () => {
      const typing = await typingWriters(typedVersions, app.base, cookieBusy, open.slice(0, 50).map((o) => o.id), seconds);
      const row = { route: "autosave (50 writers typing)", rps: Math.round(typing.rps), p50: typing.p50, p99: typing.p99, ratio: Math.round((typing.rps / floor) * 1000) / 1000, pageRatio: null, errors: typing.errors, non2xx: typing.non2xx };
      rows.push(row);
      console.log(`${row.route.padEnd(36)} ${String(row.rps).padStart(7)} req/s  p50 ${String(row.p50).padStart(5)} ms  p99 ${String(row.p99).padStart(5)} ms${typing.non2xx || typing.errors ? `  (${typing.non2xx} non-2xx, ${typing.errors} errors)` : ""}`);
    };
    for (const r of routes) {
      if (r.write) await typingRow();
      let result;
      if (r.write) {
        // autocannon does not keep a per-connection context between requests: each request takes
        // an interview nobody is writing to, and the versions the server acknowledged are kept here
        const free = open.map((o) => o.id);
        const versions = new Map<string, number>(free.map((id) => [id, typedVersions.get(id) ?? 0]));
        let n = 0;
        result = await autocannon({
          url: app.base,
          connections: 50,
          duration: seconds,
          requests: [
            {
              method: "PUT",
              headers: { cookie: cookieBusy, "content-type": "application/json" },
              setupRequest: (req, ctx) => {
                const id = free.shift()!;
                ctx.interview = id;
                n++;
                return { ...req, path: `/api/interviews/${id}/scorecard`, body: JSON.stringify({ baseVersion: versions.get(id), values: { ratings: {}, redFlags: {}, keyTakeaways: `autosave ${n}`, recommendation: "" } }) };
              },
              onResponse: (status, body, ctx) => {
                const id = ctx.interview as string;
                const parsed = JSON.parse(body) as { version?: number; error?: { current?: { version: number } } };
                const v = status === 200 ? parsed.version : parsed.error?.current?.version;
                if (v !== undefined) versions.set(id, v);
                free.push(id);
              },
            },
          ],
        });
      } else {
        result = await autocannon({ url: `${app.base}${r.spec.path}`, connections: r.connections ?? 10, duration: seconds, headers: r.spec.headers });
      }
      const rps = result.requests.average;
      if (!floor) floor = rps;
      else if (!pageFloor) pageFloor = rps;
      const pageRatio = pageFloor ? Math.round((rps / pageFloor) * 1000) / 1000 : null;
      const row = { route: r.name, rps: Math.round(rps), p50: result.latency.p50, p99: result.latency.p99, ratio: Math.round((rps / floor) * 1000) / 1000, pageRatio, errors: result.errors + result.timeouts, non2xx: result.non2xx };
      rows.push(row);
      console.log(`${row.route.padEnd(36)} ${String(row.rps).padStart(7)} req/s  p50 ${String(row.p50).padStart(5)} ms  p99 ${String(row.p99).padStart(5)} ms  ${(row.ratio * 100).toFixed(1).padStart(6)}% of floor${pageRatio === null ? "" : `  ${(pageRatio * 100).toFixed(0).padStart(4)}% of page floor`}${row.non2xx || row.errors ? `  (${row.non2xx} non-2xx, ${row.errors} errors)` : ""}`);
    }
    results[profile] = rows;
  } finally {
    await stopInstance(app);
    await target.drop();
  }
}

/** Each writer: save, wait for the answer, wait the debounce, save again; p50/p99 over every save. */
async function typingWriters(versions: Map<string, number>, base: string, cookie: string, interviewIds: string[], durationSeconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const end = performance.now() + durationSeconds * 1000;
  await Promise.all(
    interviewIds.map(async (id, w) => {
      let version = 0;
      const save = async (text: string) => {
        const res = await fetch(`${base}/api/interviews/${id}/scorecard`, {
          method: "PUT",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ baseVersion: version, values: { ratings: {}, redFlags: {}, keyTakeaways: text, recommendation: "" } }),
        });
        const body = (await res.json()) as { version?: number; error?: { current?: { version: number } } };
        const v = res.ok ? body.version : body.error?.current?.version;
        if (v !== undefined) versions.set(id, (version = v));
        return res.ok;
      };
      await save(`typing ${w}`).catch(() => false); // as the page does on load: learn the draft's version
      // writers start spread over one debounce, as people do not type in step
      await new Promise((r) => setTimeout(r, (w * DEBOUNCE_MS) / interviewIds.length));
      for (let n = 0; performance.now() < end; n++) {
        const t0 = performance.now();
        try {
          if (!(await save(`typing ${w}/${n}`))) non2xx++;
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
  return { rps: latencies.length / durationSeconds, p50: at(0.5), p99: at(0.99), errors, non2xx };
}

if (results.small && results.large) {
  console.log("\nsmall → large: throughput ratio per route (1.0 = no slower)");
  for (const r of results.large) {
    const s = results.small.find((x) => x.route === r.route)!;
    console.log(`${r.route.padEnd(36)} ${(s.rps / r.rps).toFixed(2)}× slower`);
  }
}
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
const database = pgServer || existing.startsWith("postgres") ? "postgres" : "sqlite";
const file = path.join(root, "bench", "results", `${database}-${new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19)}.json`);
writeFileSync(file, JSON.stringify({ database, seconds, results }, null, 2) + "\n");
console.log(`\nwritten ${path.relative(root, file)}`);
process.exit(0);
