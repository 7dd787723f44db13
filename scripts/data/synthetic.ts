// npm run data:synthetic -- --profile small|large [--seed 1] [--curve-points full|tiny|none]
// Fills the configured database (DATABASE_URL; SQLite by default) with a realistic
// company history built from the seeded role templates, for benchmarks. Every profile has the
// benchmark's fixtures: an opening with 1,000 candidates ("Bench: list of 1,000 candidates"), one with
// 200 ("Bench: comparison of 200 candidates") and an interviewer with 600 past interviews and 120
// owed scorecards (busy.interviewer@synthetic.test); the smoke profile has them smaller.
// The benchmark's curves (docs/decisions/064-benchmark-curves-and-report.md) have one fixture per
// point, each found by its name: openings "Bench curve: N candidates", candidates "Bench curve: N
// scorecards" and interviewers curve.N.interviews.<tag>@synthetic.test. Their sizes (CURVE_POINTS)
// are full on the large profile, none on the small one unless --curve-points says; they are taken
// out of the profile's candidates, so a profile is as big with or without them.
// large ≈ 100 openings, 20,000 candidates, 100,000 interviews and scorecards, 700,000 ratings.
// Plausible shapes: most loops partial, ~10% drafts, ~5% red flags, interviewer bias and noise
// (so panels disagree), ~8% Not assessed, decisions on ~10% of candidates. Deterministic per seed.
import { requireDatabase } from "../cli";
import { randomUUID } from "node:crypto";
import { recomputeAllScores } from "../../lib/data/candidate-scores";
import { saveRoleTemplates } from "../../lib/data/role-template-save";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { hashPassword } from "../../lib/password";
import { loadBlueprintRoles } from "../../seed/roles";
import { DEMO_PASSWORD } from "../../seed/demo-password";

// list, comparison: the two benchmark openings' candidates; busy: the busy interviewer's past interviews
const PROFILES = {
  // the benchmark's end-to-end check: every fixture, at sizes that fill in seconds
  smoke: { openings: 8, candidates: 400, interviewers: 20, list: 100, comparison: 20, busy: 60 },
  small: { openings: 12, candidates: 2_000, interviewers: 60, list: 1_000, comparison: 200, busy: 600 },
  large: { openings: 100, candidates: 20_000, interviewers: 300, list: 1_000, comparison: 200, busy: 600 },
} as const;
type Profile = keyof typeof PROFILES;
/** The sizes of each curve's points: an opening's candidates (the list and the comparison), a
 * candidate's submitted scorecards (the summary), an interviewer's interviews (My interviews). */
export const CURVE_POINTS = {
  full: { candidates: [100, 1_000, 10_000], scorecards: [4, 40, 400], interviews: [10, 100, 1_000] },
  tiny: { candidates: [10, 30, 100], scorecards: [2, 4, 8], interviews: [5, 10, 20] },
  none: { candidates: [], scorecards: [], interviews: [] },
} as const;
type CurvePoints = keyof typeof CURVE_POINTS;

const argv = process.argv.slice(2);
const profileName = (argv[argv.indexOf("--profile") + 1] ?? "small") as Profile;
if (!argv.includes("--profile") || !(profileName in PROFILES)) {
  console.error(
    "usage: npm run data:synthetic -- --profile smoke|small|large [--seed N] [--curve-points full|tiny|none]",
  );
  process.exit(1);
}
const profile = PROFILES[profileName];
const curveName = (
  argv.includes("--curve-points")
    ? argv[argv.indexOf("--curve-points") + 1]
    : { smoke: "tiny", small: "none", large: "full" }[profileName]
) as CurvePoints;
if (!(curveName in CURVE_POINTS)) {
  console.error("--curve-points is full, tiny or none");
  process.exit(1);
}
const curve = CURVE_POINTS[curveName];
let seed = Number(argv.includes("--seed") ? argv[argv.indexOf("--seed") + 1] : 1) >>> 0 || 1;
/** mulberry32: small, fast, deterministic */
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const clampRating = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

await requireDatabase();
const started = Date.now();
function progress(label: string, done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r${label.padEnd(12)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")}  ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (done === total) process.stderr.write("\n");
}

/** Inserts rows in batches with a progress bar. */
async function insert<T>(label: string, rows: T[], write: (batch: T[]) => Promise<unknown>, size = 2_000) {
  for (let i = 0; i < rows.length; i += size) {
    await write(rows.slice(i, i + size));
    progress(label, Math.min(i + size, rows.length), rows.length);
  }
  if (!rows.length) progress(label, 0, 0 || 1);
}

// ── templates ────────────────────────────────────────────────────────────────────────────────
if ((await db.roleTemplate.count()) === 0) await saveRoleTemplates(loadBlueprintRoles(), { actorId: null });
const versions = await db.roleTemplateVersion.findMany({
  where: { template: { archived: false } },
  orderBy: [{ templateId: "asc" }, { version: "desc" }],
  select: {
    id: true,
    templateId: true,
    dimensions: { select: { id: true } },
    redFlags: { select: { id: true } },
    exercises: { select: { id: true, dimensions: { select: { dimensionId: true } } } },
  },
});
const current = [...new Map(versions.map((v) => [v.templateId, v])).values()].filter((v) => v.exercises.length > 0);

// ── people ───────────────────────────────────────────────────────────────────────────────────
const tag = randomUUID().slice(0, 6);
const passwordHash = await hashPassword(DEMO_PASSWORD);
type UserRow = { id: string; email: string; name: string; passwordHash: string };
const users: UserRow[] = [];
const roles: { userId: string; role: string }[] = [];
const person = (kind: string, i: number, role: string[], email?: string) => {
  const id = randomUUID();
  users.push({
    id,
    email: email ?? `${kind}${i}.${tag}@synthetic.test`,
    name: `${kind[0].toUpperCase()}${kind.slice(1)} ${i} (${tag})`,
    passwordHash,
  });
  for (const r of role) roles.push({ userId: id, role: r });
  return id;
};
const busyExists = await db.user.count({ where: { email: "busy.interviewer@synthetic.test" } });
const busy = person(
  "busy",
  0,
  ["interviewer"],
  busyExists ? `busy.${tag}@synthetic.test` : "busy.interviewer@synthetic.test",
);
const interviewers = [
  busy,
  ...Array.from({ length: profile.interviewers - 1 }, (_, i) => person("interviewer", i, ["interviewer"])),
];
const curveInterviewers = curve.interviews.map((n) =>
  person("curve", n, ["interviewer"], `curve.${n}.interviews.${tag}@synthetic.test`),
);
const managers = Array.from({ length: 20 }, (_, i) => person("manager", i, ["hiring-manager", "interviewer"]));
const recruiters = Array.from({ length: 5 }, (_, i) => person("recruiter", i, ["recruiter"]));
const bias = new Map<string, number>(interviewers.concat(managers).map((id) => [id, normal() * 0.45]));
await insert("users", users, (b) => db.user.createMany({ data: b }));
await insert("roles", roles, (b) => db.userRole.createMany({ data: b }));

// ── openings and candidates ─────────────────────────────────────────────────────────────────
// the fixtures first: the two benchmark openings, one per candidate-curve point, and the opening
// of the summary curve's candidates (one each); the rest of the profile spread over the others
const titles = [
  `Bench: list of ${profile.list.toLocaleString("en")} candidates (${tag})`,
  `Bench: comparison of ${profile.comparison.toLocaleString("en")} candidates (${tag})`,
  ...curve.candidates.map((n) => `Bench curve: ${n.toLocaleString("en")} candidates (${tag})`),
  ...(curve.scorecards.length ? [`Bench curve: summaries (${tag})`] : []),
];
const sizes: number[] = [
  profile.list,
  profile.comparison,
  ...curve.candidates,
  ...(curve.scorecards.length ? [curve.scorecards.length] : []),
];
const fixed = sizes.length;
const rest = profile.candidates - sizes.reduce((a, b) => a + b, 0);
if (rest < profile.openings - fixed)
  throw new Error(`profile ${profileName} is too small for curve points ${curveName}`);
for (let i = fixed; i < profile.openings; i++)
  sizes.push(Math.floor(rest / (profile.openings - fixed)) + (i - fixed < rest % (profile.openings - fixed) ? 1 : 0));
const summaryOpening = curve.scorecards.length ? fixed - 1 : -1;
const openings = sizes.map((n, i) => ({
  id: randomUUID(),
  title: titles[i] ?? `Synthetic opening ${i} (${tag})`,
  templateVersionId: current[i % current.length].id,
  hiringManagerId: managers[i % managers.length],
  recruiterId: recruiters[i % recruiters.length],
  status: i > fixed && rand() < 0.3 ? "closed" : "open",
  size: n,
}));
await insert("openings", openings, (b) =>
  db.opening.createMany({
    data: b.map((o) => ({
      id: o.id,
      title: o.title,
      templateVersionId: o.templateVersionId,
      hiringManagerId: o.hiringManagerId,
      recruiterId: o.recruiterId,
      status: o.status,
    })),
  }),
);

const STAGES = [
  "applied",
  "interviewing",
  "interviewing",
  "interviewing",
  "debrief",
  "offer",
  "hired",
  "rejected",
  "rejected",
  "withdrawn",
];
type Cand = { id: string; openingId: string; name: string; email: string; stage: string; source: string };
const candidates: (Cand & { quality: number; version: (typeof current)[number]; manager: string })[] = [];
let k = 0;
for (const [oi, o] of openings.entries()) {
  const version = current.find((v) => v.id === o.templateVersionId)!;
  for (let i = 0; i < o.size; i++, k++) {
    candidates.push({
      id: randomUUID(),
      openingId: o.id,
      name: oi === summaryOpening ? `Bench curve: ${curve.scorecards[i]} scorecards (${tag})` : `Candidate ${k} ${tag}`,
      email: `candidate${k}.${tag}@example.com`,
      stage: oi === summaryOpening ? "debrief" : pick(STAGES),
      source: pick(["referral", "job board", "sourcing", "agency", ""]),
      quality: 3.1 + normal() * 0.75,
      version,
      manager: o.hiringManagerId,
    });
  }
}
await insert("candidates", candidates, (b) =>
  db.candidate.createMany({
    data: b.map((c) => ({
      id: c.id,
      openingId: c.openingId,
      name: c.name,
      email: c.email,
      stage: c.stage,
      source: c.source,
    })),
  }),
);

// ── loops, scorecards, ratings ──────────────────────────────────────────────────────────────
const interviews: {
  id: string;
  candidateId: string;
  interviewerId: string;
  exerciseId: string;
  scheduledAt: Date;
  durationMinutes: number;
}[] = [];
const focus: { interviewId: string; dimensionId: string }[] = [];
const scorecards: {
  id: string;
  interviewId: string;
  candidateId: string;
  authorId: string;
  status: string;
  keyTakeaways: string;
  recommendation: string | null;
  version: number;
  submittedAt: Date | null;
}[] = [];
const ratings: {
  id: string;
  scorecardId: string;
  dimensionId: string;
  rating: number | null;
  notAssessed: boolean;
  evidence: string;
}[] = [];
const flags: { id: string; scorecardId: string; redFlagId: string; note: string }[] = [];
const decisions: {
  id: string;
  candidateId: string;
  decidedById: string;
  outcome: string;
  rationale: string;
  computedRecommendation: string;
  isOverride: boolean;
  computedScore: number | null;
}[] = [];
const now = Date.now();
type Exercise = (typeof current)[number]["exercises"][number];
/** One interview with its focus and, unless "none", its scorecard, ratings and maybe a red flag. */
function addInterview(
  c: (typeof candidates)[number],
  who: string,
  ex: Exercise,
  when: Date,
  outcome: "submitted" | "draft" | "none",
) {
  const id = randomUUID();
  interviews.push({
    id,
    candidateId: c.id,
    interviewerId: who,
    exerciseId: ex.id,
    scheduledAt: when,
    durationMinutes: 60,
  });
  const fdims = ex.dimensions.length
    ? ex.dimensions.map((d) => d.dimensionId)
    : c.version.dimensions.slice(0, 3).map((d) => d.id);
  for (const d of fdims) focus.push({ interviewId: id, dimensionId: d });
  if (outcome === "none") return;
  const submitted = outcome === "submitted";
  const scId = randomUUID();
  const b = bias.get(who) ?? 0;
  const rated = new Set(fdims);
  for (const d of c.version.dimensions) if (rated.size < 9 && rand() < 0.85) rated.add(d.id);
  let sum = 0;
  let n = 0;
  for (const d of rated) {
    const na = rand() < 0.08;
    const value = na ? null : clampRating(c.quality + b + normal() * 0.7);
    if (value !== null) {
      sum += value;
      n++;
    }
    ratings.push({
      id: randomUUID(),
      scorecardId: scId,
      dimensionId: d,
      rating: value,
      notAssessed: na,
      evidence: na
        ? ""
        : `Observed in the exercise: ${pick(["clear trade-offs", "vague on costs", "strong debugging", "good questions", "missed failure modes", "crisp communication"])}.`,
    });
  }
  const mean = n ? sum / n : 3;
  if (submitted && rand() < 0.05 && c.version.redFlags.length)
    flags.push({
      id: randomUUID(),
      scorecardId: scId,
      redFlagId: pick(c.version.redFlags).id,
      note: "Seen in the interview; see the evidence.",
    });
  scorecards.push({
    id: scId,
    interviewId: id,
    candidateId: c.id,
    authorId: who,
    status: submitted ? "submitted" : "draft",
    keyTakeaways: submitted ? `Overall ${mean >= 3.5 ? "strong" : mean >= 2.8 ? "mixed" : "weak"} signal.` : "",
    recommendation: submitted
      ? mean >= 4.2
        ? "strong-yes"
        : mean >= 3.3
          ? "yes"
          : mean >= 2.3
            ? "no"
            : "strong-no"
      : null,
    version: submitted ? 2 : 1,
    submittedAt: submitted ? new Date(when.getTime() + 3_600_000) : null,
  });
}
const summaryCandidates = new Set(
  summaryOpening < 0 ? [] : candidates.filter((c) => c.openingId === openings[summaryOpening].id),
);
let busyCount = 0;
for (const c of candidates) {
  if (summaryCandidates.has(c)) continue;
  const loopSize = 4 + Math.floor(rand() * 4); // 4–7
  const planned = c.stage === "applied" ? 0 : loopSize;
  const submittedShare = c.stage === "interviewing" ? 0.3 + rand() * 0.6 : 0.85 + rand() * 0.15; // most loops in progress are partial
  const panel = new Set<string>();
  for (let j = 0; j < planned; j++) {
    const ex = c.version.exercises[j % c.version.exercises.length];
    let who = pick(interviewers);
    if (busyCount < profile.busy && rand() < 0.04) who = busy;
    while (panel.has(who)) who = pick(interviewers);
    panel.add(who);
    if (who === busy) busyCount++;
    const when = new Date(
      now - Math.floor(rand() * 400) * 86_400_000 + (c.stage === "interviewing" && rand() < 0.2 ? 20 * 86_400_000 : 0),
    );
    const r = rand();
    addInterview(c, who, ex, when, r > submittedShare + 0.1 ? "none" : r <= submittedShare ? "submitted" : "draft");
  }
  if (["offer", "hired", "rejected"].includes(c.stage) && rand() < 0.5) {
    decisions.push({
      id: randomUUID(),
      candidateId: c.id,
      decidedById: c.manager,
      outcome: c.stage === "rejected" ? "no-hire" : "hire",
      rationale: "Decided after the debrief with the whole panel.",
      computedRecommendation: c.stage === "rejected" ? "no-hire" : "hire",
      isOverride: false,
      computedScore: null,
    });
  }
}
// the busy interviewer also owes 120 scorecards (the benchmark's autosave writers and scorecard page)
for (const c of candidates.filter((x) => x.stage === "interviewing").slice(0, 120)) {
  const ex = c.version.exercises[0];
  const id = randomUUID();
  interviews.push({
    id,
    candidateId: c.id,
    interviewerId: busy,
    exerciseId: ex.id,
    scheduledAt: new Date(now - 2 * 3_600_000),
    durationMinutes: 60,
  });
  for (const d of ex.dimensions.length ? ex.dimensions.map((x) => x.dimensionId) : [c.version.dimensions[0].id])
    focus.push({ interviewId: id, dimensionId: d });
  busyCount++;
}
// the curves: a loop of N submitted scorecards for each summary-curve candidate (a panel drawn
// from everyone, repeating people only when N is more than there are), and each curve interviewer's
// N interviews over the ordinary candidates: most in the past and submitted, some drafts, a fifth ahead
for (const c of summaryCandidates) {
  const n = curve.scorecards[[...summaryCandidates].indexOf(c)];
  const pool = interviewers.concat(managers);
  for (let j = 0; j < n; j++)
    addInterview(
      c,
      pool[j % pool.length],
      c.version.exercises[j % c.version.exercises.length],
      new Date(now - (j + 1) * 3_600_000),
      "submitted",
    );
}
const ordinary = candidates.slice(sizes.slice(0, fixed).reduce((a, b) => a + b, 0));
for (const [i, who] of curveInterviewers.entries()) {
  for (let j = 0; j < curve.interviews[i]; j++) {
    const c = ordinary[Math.floor(rand() * ordinary.length)];
    const r = rand();
    const ahead = r < 0.2;
    addInterview(
      c,
      who,
      c.version.exercises[j % c.version.exercises.length],
      new Date(now + (ahead ? 1 : -1) * Math.floor(1 + rand() * 300) * 86_400_000),
      ahead ? "none" : r < 0.3 ? "draft" : "submitted",
    );
  }
}
// debriefs (docs/decisions/078-debrief-mode.md): one on each decided candidate, its snapshot the
// submitted scorecards as they stood, about one rating in five a point away from where it is now
// (changed after the debrief), so the movement in debriefs has something to count
const ratingsOf = new Map<string, typeof ratings>();
for (const r of ratings) ratingsOf.set(r.scorecardId, [...(ratingsOf.get(r.scorecardId) ?? []), r]);
const submittedOf = new Map<string, typeof scorecards>();
for (const sc of scorecards)
  if (sc.status === "submitted") submittedOf.set(sc.candidateId, [...(submittedOf.get(sc.candidateId) ?? []), sc]);
const debriefs: { id: string; candidateId: string; startedById: string; revealOrder: string }[] = [];
const snapshots: { debriefId: string; scorecardId: string; authorId: string; version: number; snapshot: string }[] = [];
for (const d of decisions) {
  const cards = submittedOf.get(d.candidateId) ?? [];
  if (!cards.length) continue;
  const id = randomUUID();
  debriefs.push({
    id,
    candidateId: d.candidateId,
    startedById: d.decidedById,
    revealOrder: JSON.stringify([...new Set(cards.map((sc) => sc.authorId))]),
  });
  for (const sc of cards)
    snapshots.push({
      debriefId: id,
      scorecardId: sc.id,
      authorId: sc.authorId,
      version: sc.version,
      snapshot: JSON.stringify({
        ratings: (ratingsOf.get(sc.id) ?? []).map((r) => ({
          dimensionId: r.dimensionId,
          rating: r.rating !== null && rand() < 0.2 ? clampRating(r.rating + (rand() < 0.5 ? -1 : 1)) : r.rating,
          notAssessed: r.notAssessed,
          evidence: r.evidence,
        })),
        redFlags: [],
        keyTakeaways: sc.keyTakeaways,
        recommendation: sc.recommendation,
        submittedAt: sc.submittedAt,
      }),
    });
}
await insert("interviews", interviews, (b) => db.interview.createMany({ data: b }));
await insert("focus", focus, (b) => db.interviewFocus.createMany({ data: b }), 5_000);
await insert("scorecards", scorecards, (b) => db.scorecard.createMany({ data: b }));
await insert("ratings", ratings, (b) => db.dimensionRating.createMany({ data: b }), 5_000);
await insert("red flags", flags, (b) => db.redFlagObservation.createMany({ data: b }));
await insert("decisions", decisions, (b) => db.decision.createMany({ data: b }));
await insert("debriefs", debriefs, (b) => db.debrief.createMany({ data: b }));
await insert("debrief snapshots", snapshots, (b) => db.debriefSnapshot.createMany({ data: b }));
// inserted in bulk, past the write paths that keep the stored scores (docs/decisions/060)
console.log(`stored scores: ${await recomputeAllScores(db)} candidate(s)`);
// Planner statistics, as a database in use has them (autovacuum keeps them on PostgreSQL; SQLite
// keeps none unless asked): without them the first minutes after a bulk load are planned blind.
if (env.database.kind === "postgres") await db.$executeRawUnsafe("VACUUM ANALYZE");

const elapsed = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `synthetic ${profileName} (${tag}): ${openings.length} openings, ${candidates.length.toLocaleString("en")} candidates, ${interviews.length.toLocaleString("en")} interviews, ${scorecards.length.toLocaleString("en")} scorecards (${scorecards.filter((s) => s.status === "draft").length.toLocaleString("en")} drafts), ${ratings.length.toLocaleString("en")} ratings, ${flags.length} red flags, ${decisions.length} decisions, ${debriefs.length} debriefs, in ${elapsed} s. Busy interviewer: ${users.find((u) => u.id === busy)!.email} (${busyCount} interviews), password ${DEMO_PASSWORD}. Curve points: ${curveName}.`,
);
await db.$disconnect();
