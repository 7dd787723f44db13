// npm run crash -- [--pg postgresql://…] [--users 20] [--rounds 5]
// Submissions, amendments and decisions are sent while the app server is killed with
// SIGKILL at a random moment; after each restart the database is checked: every acknowledged
// write is there, nothing is half-written (an amendment without its snapshot, a scorecard without
// its ratings, a decision without its audit entry), and the audit log matches the data.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { arg, call, freshDatabase, seed, sleep, startInstance, stopInstance } from "./harness";

const users = Number(arg("users", "20"));
const rounds = Number(arg("rounds", "5"));
const pgServer = process.argv.includes("--pg") ? arg("pg", "") : undefined;

const target = await freshDatabase(pgServer);
process.env.DATABASE_URL = target.url;
const { people, managerToken } = await seed(users);
const port = 3900 + (process.pid % 90);
const acked = { submitted: new Set<string>(), amendments: new Map<string, number>(), decisions: new Set<string>() };
const violations: string[] = [];
let writesSent = 0;
let writesAcked = 0;

type Person = (typeof people)[number] & {
  version: number;
  key: string;
  kit?: { id: string; focus: boolean }[];
  submitted: boolean;
  amendSeq: number;
  lastDecision: string | null;
};
const state: Person[] = people.map((p) => ({
  ...p,
  version: 0,
  key: randomUUID(),
  submitted: false,
  amendSeq: 0,
  lastDecision: null,
}));

async function work(base: string, p: Person, i: number, stopAt: () => boolean) {
  while (!stopAt()) {
    if (!p.kit) {
      const r = await call(base, "GET", `/interviews/${p.interviewId}/scorecard`, p.token);
      if (r.status !== 200) return;
      p.kit = (r.body.kit as { dimensions: { id: string; focus: boolean }[] }).dimensions;
      p.version = r.body.version as number;
      p.submitted = r.body.status === "submitted";
    }
    const values = (text: string) => ({
      ratings: Object.fromEntries(
        p.kit!.filter((d) => d.focus).map((d) => [d.id, { score: String(1 + (i % 5)), evidence: `${text} evidence` }]),
      ),
      redFlags: {},
      keyTakeaways: text,
      recommendation: "yes",
    });
    writesSent++;
    if (!p.submitted) {
      const r = await call(
        base,
        "POST",
        `/interviews/${p.interviewId}/scorecard/submit`,
        p.token,
        { baseVersion: p.version, values: values(`i${i} submitted`) },
        { "Idempotency-Key": p.key },
      );
      if (r.status === 200) {
        writesAcked++;
        p.submitted = true;
        p.version = r.body.version as number;
        acked.submitted.add(p.interviewId);
      } else if (r.status === 0)
        return; // the server died: the outcome is unknown, re-read after restart
      else if (r.status === 409) p.kit = undefined;
    } else if (Math.random() < 0.7) {
      const seq = p.amendSeq + 1;
      const r = await call(base, "POST", `/interviews/${p.interviewId}/scorecard/amend`, p.token, {
        baseVersion: p.version,
        values: values(`i${i} amendment ${seq}`),
        reason: `crash round correction ${seq}`,
      });
      if (r.status === 200) {
        writesAcked++;
        p.amendSeq = seq;
        p.version = r.body.version as number;
        acked.amendments.set(p.interviewId, seq);
      } else if (r.status === 0) return;
      else if (r.status === 409) p.kit = undefined;
    } else {
      const r = await call(base, "POST", `/candidates/${p.candidateId}/decisions`, managerToken, {
        outcome: "hold",
        rationale: `Crash round decision for candidate ${i}, revised.`,
        previousDecisionId: p.lastDecision,
      });
      if (r.status === 201) {
        writesAcked++;
        p.lastDecision = r.body.id as string;
        acked.decisions.add(p.lastDecision);
      } else if (r.status === 0) return;
      else if (r.status === 409) {
        const list = await call(base, "GET", `/candidates/${p.candidateId}/decisions`, managerToken);
        p.lastDecision = (list.body.data as { id: string }[] | undefined)?.[0]?.id ?? null;
      }
    }
  }
}

async function checkIntegrity(round: number) {
  const { db } = await import("../../lib/db");
  const problem = (m: string) => violations.push(`round ${round}: ${m}`);
  for (const p of state) {
    const sc = await db.scorecard.findUnique({
      where: { interviewId: p.interviewId },
      select: {
        id: true,
        status: true,
        version: true,
        keyTakeaways: true,
        _count: { select: { ratings: true, amendments: true } },
      },
    });
    if (acked.submitted.has(p.interviewId) && sc?.status !== "submitted")
      problem(`${p.interviewId}: acknowledged submission missing`);
    if (!sc) continue;
    const submittedAudits = await db.auditLog.count({ where: { action: "scorecard.submitted", entityId: sc.id } });
    if (sc.status === "submitted" && submittedAudits !== 1)
      problem(`${sc.id}: submitted with ${submittedAudits} audit entries`);
    if (sc.status === "submitted" && sc._count.ratings < (p.kit?.filter((d) => d.focus).length ?? 1))
      problem(`${sc.id}: submitted without all its ratings`);
    const amendAudits = await db.auditLog.count({ where: { action: "scorecard.amended", entityId: sc.id } });
    if (amendAudits !== sc._count.amendments)
      problem(`${sc.id}: ${sc._count.amendments} amendments, ${amendAudits} audit entries`);
    const ackedAmends = acked.amendments.get(p.interviewId) ?? 0;
    if (sc._count.amendments < ackedAmends)
      problem(`${sc.id}: ${ackedAmends} amendments acknowledged, ${sc._count.amendments} stored`);
    for (const a of await db.scorecardAmendment.findMany({
      where: { scorecardId: sc.id },
      select: { snapshot: true, fromVersion: true },
    })) {
      try {
        const snap = JSON.parse(a.snapshot) as { ratings?: unknown[] };
        if (!Array.isArray(snap.ratings) || a.fromVersion >= sc.version)
          problem(`${sc.id}: amendment from v${a.fromVersion} is incomplete`);
      } catch {
        problem(`${sc.id}: amendment snapshot is not readable`);
      }
    }
  }
  const decisions = await db.decision.findMany({ select: { id: true, candidateId: true } });
  const ids = new Set(decisions.map((d) => d.id));
  for (const d of acked.decisions) if (!ids.has(d)) problem(`decision ${d} acknowledged but missing`);
  const decisionAudits = await db.auditLog.count({
    where: { action: { in: ["decision.recorded", "decision.revised"] } },
  });
  if (decisionAudits !== decisions.length) problem(`${decisions.length} decisions, ${decisionAudits} audit entries`);
  if (target.kind === "sqlite") {
    const raw = new Database(target.url.slice("file:".length));
    const result = raw.pragma("integrity_check", { simple: true });
    raw.close();
    if (result !== "ok") problem(`SQLite integrity_check: ${result}`);
  }
  await db.$disconnect();
}

let survived = 0;
for (let round = 1; round <= rounds; round++) {
  const app = await startInstance(target.url, port);
  let dead = false;
  const killAfter = 1500 + Math.random() * 2500;
  const workers = state.map((p, i) => work(app.base, p, i, () => dead));
  await sleep(killAfter);
  app.proc.kill("SIGKILL");
  dead = true;
  await new Promise((r) =>
    app.proc.exitCode !== null || app.proc.signalCode !== null ? r(null) : app.proc.once("exit", r),
  );
  await Promise.all(workers);
  await stopInstance(app, "SIGKILL");
  // after a crash the clients' view may be stale (a write may have landed without its answer)
  for (const p of state) p.kit = undefined;
  await checkIntegrity(round);
  if (!violations.some((v) => v.startsWith(`round ${round}:`))) survived++;
}
await target.drop();
console.log(
  `crash (${target.kind}): ${rounds} rounds of SIGKILL during writes by ${users} interviewers and a hiring manager; ${writesSent} writes sent, ${writesAcked} acknowledged; ${survived}/${rounds} rounds with every check passed`,
);
if (violations.length) {
  console.log(`crash: FAILED\n${violations.slice(0, 30).join("\n")}`);
  process.exit(1);
}
console.log("crash: passed");
process.exit(0);
