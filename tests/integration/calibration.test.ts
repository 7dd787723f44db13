// Calibration analytics (docs/decisions/012-calibration.md) on a real database — leniency,
// turnaround and shares through getCalibration against a hand calculation; who sees whom (a hiring
// manager sees their openings' interviewers with figures from those openings only); drafts never
// counting; erased candidates counting without their names; an amendment reaching the page (and the
// org-wide offsets of lib/data/rater-offsets.ts, whose hand-computed values and cache are checked
// here too); the CSV route.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, db } from "@/lib/db";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { getCalibration } from "@/lib/data/calibration";
import { calibrationCsvRows } from "@/lib/domain/calibration-csv";
import { eraseCandidate } from "@/lib/data/privacy";
import { getRaterOffsets } from "@/lib/data/rater-offsets";
import { amendScorecard } from "@/lib/data/scorecards";
import { t95 } from "@/lib/domain/calibration";
import type { AppRole } from "@/lib/domain/vocabulary";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { emptyValues } from "@/lib/validations/scorecard";
import { createCandidate, createInterview, createOpening, createScorecard, createUser } from "@/seed/factories";
import { loadBlueprintRoles } from "@/seed/roles";
import { createPanel } from "../support/panel";
import { session } from "@/tests/support/auth-stand-in";

// the CSV route reads the session through lib/auth: here it is whoever the test says
vi.mock("@/lib/auth", () => import("@/tests/support/auth-stand-in"));
const { GET: csvRoute } = await import("@/app/api/calibration.csv/route");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date();

let p: Awaited<ReturnType<typeof createPanel>>;
let users: Record<"a" | "b" | "c" | "d" | "manager" | "manager2" | "recruiter", { id: string; name: string }>;
const viewer = (id: string, ...roles: AppRole[]) => ({ id, roles });
let leadDims: string[];
let relDims: string[];
let candidateNames: string[];
let erasable: string;
let amendable: { interviewId: string; dims: string[] };

/** Submitted `hours` after the interview's scheduled end (start + 60 minutes). */
async function card(
  candidateId: string,
  who: { id: string },
  opts: {
    startDaysAgo: number;
    hours: number;
    ratings: [string, number | null][];
    recommendation?: "yes" | "no-decision";
    redFlagId?: string;
    status?: "draft" | "submitted";
  },
) {
  const start = new Date(NOW.getTime() - opts.startDaysAgo * DAY);
  const interview = await createInterview(db, {
    candidateId,
    interviewerId: who.id,
    scheduledAt: start,
    durationMinutes: 60,
    focusDimensionIds: [],
  });
  await createScorecard(db, {
    interview,
    status: opts.status ?? "submitted",
    ratings: opts.ratings.map(([dimensionId, rating]) => ({
      dimensionId,
      rating,
      evidence: rating === null ? "" : "Seen in the interview.",
    })),
    redFlags: opts.redFlagId ? [{ redFlagId: opts.redFlagId, note: "Observed." }] : [],
    keyTakeaways: "Take-aways.",
    recommendation: opts.recommendation ?? "yes",
    submittedAt: new Date(start.getTime() + HOUR + opts.hours * HOUR),
  });
  return interview;
}

beforeAll(async () => {
  p = await createPanel(db);
  await saveRoleTemplates(
    loadBlueprintRoles().filter((r) => r.slug === "ai-platform-reliability-engineer"),
    { actorId: null },
  );
  const rel = await db.roleTemplateVersion.findFirstOrThrow({
    where: { template: { slug: "ai-platform-reliability-engineer" } },
    select: { id: true, dimensions: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  leadDims = p.version.dimensions.map((d) => d.id);
  relDims = rel.dimensions.map((d) => d.id);
  const d = await createUser(db, { email: "interviewer-d@test.local", name: "Interviewer D", roles: ["interviewer"] });
  const manager2 = await createUser(db, {
    email: "manager2@test.local",
    name: "Manager Two",
    roles: ["hiring-manager", "interviewer"],
  });
  users = { ...p.users, d, manager2 };
  const openingA = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  const openingB = (
    await createOpening(db, {
      title: "Reliability opening",
      templateVersionId: rel.id,
      hiringManagerId: manager2.id,
      recruiterId: users.recruiter.id,
    })
  ).id;

  // Opening A (lead role): A and B rate dimensions 0–2 of four candidates; A is always one point
  // above B. Bases 2, 4, 3, 4 per candidate: pairs (3,2) (5,4) (4,3) (5,4) on every dimension.
  const bases = [2, 4, 3, 4];
  const a: string[] = [];
  const hoursA = [1, 3, 5, 100];
  for (let k = 0; k < 4; k++) {
    const c = await createCandidate(db, {
      openingId: openingA,
      name: `Calibration Person ${k}`,
      email: `cal${k}@example.com`,
    });
    a.push(c.id);
    const ratingsA: [string, number | null][] = leadDims.slice(0, 3).map((dim) => [dim, bases[k] + 1]);
    if (k === 0) ratingsA.push([leadDims[4], null]); // one Not assessed row
    const iv = await card(c.id, users.a, {
      startDaysAgo: 10 + k,
      hours: hoursA[k],
      ratings: ratingsA,
      recommendation: k === 1 ? "no-decision" : "yes",
      redFlagId: k === 2 ? p.version.redFlags[0].id : undefined,
    });
    if (k === 3) amendable = { interviewId: iv.id, dims: leadDims.slice(0, 3) };
    await card(c.id, users.b, {
      startDaysAgo: 10 + k,
      hours: 2,
      ratings: leadDims.slice(0, 3).map((dim) => [dim, bases[k]]),
    });
  }
  erasable = a[0];
  // C: one unshared rating, long ago (outside the last 365 days)
  await card(a[1], users.c, { startDaysAgo: 400, hours: 30, ratings: [[leadDims[3], 3]] });
  // drafts never count: A's draft of all 1s and No decision on a fifth candidate, B's beside it
  const drafty = await createCandidate(db, {
    openingId: openingA,
    name: "Calibration Draft Person",
    email: "cald@example.com",
  });
  await card(drafty.id, users.a, {
    startDaysAgo: 1,
    hours: 1,
    ratings: leadDims.slice(0, 3).map((dim) => [dim, 1]),
    recommendation: "no-decision",
    status: "draft",
  });
  await card(drafty.id, users.b, {
    startDaysAgo: 1,
    hours: 1,
    ratings: leadDims.slice(0, 3).map((dim) => [dim, 5]),
    status: "draft",
  });

  // Opening B (reliability role, another hiring manager): A and D rate dimensions 0–2 of two
  // candidates; D is always two points above A. A submits once 2 h before the scheduled end.
  for (let k = 0; k < 2; k++) {
    const c = await createCandidate(db, {
      openingId: openingB,
      name: `Reliability Person ${k}`,
      email: `rel${k}@example.com`,
    });
    await card(c.id, users.a, {
      startDaysAgo: 5 + k,
      hours: k === 0 ? -2 : 10,
      ratings: relDims.slice(0, 3).map((dim) => [dim, 2 + k]),
    });
    await card(c.id, users.d, {
      startDaysAgo: 5 + k,
      hours: 4,
      ratings: relDims.slice(0, 3).map((dim) => [dim, 4 + k]),
    });
  }
  candidateNames = (await db.candidate.findMany({ select: { name: true } })).map((c) => c.name);
});

/**
 * Removes candidates (their interviews and scorecards go with them) and users a test added: the
 * other tests expect the figures of the set-up above, whichever ran before them.
 */
async function removeAdded(added: { candidates: string[]; users: string[] }) {
  await db.candidate.deleteMany({ where: { id: { in: added.candidates } } });
  await db.user.deleteMany({ where: { id: { in: added.users } } });
}

const byName = (data: Awaited<ReturnType<typeof getCalibration>>) => new Map(data.interviewers.map((i) => [i.name, i]));

describe("getCalibration: the numbers", () => {
  it("the hiring manager of opening A: A's interviewers, with figures from A alone", async () => {
    const data = await getCalibration(viewer(users.manager.id, "hiring-manager"), {}, NOW);
    expect(data.scope).toBe("managed");
    const people = byName(data);
    expect([...people.keys()].sort()).toEqual(["Interviewer A", "Interviewer B", "Interviewer C"]);
    expect(data.totals).toEqual({ scorecards: 9, interviewers: 3, withLeniency: 2 });

    const a = people.get("Interviewer A")!;
    expect(a.stats.submitted).toBe(4); // not the draft, not opening B's two
    // turnarounds 1, 3, 5, 100 h: median 4; p90 at position 2.7 → 5 + 0.7 × 95 = 71.5
    expect(a.stats.turnaround).toEqual({ count: 4, medianHours: 4, p90Hours: expect.closeTo(71.5, 9), early: 0 });
    // A's ratings 3, 5, 4, 5 on three dimensions each (twelve), and one Not assessed
    expect(a.stats.overall).toEqual({ counts: [0, 0, 3, 3, 6], notAssessed: 1, total: 13 });
    expect(a.stats.notAssessedShare).toBeCloseTo(1 / 13, 12);
    expect(a.stats.noDecisionShare).toBe(1 / 4);
    expect(a.stats.redFlagShare).toBe(1 / 4);
    // one point above B on all 12 shared ratings: +1 exactly, a band of zero width; offsets ±0.5
    expect(a.leniency).toMatchObject({ shared: 12, meanDiff: 1, low: 1, high: 1, enough: true });
    expect(a.leniency.offset).toBeCloseTo(0.5, 9);
    expect(a.flags.map((f) => f.kind)).toEqual(["lenient"]); // 4 scorecards: too few for the share reasons
    const b = people.get("Interviewer B")!;
    expect(b.leniency).toMatchObject({ shared: 12, meanDiff: -1, enough: true });
    expect(b.flags.map((f) => f.kind)).toEqual(["severe"]);
    const c = people.get("Interviewer C")!;
    expect(c.leniency).toMatchObject({ shared: 0, meanDiff: null, enough: false });
    expect(c.stats.turnaround.medianHours).toBe(30);

    // agreement on the lead role: pairs (3,2) (5,4) (4,3) (5,4): MSB = 11/6, MSW = 1/2, ICC = 4/7
    expect(data.agreement.map((r) => r.slug)).toEqual(["lead-ai-platform-engineer"]);
    const [role] = data.agreement;
    const shared = role.dimensions.filter((d) => d.agreement.candidates > 0);
    expect(shared).toHaveLength(3);
    for (const d of shared)
      expect(d.agreement).toEqual({ icc: expect.closeTo(4 / 7, 9), candidates: 4, ratings: 8, label: "moderate" });
    expect(role.dimensions.find((d) => d.agreement.candidates === 0)?.agreement).toMatchObject({
      icc: null,
      label: null,
    }); // C's lone rating
  });

  it("a recruiter: every opening, so A's leniency mixes +1 in A and −2 in B", async () => {
    const data = await getCalibration(viewer(users.recruiter.id, "recruiter"), {}, NOW);
    expect(data.scope).toBe("all");
    const people = byName(data);
    expect([...people.keys()].sort()).toEqual(["Interviewer A", "Interviewer B", "Interviewer C", "Interviewer D"]);
    const a = people.get("Interviewer A")!;
    expect(a.stats.submitted).toBe(6);
    // hours 0 (2 h early), 1, 3, 5, 10, 100: median 4, p90 at position 4.5 → 10 + 0.5 × 90 = 55
    expect(a.stats.turnaround).toEqual({ count: 6, medianHours: 4, p90Hours: expect.closeTo(55, 9), early: 1 });
    // twelve +1 and six −2: mean 0; sd = √(36/17); band ± t(17)·sd/√18
    const half = (t95(17) * Math.sqrt(36 / 17)) / Math.sqrt(18);
    expect(a.leniency.shared).toBe(18);
    expect(a.leniency.meanDiff).toBeCloseTo(0, 12);
    expect(a.leniency.low).toBeCloseTo(-half, 9);
    expect(a.leniency.high).toBeCloseTo(half, 9);
    expect(a.flags).toEqual([]);
    expect(people.get("Interviewer D")!.leniency).toMatchObject({ shared: 6, meanDiff: 2, enough: false });
    expect(data.agreement.map((r) => r.slug).sort()).toEqual([
      "ai-platform-reliability-engineer",
      "lead-ai-platform-engineer",
    ]);
  });

  it("the hiring manager of opening B sees A and D, with A's figures from B alone", async () => {
    const people = byName(await getCalibration(viewer(users.manager2.id, "hiring-manager", "interviewer"), {}, NOW));
    expect([...people.keys()].sort()).toEqual(["Interviewer A", "Interviewer D"]);
    expect(people.get("Interviewer A")!.stats.submitted).toBe(2);
    expect(people.get("Interviewer A")!.leniency).toMatchObject({
      shared: 6,
      meanDiff: -2,
      enough: false,
      offset: null,
    });
  });

  it("filters by role and by period; an unknown role is no filter", async () => {
    const rec = viewer(users.recruiter.id, "recruiter");
    const rel = await getCalibration(rec, { roleSlug: "ai-platform-reliability-engineer" }, NOW);
    expect(rel.filters.roleSlug).toBe("ai-platform-reliability-engineer");
    expect([...byName(rel).keys()].sort()).toEqual(["Interviewer A", "Interviewer D"]);
    const recent = await getCalibration(rec, { sinceDays: 365 }, NOW);
    expect(recent.filters.sinceDays).toBe(365);
    expect(byName(recent).has("Interviewer C")).toBe(false); // 400 days ago
    expect(recent.totals.scorecards).toBe(12);
    const unknown = await getCalibration(rec, { roleSlug: "no-such-role" }, NOW);
    expect(unknown.filters.roleSlug).toBeNull();
    expect(unknown.totals.scorecards).toBe(13);
  });

  it("anyone else is refused: an interviewer, even one with scorecards", async () => {
    await expect(getCalibration(viewer(users.a.id, "interviewer"), {}, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCalibration(viewer(users.a.id), {}, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an erased candidate's scorecards still count; no candidate's name is ever in the result", async () => {
    const before = await getCalibration(viewer(users.recruiter.id, "recruiter"), {}, NOW);
    await eraseCandidate(viewer(users.recruiter.id, "recruiter"), erasable, {
      reason: "asked to be forgotten",
      confirm: "ERASE",
    });
    const after = await getCalibration(viewer(users.recruiter.id, "recruiter"), {}, NOW);
    expect(after.totals).toEqual(before.totals);
    expect(byName(after).get("Interviewer A")!.leniency).toEqual(byName(before).get("Interviewer A")!.leniency);
    const json = JSON.stringify([before, after]);
    for (const name of [...candidateNames, "Erased candidate"]) expect(json).not.toContain(name);
  });
});

describe("amendments, the org-wide offsets, and the cost", () => {
  const statements: string[] = [];
  const counting = createDb(env.database, { onQuery: (q) => statements.push(q) });
  afterAll(() => counting.$disconnect());
  const selects = () => statements.filter((q) => /^\s*select/i.test(q)).length;

  it("org-wide offsets (additive model, centred), cached until a scorecard changes", async () => {
    statements.length = 0;
    const first = (await getRaterOffsets(counting)).leniency;
    const cold = selects();
    // exact fit: b_B = b_A − 1, b_D = b_A + 2; centred over 18 + 12 + 6 observations → b_A = 0
    expect(first.get(users.a.id)).toMatchObject({ shared: 18, enough: true });
    expect(first.get(users.a.id)!.offset).toBeCloseTo(0, 6);
    expect(first.get(users.b.id)!.offset).toBeCloseTo(-1, 6);
    expect(first.get(users.d.id)).toMatchObject({ shared: 6, enough: false, offset: null });

    statements.length = 0;
    expect((await getRaterOffsets(counting)).leniency).toBe(first);
    expect(selects()).toBe(1); // the fingerprint only
    expect(cold).toBeGreaterThan(1);

    // A amends a scorecard (the app's own path): current content counts, and the cache follows
    const amend = (score: "4" | "5", baseVersion: number) => {
      const kit = { dimensionIds: leadDims, focusDimensionIds: [], redFlagIds: p.version.redFlags.map((f) => f.id) };
      const values = emptyValues(kit);
      for (const dim of amendable.dims) values.ratings[dim] = { score, evidence: "Re-read my notes." };
      values.keyTakeaways = "Amended take-aways.";
      values.recommendation = "yes";
      return amendScorecard(users.a.id, amendable.interviewId, {
        baseVersion,
        values,
        reason: "Typed the wrong ratings",
      });
    };
    await amend("4", 1); // was 5: now level with B + 0
    try {
      statements.length = 0;
      const next = (await getRaterOffsets(counting)).leniency;
      expect(next).not.toBe(first);
      expect(selects()).toBeGreaterThan(1);
      expect(next.get(users.a.id)!.meanDiff).not.toBeCloseTo(first.get(users.a.id)!.meanDiff!, 6);
      const page = byName(await getCalibration(viewer(users.manager.id, "hiring-manager"), {}, NOW)).get(
        "Interviewer A",
      )!;
      // the amended candidate: A = B on three dimensions, so 9 of A's 12 differences are +1
      expect(page.leniency.meanDiff).toBeCloseTo(9 / 12, 12);
      expect(page.stats.submitted).toBe(4);
      // everything in view: the page's leniency is the calibrated view's, interviewer by interviewer
      const all = await getCalibration(viewer(users.recruiter.id, "recruiter"), {}, NOW);
      for (const i of all.interviewers) {
        const o = next.get(i.id)!;
        expect([i.leniency.shared, i.leniency.offset]).toEqual([
          o.shared,
          o.offset === null ? null : expect.closeTo(o.offset, 9),
        ]);
        if (o.meanDiff !== null) expect(i.leniency.meanDiff).toBeCloseTo(o.meanDiff, 12);
      }
    } finally {
      await amend("5", 2); // amended back: the other tests count the ratings the set-up gave
    }
  });

  it("a bounded number of statements, whatever the number of scorecards", async () => {
    // filtered views, computed afresh (the page's own cache is per client)
    const count = async () => {
      statements.length = 0;
      await getCalibration(viewer(users.recruiter.id, "recruiter"), { sinceDays: 365 }, NOW, counting);
      await getCalibration(viewer(users.manager.id, "hiring-manager"), {}, NOW, counting);
      return selects();
    };
    const small = await count();
    const openingA = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
    const added: { candidates: string[]; users: string[] } = { candidates: [], users: [] };
    try {
      for (let k = 0; k < 6; k++) {
        const c = await createCandidate(db, { openingId: openingA, name: `Volume ${k}`, email: `vol${k}@example.com` });
        added.candidates.push(c.id);
        const who = await createUser(db, {
          email: `vol${k}@test.local`,
          name: `Volume Interviewer ${k}`,
          roles: ["interviewer"],
        });
        added.users.push(who.id);
        await card(c.id, who, { startDaysAgo: 2, hours: 1, ratings: leadDims.slice(0, 5).map((dim) => [dim, 3]) });
        await card(c.id, users.b, { startDaysAgo: 2, hours: 1, ratings: leadDims.slice(0, 5).map((dim) => [dim, 4]) });
      }
      expect(await count()).toBe(small);
    } finally {
      await removeAdded(added);
    }
  });
});

describe("the page's figures are kept while their inputs are unchanged", () => {
  const statements: string[] = [];
  const counting = createDb(env.database, { onQuery: (q) => statements.push(q) });
  afterAll(() => counting.$disconnect());
  const rec = () => viewer(users.recruiter.id, "recruiter");
  const get = () => getCalibration(rec(), {}, NOW, counting);

  it("answers from the cache after two fingerprint statements, and follows a rename, a new hiring manager, a reschedule and a submission", async () => {
    const first = await get();
    statements.length = 0;
    expect(await get()).toBe(first);
    expect(statements.filter((q) => /^\s*select/i.test(q))).toHaveLength(2);
    // another scope or filter is its own entry
    expect(await getCalibration(viewer(users.manager.id, "hiring-manager"), {}, NOW, counting)).not.toBe(first);

    await db.user.update({ where: { id: users.c.id }, data: { name: "Interviewer C (renamed)" } });
    const renamed = await get();
    expect(renamed.interviewers.map((i) => i.name)).toContain("Interviewer C (renamed)");
    await db.user.update({ where: { id: users.c.id }, data: { name: users.c.name } });

    // an opening handed to another hiring manager leaves the first one's scope at once
    const asManager = () => getCalibration(viewer(users.manager.id, "hiring-manager"), {}, NOW, counting);
    const openingA = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
    expect((await asManager()).interviewers.length).toBeGreaterThan(0);
    await db.opening.update({ where: { id: openingA }, data: { hiringManagerId: users.manager2.id } });
    try {
      expect((await asManager()).interviewers).toEqual([]);
    } finally {
      await db.opening.update({ where: { id: openingA }, data: { hiringManagerId: users.manager.id } });
    }
    expect((await asManager()).interviewers.length).toBeGreaterThan(0);

    const one = await db.interview.findFirstOrThrow({
      where: { interviewerId: users.a.id, scorecard: { status: "submitted" } },
      select: { id: true, scheduledAt: true },
    });
    const before = (await get()).interviewers.find((i) => i.id === users.a.id)!.stats.turnaround;
    await db.interview.update({
      where: { id: one.id },
      data: { scheduledAt: new Date(one.scheduledAt.getTime() - 30 * DAY) },
    });
    const after = (await get()).interviewers.find((i) => i.id === users.a.id)!.stats.turnaround;
    expect(after).not.toEqual(before);
    await db.interview.update({ where: { id: one.id }, data: { scheduledAt: one.scheduledAt } });

    const c = await createCandidate(db, {
      openingId: (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId,
      name: "Cache probe",
      email: "probe@example.com",
    });
    try {
      const submitted = (await get()).interviewers.find((i) => i.id === users.d.id)!.stats.submitted;
      await card(c.id, users.d, { startDaysAgo: 400, hours: 1, ratings: [[leadDims[0], 3]] });
      expect((await get()).interviewers.find((i) => i.id === users.d.id)!.stats.submitted).toBe(submitted + 1);
    } finally {
      await removeAdded({ candidates: [c.id], users: [] });
    }
  });
});

describe("GET /api/calibration.csv", () => {
  const get = (query = "") => csvRoute(new Request(`http://localhost/api/calibration.csv${query}`));

  it("refuses the signed-out (401) and interviewers (404), as the page does", async () => {
    session.user = null;
    expect((await get()).status).toBe(401);
    session.user = { ...users.a, email: "interviewer-a@test.local", roles: ["interviewer"] };
    const res = await get();
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Interviewer");
  });

  it("gives a hiring manager their scope only, with the page's filters, as the page's table", async () => {
    session.user = { ...users.manager2, email: "manager2@test.local", roles: ["hiring-manager", "interviewer"] };
    const res = await get("?sort=name");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Interviewer,Scorecards submitted,Turnaround median \(hours\),/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["Interviewer A", "Interviewer D"]);
    const data = await getCalibration(viewer(users.manager2.id, "hiring-manager", "interviewer"), {}, NOW);
    const expected = calibrationCsvRows(data.interviewers.filter((i) => i.name === "Interviewer A")).body[0];
    expect(lines[1].split(",").slice(0, 10)).toEqual(expected.slice(0, 10).map((v) => (v === null ? "" : String(v))));
  });

  it("filters by period; unknown parameters fall back to the defaults", async () => {
    session.user = { ...users.recruiter, email: "recruiter@test.local", roles: ["recruiter"] };
    const all = (await (await get("?period=bogus&sort=nope")).text()).trimEnd().split("\r\n");
    const recent = (await (await get("?period=365")).text()).trimEnd().split("\r\n");
    expect(all.some((l) => l.startsWith("Interviewer C,"))).toBe(true);
    expect(recent.some((l) => l.startsWith("Interviewer C,"))).toBe(false);
    expect((await get("?period=90&role=lead-ai-platform-engineer")).headers.get("content-disposition")).toContain(
      "interviewer-calibration-lead-ai-platform-engineer-last-90-days.csv",
    );
  });
});
