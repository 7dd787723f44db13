// Calibration drills (docs/decisions/080-calibration-drills.md) on a real database: an admin writes
// and publishes a drill; interviewers rate it once; nobody sees the consensus or others' drill
// ratings before their own submission (data layer, app route, /api/v1); two submissions at once
// leave exactly one attempt; drill ratings link two raters who share no candidate in the leniency
// model, and the kept offsets and calibration figures move with a drill submission (their fingerprint).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getCalibration } from "@/lib/data/calibration";
import {
  createDrill,
  getDrillForRater,
  listDrillsForRater,
  setDrillStatus,
  submitDrillAttempt,
  updateDrill,
} from "@/lib/data/drills";
import { getRaterOffsets } from "@/lib/data/rater-offsets";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { AppRole } from "@/lib/domain/vocabulary";
import { recomputeAllScores, verifyScores } from "@/lib/data/candidate-scores";
import { createCandidate, createUser } from "@/seed/factories";
import { createPanel, submittedRatings } from "../support/panel";
import { fulfilled, race, rejected } from "../support/race";
import { session } from "@/tests/support/auth-stand-in";

vi.mock("@/lib/auth", () => import("@/tests/support/auth-stand-in"));
const attemptRoute = (await import("@/app/api/drills/[id]/attempt/route")).POST;
const createRoute = (await import("@/app/api/admin/drills/route")).POST;

let p: Awaited<ReturnType<typeof createPanel>>;
let admin: { id: string; roles: AppRole[] };
let exerciseId: string;
let dims: string[];
const as = (u: { id: string }, ...roles: AppRole[]) => ({
  id: u.id,
  roles: roles.length ? roles : (["interviewer"] as AppRole[]),
});

const signIn = (u: { id: string; roles: AppRole[] }) =>
  (session.user = { id: u.id, roles: u.roles, email: `${u.id}@test.local`, name: "Signed in" });

/** Every dimension rated `score` (or by the function), with evidence. */
const values = (score: string | ((i: number) => string)) => ({
  ratings: Object.fromEntries(
    dims.map((d, i) => [d, { score: typeof score === "string" ? score : score(i), evidence: `Seen for ${i}` }]),
  ),
});

async function publishedDrill(
  title: string,
  consensusMode: "admin" | "raters",
  consensus: Record<string, string> = {},
) {
  const d = await createDrill(admin, {
    exerciseId,
    title,
    reference: "The candidate walked through…",
    consensusMode,
    consensus,
  });
  await setDrillStatus(admin, d.id, { status: "published" });
  return d.id;
}

beforeAll(async () => {
  p = await createPanel(db);
  const u = await createUser(db, { email: "admin@test.local", name: "Admin", roles: ["admin"] });
  admin = { id: u.id, roles: ["admin"] };
  const ex = await db.exercise.findFirstOrThrow({
    where: { versionId: p.version.id, dimensions: { some: {} } },
    orderBy: { position: "asc" },
    select: { id: true, dimensions: { orderBy: { position: "asc" }, select: { dimensionId: true } } },
  });
  exerciseId = ex.id;
  dims = ex.dimensions.map((d) => d.dimensionId);
});

describe("writing and publishing a drill", () => {
  it("is the admins': others are refused, the form is checked against the exercise, every step audited", async () => {
    await expect(
      createDrill(as(p.users.a), { exerciseId, title: "X", reference: "Y", consensusMode: "raters" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createDrill(admin, { exerciseId, title: "X", reference: "Y", consensusMode: "admin", consensus: {} }),
    ).rejects.toMatchObject({ fieldErrors: { consensus: ["Set the consensus rating of at least one dimension"] } });
    await expect(
      createDrill(admin, { exerciseId, title: "X", reference: "Y", consensusMode: "admin", consensus: { nope: "3" } }),
    ).rejects.toMatchObject({ fieldErrors: { "consensus.nope": ["This dimension is not part of the exercise"] } });
    await expect(
      createDrill(admin, { exerciseId, title: "X", reference: "y".repeat(8001), consensusMode: "raters" }),
    ).rejects.toBeInstanceOf(ValidationError);
    const d = await createDrill(admin, {
      exerciseId,
      title: "Draft",
      reference: "Text",
      consensusMode: "admin",
      consensus: { [dims[0]]: "3" },
    });
    expect(d.status).toBe("draft");
    // a draft is nobody's to rate or see
    expect((await listDrillsForRater(as(p.users.a))).map((x) => x.id)).not.toContain(d.id);
    await expect(getDrillForRater(as(p.users.a), d.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitDrillAttempt(as(p.users.a), d.id, values("3"))).rejects.toBeInstanceOf(NotFoundError);
    await updateDrill(admin, d.id, {
      exerciseId,
      title: "Draft 2",
      reference: "Text",
      consensusMode: "admin",
      consensus: { [dims[0]]: "4" },
    });
    await setDrillStatus(admin, d.id, { status: "published" });
    // published is fixed; publishing twice is a conflict
    await expect(
      updateDrill(admin, d.id, { exerciseId, title: "Late", reference: "Text", consensusMode: "raters" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(setDrillStatus(admin, d.id, { status: "published" })).rejects.toBeInstanceOf(ConflictError);
    const log = await db.auditLog.findMany({ where: { entityType: "Drill", entityId: d.id }, orderBy: { at: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["drill.created", "drill.updated", "drill.published"]);
    expect((await db.drillConsensus.findMany({ where: { drillId: d.id } })).map((c) => c.rating)).toEqual([4]);
  });

  it("publishing at once from several tabs: one wins", async () => {
    const d = await createDrill(admin, { exerciseId, title: "Race", reference: "Text", consensusMode: "raters" });
    const results = await race(6, () => setDrillStatus(admin, d.id, { status: "published" }));
    expect(fulfilled(results)).toHaveLength(1);
    expect(rejected(results).every((e) => e instanceof ConflictError)).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: d.id, action: "drill.published" } })).toBe(1);
  });
});

describe("editing and publishing at once", () => {
  it("edits racing a publication: each edit whole or refused, the published drill one edit's text and consensus", async () => {
    const d = await createDrill(admin, {
      exerciseId,
      title: "E start",
      reference: "Text",
      consensusMode: "admin",
      consensus: { [dims[0]]: "1" },
    });
    const results = await race(7, (i) =>
      i === 3
        ? setDrillStatus(admin, d.id, { status: "published" })
        : updateDrill(admin, d.id, {
            exerciseId,
            title: `E${i}`,
            reference: "Text",
            consensusMode: "admin",
            consensus: { [dims[0]]: String((i % 5) + 1) },
          }),
    );
    expect(rejected(results).every((e) => e instanceof ConflictError)).toBe(true);
    expect(results[3].status).toBe("fulfilled");
    const row = await db.drill.findUniqueOrThrow({ where: { id: d.id }, select: { status: true, title: true } });
    expect(row.status).toBe("published");
    const consensus = await db.drillConsensus.findMany({ where: { drillId: d.id } });
    const i = row.title === "E start" ? 0 : Number(row.title.slice(1));
    expect(consensus.map((c) => c.rating)).toEqual([row.title === "E start" ? 1 : (i % 5) + 1]);
  });
});

describe("rating a drill", () => {
  let drillId: string;
  beforeAll(async () => {
    // the consensus: 3 on every dimension but the first, 5 there
    drillId = await publishedDrill(
      "Admin consensus",
      "admin",
      Object.fromEntries(dims.map((d, i) => [d, i === 0 ? "5" : "3"])),
    );
  });

  it("shows nothing of the consensus before one's own submission", async () => {
    const before = await getDrillForRater(as(p.users.a), drillId);
    expect(before).toMatchObject({ own: null, result: null });
    expect(before.dimensions.map((d) => d.id)).toEqual(dims);
    expect(JSON.stringify(before)).not.toMatch(/"consensus|"rating"|"deviation"/i);
    expect((await listDrillsForRater(as(p.users.a))).find((x) => x.id === drillId)).toMatchObject({
      submittedAt: null,
    });
    // only interviewers take drills
    await expect(getDrillForRater(as(p.users.manager, "hiring-manager"), drillId)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("the app route denies the consensus too: the only answer with it is one's own submission's", async () => {
    signIn(as(p.users.b));
    const res = await attemptRoute(
      new Request(`http://localhost/api/drills/${drillId}/attempt`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost" },
        body: JSON.stringify({ ratings: {} }),
      }),
      { params: Promise.resolve({ id: drillId }) },
    );
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(JSON.stringify(body)).not.toMatch(/"consensus|"deviation"/i);
    expect(body.error.fields[`ratings.${dims[0]}.score`]).toEqual(["Rate this dimension, or mark it Not assessed"]);
    expect(await db.drillAttempt.count({ where: { drillId } })).toBe(0);
  });

  it("refuses an incomplete submission and unknown dimensions, then takes a complete one and shows the deviation", async () => {
    await expect(submitDrillAttempt(as(p.users.a), drillId, values("na"))).rejects.toMatchObject({
      fieldErrors: { ratings: [expect.stringMatching(/Rate at least one dimension/)] },
    });
    await expect(
      submitDrillAttempt(as(p.users.a), drillId, {
        ratings: { ...values("3").ratings, stranger: { score: "3", evidence: "" } },
      }),
    ).rejects.toMatchObject({
      fieldErrors: { "ratings.stranger.score": ["This dimension is not part of the drill's exercise"] },
    });
    expect(await db.drillAttempt.count()).toBe(0);
    // A: 4 everywhere, the last dimension Not assessed
    const last = dims.length - 1;
    const r = await submitDrillAttempt(
      as(p.users.a),
      drillId,
      values((i) => (i === last ? "na" : "4")),
    );
    const devs = r.result!.deviation.dimensions.map((d) => d.deviation);
    // first: 4 − 5 = −1; the others 4 − 3 = +1; the last not assessed
    expect(devs).toEqual(dims.map((_, i) => (i === 0 ? -1 : i === last ? null : 1)));
    const n = dims.length - 1;
    expect(r.result!.deviation.n).toBe(n);
    expect(r.result!.deviation.meanDeviation).toBeCloseTo((n - 2) / n, 12);
    expect(r.result!.deviation.meanAbsDeviation).toBe(1);
    expect(r.own!.find((o) => o.dimensionId === dims[0])).toEqual({
      dimensionId: dims[0],
      rating: 4,
      notAssessed: false,
      evidence: "Seen for 0",
    });
    // final: a second submission is refused, the first kept
    await expect(submitDrillAttempt(as(p.users.a), drillId, values("1"))).rejects.toBeInstanceOf(ConflictError);
    expect(await db.drillRating.count({ where: { attempt: { drillId }, rating: 1 } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: drillId, action: "drill.attempt.submitted" } })).toBe(1);
  });

  it("two (and more) submissions at once: exactly one attempt", async () => {
    const results = await race(6, (i) => submitDrillAttempt(as(p.users.c), drillId, values(String((i % 5) + 1))));
    expect(fulfilled(results)).toHaveLength(1);
    expect(rejected(results).every((e) => e instanceof ConflictError)).toBe(true);
    expect(await db.drillAttempt.count({ where: { drillId, raterId: p.users.c.id } })).toBe(1);
    expect(await db.drillRating.count({ where: { attempt: { drillId, raterId: p.users.c.id } } })).toBe(dims.length);
  });

  it("an archived drill takes no more ratings, and stays visible only to those who took it", async () => {
    await setDrillStatus(admin, drillId, { status: "archived" });
    await expect(submitDrillAttempt(as(p.users.b), drillId, values("3"))).rejects.toBeInstanceOf(ConflictError);
    await expect(getDrillForRater(as(p.users.b), drillId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDrillForRater(as(p.users.a), drillId)).result).not.toBeNull();
    expect((await listDrillsForRater(as(p.users.b))).map((x) => x.id)).not.toContain(drillId);
  });
});

describe("a consensus emerging from the raters", () => {
  it("is the mean of the other raters' ratings, with n, not enough below three", async () => {
    const id = await publishedDrill("Raters' consensus", "raters");
    const d = await createUser(db, { email: "d@test.local", name: "D", roles: ["interviewer"] });
    const first = await submitDrillAttempt(as(p.users.a), id, values("2"));
    // nobody else yet: no consensus, no deviation
    expect(first.result!.deviation).toMatchObject({ n: 0, meanDeviation: null });
    await submitDrillAttempt(as(p.users.b), id, values("4"));
    await submitDrillAttempt(as(p.users.c), id, values("5"));
    const again = await getDrillForRater(as(p.users.a), id);
    // for A: others B 4 and C 5 → 4.5 from 2 raters, not enough: shown, left out of the mean
    expect(again.result!.deviation.dimensions[0]).toMatchObject({
      own: 2,
      deviation: -2.5,
      consensus: { value: 4.5, raters: 2, enough: false },
    });
    expect(again.result!.deviation.meanDeviation).toBeNull();
    await submitDrillAttempt(as(d), id, values("3"));
    // for A: (4 + 5 + 3) / 3 = 4 from 3: enough; A is 2 below
    const enough = await getDrillForRater(as(p.users.a), id);
    expect(enough.result!.deviation).toMatchObject({ n: dims.length, meanDeviation: -2, meanAbsDeviation: 2 });
    // for D: (2 + 4 + 5) / 3 = 11/3, D's own 3 never in it
    const forD = await getDrillForRater(as(d), id);
    expect(forD.result!.deviation.dimensions[0].consensus!.value).toBeCloseTo(11 / 3, 12);
  });
});

describe("drill ratings in the leniency model", () => {
  it("link two raters who share no candidate; the kept offsets and calibration figures move with the submission", async () => {
    // fresh raters X and Y, each with one submitted scorecard on a different candidate
    const x = await createUser(db, { email: "x@test.local", name: "Rater X", roles: ["interviewer"] });
    const y = await createUser(db, { email: "y@test.local", name: "Rater Y", roles: ["interviewer"] });
    await submittedRatings(db, p.candidates.cand1.id, x.id, dims, () => 4);
    await submittedRatings(db, p.candidates.cand2.id, y.id, dims, () => 2);
    const recruiter = { id: p.users.recruiter.id, roles: ["recruiter"] as AppRole[] };
    const before = await getRaterOffsets(db);
    const calBefore = await getCalibration(recruiter);
    const xBefore = calBefore.interviewers.find((i) => i.id === x.id)!;
    // X shares candidate 1 with nobody before the drill (A and B have no submitted scorecard there)
    expect(before.leniency.get(x.id)?.shared ?? 0).toBe(0);
    expect(xBefore).toMatchObject({ drillShared: 0, drift: null });

    const id = await publishedDrill("Link", "admin", Object.fromEntries(dims.map((d) => [d, "3"])));
    await submitDrillAttempt(as(x), id, values("4"));
    await submitDrillAttempt(as(y), id, values("2"));

    const after = await getRaterOffsets(db);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    // on the drill, X is 2 above Y on every dimension: mean difference +2 and −2 over the drill's cells
    expect(after.leniency.get(x.id)).toMatchObject({ shared: dims.length, meanDiff: 2 });
    expect(after.leniency.get(y.id)).toMatchObject({ shared: dims.length, meanDiff: -2 });

    const cal = await getCalibration(recruiter);
    const cx = cal.interviewers.find((i) => i.id === x.id)!;
    expect(cx.leniency).toMatchObject({ shared: dims.length, meanDiff: 2 });
    expect(cx.drillShared).toBe(dims.length);
    // drift: one attempt, 4 against 3 on every dimension: +1
    expect(cx.drift!.points).toEqual([
      expect.objectContaining({ drillId: id, meanDeviation: 1, n: dims.length, title: "Link" }),
    ]);
    expect(cx.drift!.slope).toBeNull();
  });

  it("with enough drill ratings the offsets apply, and the stored scores of a role on calibrated scores follow", async () => {
    const rp = await createUser(db, { email: "p2@test.local", name: "Rater P", roles: ["interviewer"] });
    const rq = await createUser(db, { email: "q2@test.local", name: "Rater Q", roles: ["interviewer"] });
    const { openingId } = await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } });
    const only = (name: string) =>
      createCandidate(db, { openingId, name, email: `${name.replace(" ", "")}@example.com`, stage: "interviewing" });
    const cp = await only("Only P");
    const cq = await only("Only Q");
    const stored = async (candidateId: string) =>
      (await db.candidateScore.findUniqueOrThrow({ where: { candidateId } })).score;
    await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { recommendOn: "calibrated" } });
    try {
      await submittedRatings(db, cp.id, rp.id, dims, () => 4);
      await submittedRatings(db, cq.id, rq.id, dims, () => 4);
      // a fixture past the write paths: the stored scores follow (docs/decisions/060)
      await recomputeAllScores(db);
      expect(await stored(cp.id)).toBeCloseTo(4, 9);
      // three drills, P a point above Q on every dimension: 3 × the exercise's dimensions shared each
      for (let k = 0; k < 3; k++) {
        const id = await publishedDrill(`Enough ${k}`, "raters");
        await submitDrillAttempt(as(rp), id, values("4"));
        await submitDrillAttempt(as(rq), id, values("3"));
      }
      expect(3 * dims.length).toBeGreaterThanOrEqual(10);
      const { leniency } = await getRaterOffsets(db);
      expect(leniency.get(rp.id)).toMatchObject({ shared: 3 * dims.length, meanDiff: 1, enough: true });
      // two raters one point apart, centred: ±0.5 (docs/decisions/039)
      expect(leniency.get(rp.id)!.offset).toBeCloseTo(0.5, 6);
      expect(leniency.get(rq.id)!.offset).toBeCloseTo(-0.5, 6);
      // written in the drill submissions' transactions: P's candidate 4 − 0.5, Q's 4 + 0.5
      expect(await stored(cp.id)).toBeCloseTo(3.5, 6);
      expect(await stored(cq.id)).toBeCloseTo(4.5, 6);
      expect(await verifyScores(db)).toEqual([]);
    } finally {
      await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { recommendOn: "raw" } });
      await recomputeAllScores(db);
    }
  });
});

describe("hostile input on the app's drill routes", () => {
  it("answers 4xx and stores nothing", async () => {
    signIn(admin);
    const post = (body: string, type = "application/json") =>
      createRoute(
        new Request("http://localhost/api/admin/drills", {
          method: "POST",
          headers: { "content-type": type, origin: "http://localhost" },
          body,
        }),
      );
    const count = await db.drill.count();
    const base = { exerciseId, title: "Hostile", reference: "ok", consensusMode: "raters" };
    for (const [body, type] of [
      [JSON.stringify({ ...base, title: "bad \u0000 nul" }), "application/json"],
      [JSON.stringify({ ...base, reference: "lone \ud800 surrogate" }), "application/json"],
      ['{"__proto__": {"x": 1}, "exerciseId": "e"}', "application/json"],
      [JSON.stringify({ ...base, consensus: { constructor: "3" } }), "application/json"],
      [JSON.stringify(base), "text/plain"],
      [JSON.stringify({ ...base, reference: "x".repeat(300_000) }), "application/json"],
      ["{not json", "application/json"],
    ] as const) {
      const res = await post(body, type);
      expect(res.status, body.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(res.status, body.slice(0, 60)).toBeLessThan(500);
    }
    expect(await db.drill.count()).toBe(count);
  });
});
