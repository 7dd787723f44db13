// Benchmark: what calibration adds to the data layer
// (docs/decisions/040-calibration-results-kept-by-fingerprint.md), on the configured database
// (DATABASE_URL; fill it first with `npm run data:synthetic -- --profile small|large`).
//
//   npm run bench:calibration [-- --rounds 5] [-- --writes]
//
// Measures in-process, interleaved round by round so the machine's noise hits every item alike:
// a trivial query (the floor), the candidate summary (a page people already know), the rater
// offsets warm (the fingerprint check every summary now makes) and cold (every submitted rating
// loaded and the model fitted), the calibration page's data cached and cold (all time, last 90
// days, one hiring manager's scope; cold = a new client, empty caches), the movement in debriefs
// kept and cold, and the in-app notice for the busiest interviewer. With --writes it also
// times one pass of the reminder worker (it queues reminder rows: use a throwaway copy). The
// figures to read are the ratios within one run. Nothing passes or fails on time.
import { fail, requireDatabase } from "../cli";
import { parseArgs } from "node:util";
import { getCalibration } from "../../lib/data/calibration";
import { getCandidateSummary } from "../../lib/data/candidate-summary";
import { getDebriefMovement } from "../../lib/data/debriefs";
import { scorecardNoticeFor } from "../../lib/data/notices";
import { getRaterOffsets, submittedObservations } from "../../lib/data/rater-offsets";
import { runReminders } from "../../lib/data/reminders";
import { createDb, db, type Db } from "../../lib/db";
import { env } from "../../lib/env";
import { raterLeniency } from "../../lib/domain/calibration";
import type { AppRole } from "../../lib/domain/vocabulary";
import { sql } from "../../lib/data/sql";

const { values: opts } = parseArgs({ options: { rounds: { type: "string", default: "5" }, writes: { type: "boolean", default: false } } });
const ROUNDS = Number(opts.rounds);

async function main() {
  await requireDatabase();
  const recruiter = await db.user.findFirst({ where: { roles: { some: { role: "recruiter" } } }, select: { id: true } });
  const opening = await db.opening.findFirst({ orderBy: { candidates: { _count: "desc" } }, select: { hiringManagerId: true, candidates: { take: 50, select: { id: true, _count: { select: { scorecards: true } } } } } });
  const busy = await db.interview.groupBy({ by: ["interviewerId"], _count: { _all: true }, orderBy: { _count: { interviewerId: "desc" } }, take: 1 });
  if (!recruiter || !opening || !busy[0]) throw new Error("no data: fill the database first (npm run data:synthetic -- --profile small)");
  const candidate = [...opening.candidates].sort((a, b) => b._count.scorecards - a._count.scorecards)[0].id;
  const asRecruiter = { id: recruiter.id, roles: ["recruiter"] as AppRole[] };
  const asManager = { id: opening.hiringManagerId, roles: ["hiring-manager"] as AppRole[] };
  const scorecards = await db.scorecard.count({ where: { status: "submitted" } });
  const ratings = (await submittedObservations(db)).length;
  const debriefs = await db.debrief.count();
  console.log(`database: ${scorecards.toLocaleString("en")} submitted scorecards, ${ratings.toLocaleString("en")} 1–5 ratings, ${debriefs.toLocaleString("en")} debriefs`);

  // a client of its own has empty caches: what the first reader after a change waits for
  const cold = async (work: (client: Db) => Promise<unknown>) => {
    const client = createDb(env.database);
    try {
      await work(client);
    } finally {
      await client.$disconnect();
    }
  };
  const items: [string, () => Promise<unknown>][] = [
    ["floor: SELECT 1", () => db.$queryRaw(sql`SELECT 1`)],
    ["candidate summary (offsets warm)", () => getCandidateSummary(asRecruiter, candidate)],
    ["rater offsets, warm (the fingerprint check)", () => getRaterOffsets(db)],
    ["rater offsets, cold (load every rating + fit)", async () => raterLeniency(await submittedObservations(db))],
    ["calibration page data, cached: recruiter, all time", () => getCalibration(asRecruiter, {})],
    ["calibration page data, cold: recruiter, all time", () => cold((c) => getCalibration(asRecruiter, {}, new Date(), c))],
    ["calibration page data, cold: recruiter, last 90 days", () => cold((c) => getCalibration(asRecruiter, { sinceDays: 90 }, new Date(), c))],
    ["calibration page data, cold: one hiring manager", () => cold((c) => getCalibration(asManager, {}, new Date(), c))],
    // kept by fingerprint like the page's figures; cold reads every debrief snapshot in scope
    // (docs/decisions/078-debrief-mode.md)
    ["movement in debriefs, kept: recruiter, all time", () => getDebriefMovement(asRecruiter, {})],
    ["movement in debriefs, cold: recruiter, all time", () => cold((c) => getDebriefMovement(asRecruiter, {}, new Date(), c))],
    ["movement in debriefs, cold: one hiring manager", () => cold((c) => getDebriefMovement(asManager, {}, new Date(), c))],
    ["notice for the busiest interviewer", () => scorecardNoticeFor({ id: busy[0].interviewerId, roles: ["interviewer"] })],
  ];
  if (opts.writes) items.push(["reminder worker pass (no e-mail)", () => runReminders({ mailer: null })]);
  const times = new Map(items.map(([name]) => [name, [] as number[]]));
  for (const [, work] of items) await work(); // warm every path once
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, work] of items) {
      const t = performance.now();
      await work();
      times.get(name)!.push(performance.now() - t);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = median(times.get("candidate summary (offsets warm)")!);
  console.log(`\n${ROUNDS} interleaved rounds; median ms, and as a multiple of one candidate summary`);
  for (const [name, xs] of times) console.log(`${name.padEnd(48)} ${median(xs).toFixed(1).padStart(9)} ms ${(median(xs) / summary).toFixed(2).padStart(7)}×`);
  await db.$disconnect();
}

main().catch(fail);
