// npm run load -- [--pg postgresql://…] [--users 50] [--seconds 180] [--instances 2]
// N simulated interviewers autosave drafts (sometimes from two tabs at once), then
// submit — retried three times at once with one Idempotency-Key — then amend, against app
// instances sharing one database. Afterwards every acknowledged save must be what the database
// holds, no scorecard may be submitted twice, and no older draft may have overwritten a newer
// one. Prints the figures and exits non-zero on any violation. Needs a production build.
import { randomUUID } from "node:crypto";
import { arg, call, freshDatabase, seed, sleep, startInstance, stopInstance, type Instance } from "./harness";

const users = Number(arg("users", "50"));
const seconds = Number(arg("seconds", "180"));
const instancesWanted = Number(arg("instances", "2"));
const pgServer = process.argv.includes("--pg") ? arg("pg", "") : undefined;

const target = await freshDatabase(pgServer);
process.env.DATABASE_URL = target.url;
const { people } = await seed(users);
const instances: Instance[] = [];
for (let k = 0; k < instancesWanted; k++)
  instances.push(await startInstance(target.url, 3300 + ((process.pid + k * 7) % 600)));
let rr = 0;
const next = () => instances[rr++ % instances.length].base;

const stats = {
  requests: 0,
  acked: 0,
  staleAnswers: 0,
  tabRaces: 0,
  tabRaceBothWon: 0,
  errors5xx: 0,
  network: 0,
  submissions: 0,
  repeatedSubmissions: 0,
  amendments: 0,
};
type Ack = { version: number; marker: string };
const last = new Map<string, Ack>(); // interview -> last acknowledged write
const violations: string[] = [];
const deadline = Date.now() + seconds * 1000;
const submitAt = Date.now() + seconds * 700;

function draft(marker: string) {
  return { ratings: {}, redFlags: {}, keyTakeaways: marker, recommendation: "" };
}

async function interviewer(p: (typeof people)[number], i: number) {
  const first = await call(next(), "GET", `/interviews/${p.interviewId}/scorecard`, p.token);
  let version = first.body.version as number;
  const kit = first.body.kit as { dimensions: { id: string; focus: boolean }[] };
  let n = 0;
  const record = (
    res: { status: number; body: { version?: number; error?: { code: string; current?: { version?: number } } } },
    marker: string,
  ) => {
    stats.requests++;
    if (res.status === 200) {
      stats.acked++;
      version = res.body.version!;
      last.set(p.interviewId, { version, marker });
      return "ok";
    }
    if (res.status === 409 && res.body.error?.code === "stale") {
      stats.staleAnswers++;
      version = res.body.error.current?.version ?? version;
      return "stale";
    }
    if (res.status >= 500) stats.errors5xx++;
    else if (res.status === 0) stats.network++;
    else violations.push(`interviewer ${i}: unexpected ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return "error";
  };
  while (Date.now() < submitAt) {
    n++;
    if (Math.random() < 0.15) {
      // two tabs save at once from the same version: exactly one may win
      stats.tabRaces++;
      const base = version;
      const [a, b] = await Promise.all(
        ["A", "B"].map((tab) =>
          call(next(), "PUT", `/interviews/${p.interviewId}/scorecard`, p.token, {
            baseVersion: base,
            values: draft(`i${i} save ${n} tab ${tab}`),
          }).then((r) => ({ r, tab })),
        ),
      );
      const wins = [a, b].filter((x) => x.r.status === 200);
      if (wins.length > 1) stats.tabRaceBothWon++;
      for (const x of [a, b].sort((x, y) => (x.r.body.version ?? 0) - (y.r.body.version ?? 0)))
        record(x.r, `i${i} save ${n} tab ${x.tab}`);
    } else {
      const marker = `i${i} save ${n}`;
      record(
        await call(next(), "PUT", `/interviews/${p.interviewId}/scorecard`, p.token, {
          baseVersion: version,
          values: draft(marker),
        }),
        marker,
      );
    }
    await sleep(20 + Math.random() * 80);
  }
  // submit: the same request three times at once (a client retrying on a flaky network)
  const complete = {
    ratings: Object.fromEntries(
      kit.dimensions
        .filter((d) => d.focus)
        .map((d) => [d.id, { score: String(1 + (i % 5)), evidence: `evidence ${i}` }]),
    ),
    redFlags: {},
    keyTakeaways: `i${i} submitted`,
    recommendation: "yes",
  };
  const key = randomUUID();
  const tries = await Promise.all(
    [0, 1, 2].map(() =>
      call(
        next(),
        "POST",
        `/interviews/${p.interviewId}/scorecard/submit`,
        p.token,
        { baseVersion: version, values: complete },
        { "Idempotency-Key": key },
      ),
    ),
  );
  for (const t of tries) {
    stats.requests++;
    if (t.status !== 200) {
      if (t.status >= 500) stats.errors5xx++;
      violations.push(`interviewer ${i}: submit answered ${t.status} ${JSON.stringify(t.body).slice(0, 200)}`);
    } else if (t.body.repeated) stats.repeatedSubmissions++;
    else stats.submissions++;
  }
  const ok = tries.find((t) => t.status === 200);
  if (ok) {
    version = ok.body.version!;
    last.set(p.interviewId, { version, marker: `i${i} submitted` });
    stats.acked++;
  }
  // amend until the time is up
  let a = 0;
  while (Date.now() < deadline && ok) {
    a++;
    const marker = `i${i} amendment ${a}`;
    const res = await call(next(), "POST", `/interviews/${p.interviewId}/scorecard/amend`, p.token, {
      baseVersion: version,
      values: { ...complete, keyTakeaways: marker },
      reason: `correction ${a}`,
    });
    if (record(res, marker) === "ok") stats.amendments++;
    await sleep(200 + Math.random() * 300);
  }
}

const started = Date.now();
await Promise.all(people.map((p, i) => interviewer(p, i)));
const elapsed = (Date.now() - started) / 1000;
for (const i of instances) await stopInstance(i);

// verify against the database
const { db } = await import("../../lib/db");
for (const p of people) {
  const sc = await db.scorecard.findUnique({
    where: { interviewId: p.interviewId },
    select: { id: true, version: true, keyTakeaways: true, status: true },
  });
  const ack = last.get(p.interviewId);
  if (!sc || !ack) {
    violations.push(`${p.interviewId}: nothing stored or nothing acknowledged`);
    continue;
  }
  if (sc.version !== ack.version)
    violations.push(`${p.interviewId}: stored version ${sc.version}, last acknowledged ${ack.version}`);
  if (sc.keyTakeaways !== ack.marker)
    violations.push(
      `${p.interviewId}: stored "${sc.keyTakeaways}", last acknowledged "${ack.marker}" (a lost or overwritten save)`,
    );
  if (sc.status !== "submitted") violations.push(`${p.interviewId}: not submitted`);
  const submittedAudits = await db.auditLog.count({ where: { action: "scorecard.submitted", entityId: sc.id } });
  if (submittedAudits !== 1) violations.push(`${p.interviewId}: submitted ${submittedAudits} times`);
  const amendments = await db.scorecardAmendment.count({ where: { scorecardId: sc.id } });
  const amendAudits = await db.auditLog.count({ where: { action: "scorecard.amended", entityId: sc.id } });
  if (amendments !== amendAudits)
    violations.push(`${p.interviewId}: ${amendments} amendments but ${amendAudits} audit entries`);
}
const storedAmendments = await db.scorecardAmendment.count();
if (storedAmendments !== stats.amendments)
  violations.push(`amendments: ${stats.amendments} acknowledged, ${storedAmendments} stored`);
if (stats.submissions !== users)
  violations.push(`submissions: ${stats.submissions} first submissions for ${users} interviewers`);
if (stats.tabRaceBothWon) violations.push(`two tabs both won ${stats.tabRaceBothWon} times`);
if (stats.errors5xx) violations.push(`${stats.errors5xx} server errors`);
await db.$disconnect();
await target.drop();

console.log(
  `load (${target.kind}, ${instances.length} instance${instances.length > 1 ? "s" : ""}): ${users} interviewers for ${elapsed.toFixed(0)} s; ${stats.requests} requests (${(stats.requests / elapsed).toFixed(0)}/s); ` +
    `${stats.acked} writes acknowledged, all found as acknowledged; ${stats.tabRaces} two-tab races (one winner each), ${stats.staleAnswers} stale answers; ` +
    `${stats.submissions} submissions (+${stats.repeatedSubmissions} retries answered as repeats); ${stats.amendments} amendments; ${stats.errors5xx} server errors, ${stats.network} network errors`,
);
if (violations.length) {
  console.log(`load: FAILED\n${violations.slice(0, 30).join("\n")}`);
  process.exit(1);
}
console.log("load: passed");
process.exit(0);
