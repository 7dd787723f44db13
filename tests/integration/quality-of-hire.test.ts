// Quality of hire (docs/decisions/079-quality-of-hire.md) on a real database (SQLite, or PostgreSQL
// with TEST_DATABASE_URL) and a real SMTP server on 127.0.0.1: a hire's check-ins come due after
// each period and are reminded once (in-app and e-mail), skipped when the decision was revised
// away from Hire or the check-in is in; a check-in is submitted once (two at once: one lands, the
// other 409), only by the opening's hiring manager or an admin, with hostile input refused whole;
// the role's report shows r with its interval only from the minimum n, withholds candidates the
// viewer still owes a scorecard on, and suggests weights without changing any.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInForm, checkInsDueFor, submitCheckIn } from "@/lib/data/check-ins";
import { queueCheckInReminders } from "@/lib/data/check-in-reminders";
import { recordDecision } from "@/lib/data/decisions";
import { migrateOpening } from "@/lib/data/opening-migration";
import { getQualityOfHire } from "@/lib/data/quality-of-hire";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { getRoleTemplate, toRoleTemplateJson } from "@/lib/data/role-templates";
import { runReminders } from "@/lib/data/reminders";
import { db } from "@/lib/db";
import { fisherInterval, MIN_PAIRS } from "@/lib/domain/quality-of-hire";
import type { AppRole } from "@/lib/domain/vocabulary";
import { AppError, ValidationError } from "@/lib/errors";
import { roleTemplateSchema } from "@/lib/validations/role-template";
import { createMailer, type Mailer } from "@/lib/mail";
import { createCandidate, createInterview, createScorecard, createUser } from "@/seed/factories";
import { startMailbox, type Mailbox } from "../support/mailbox";
import { createPanel } from "../support/panel";
import { fulfilled, race, rejected } from "../support/race";

const DAY = 86_400_000;
const PERIODS = [90, 365];
let box: Mailbox;
let mailer: Mailer;
let p: Awaited<ReturnType<typeof createPanel>>;
let dims: { id: string; name: string }[] = [];
const hires: { id: string; x: number }[] = [];
let admin: { id: string };
let otherManager: { id: string };
let t0 = 0;
let openingId = "";
const v = (id: string, ...roles: AppRole[]) => ({ id, roles });
const manager = () => v(p.users.manager.id, "hiring-manager");
const at90 = () => new Date(t0 + 91 * DAY);

/** An interviewer's submitted scorecard on a new candidate of the panel's opening, every dimension at x. */
async function ratedCandidate(k: number, x: number) {
  const ex = p.version.exercises[0];
  const c = await createCandidate(db, {
    openingId,
    name: `Hire ${k}`,
    email: `hire-${k}@example.com`,
    stage: "interviewing",
  });
  const i = await createInterview(db, {
    candidateId: c.id,
    interviewerId: p.users.a.id,
    exerciseId: ex.id,
    scheduledAt: new Date(Date.now() - 3 * 3600_000),
    focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
  });
  await createScorecard(db, {
    interview: i,
    ratings: dims.map((d) => ({ dimensionId: d.id, rating: x, evidence: "Seen in the exercise." })),
    recommendation: "yes",
  });
  return c;
}

const decide = (candidateId: string, outcome: "hire" | "no-hire" | "hold", previousDecisionId: string | null = null) =>
  recordDecision(manager(), candidateId, {
    outcome,
    rationale: "Debrief held; the panel's evidence was discussed in full.",
    overrideReason: "The debrief weighed the exercise more than the numbers do.",
    previousDecisionId,
  });

/** A complete check-in: dimension 0 rated as in the interview, dimension 1 as given, the rest Not assessed. */
const values = (x: number, second: number, overall = x) => ({
  periodDays: 90,
  ratings: Object.fromEntries(dims.map((d, i) => [d.id, i === 0 ? String(x) : i === 1 ? String(second) : "na"])),
  overall: String(overall),
  wouldHireAgain: x >= 3 ? "yes" : "no",
});

const statusOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return 200;
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
};

beforeAll(async () => {
  box = await startMailbox();
  mailer = createMailer(box.url, "Scorecards <scorecards@test.local>");
  p = await createPanel(db);
  openingId = (
    await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id }, select: { openingId: true } })
  ).openingId;
  // the panel's own interviews are not this file's: no scorecard reminders for them
  await db.interview.updateMany({ data: { status: "cancelled" } });
  await db.user.update({ where: { id: p.users.recruiter.id }, data: { remindersPaused: true } });
  dims = await db.dimension.findMany({
    where: { versionId: p.version.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  admin = await createUser(db, { email: "qoh-admin@test.local", name: "Admin", roles: ["admin"] });
  otherManager = await createUser(db, { email: "qoh-other@test.local", name: "Other", roles: ["hiring-manager"] });
  t0 = Date.now();
  // twelve hires, interview scores 1..5 repeating
  for (let k = 0; k < 12; k++) {
    const x = 1 + (k % 5);
    const c = await ratedCandidate(k, x);
    await decide(c.id, "hire");
    hires.push({ id: c.id, x });
  }
});
afterAll(async () => {
  mailer.close();
  await box.close();
});

describe("check-ins come due and are reminded once", () => {
  it("nothing before the period; then one reminder per hire, once however many workers; skipped when revised or submitted", async () => {
    expect(await queueCheckInReminders(new Date(t0 + 89 * DAY), PERIODS)).toBe(0);
    expect(await checkInsDueFor(manager(), new Date(t0 + 89 * DAY))).toEqual([]);

    // queued at 90 days, then: one decision revised to No hire, one check-in already in
    expect(await queueCheckInReminders(at90(), PERIODS)).toBe(12);
    const revised = hires[10];
    const latest = await db.decision.findFirstOrThrow({ where: { candidateId: revised.id }, select: { id: true } });
    await decide(revised.id, "no-hire", latest.id);
    await submitCheckIn(manager(), hires[11].id, values(hires[11].x, 3), at90());

    // two workers at once
    const [a, b] = await Promise.all([
      runReminders({ now: at90(), mailer, checkInDays: PERIODS }),
      runReminders({ now: at90(), mailer, checkInDays: PERIODS }),
    ]);
    expect(a.sent + b.sent).toBe(10);
    expect(a.checkInsQueued + b.checkInsQueued).toBe(0);
    const mails = box.to("manager@test.local");
    expect(mails).toHaveLength(10);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(10);
    const first = mails.find((m) => m.text.includes(`/candidates/${hires[0].id}/check-in/90`))!;
    expect(first.subject).toBe("90-day check-in: how is Hire 0 doing? — Test opening");
    expect(first.html).toContain(`/candidates/${hires[0].id}/check-in/90"`);
    const rows = await db.reminder.findMany({
      where: { kind: "checkin", key: { in: [`checkin:${revised.id}:90`, `checkin:${hires[11].id}:90`] } },
      orderBy: { key: "asc" },
      select: { key: true, status: true, lastError: true },
    });
    expect(rows.map((r) => r.lastError).sort()).toEqual([
      "check-in already submitted",
      "the decision was revised: no longer a hire",
    ]);

    // later passes send nothing more; nothing for 365 yet
    const again = await runReminders({ now: new Date(at90().getTime() + DAY), mailer, checkInDays: PERIODS });
    expect(again).toMatchObject({ sent: 0, checkInsQueued: 0 });
    expect(box.to("manager@test.local")).toHaveLength(10);

    // the in-app notice: the due ones not yet submitted, to the opening's hiring manager only
    const due = await checkInsDueFor(manager(), at90(), 50);
    expect(due.map((d) => d.candidateId).sort()).toEqual(
      hires
        .slice(0, 10)
        .map((h) => h.id)
        .sort(),
    );
    expect(due[0]).toMatchObject({ periodDays: 90, href: `/candidates/${due[0].candidateId}/check-in/90` });
    expect(await checkInsDueFor(v(otherManager.id, "hiring-manager"), at90())).toEqual([]);
    expect(await checkInsDueFor(v(p.users.recruiter.id, "recruiter"), at90())).toEqual([]);
    // 60 days past due the notice lets it go (the page still takes it); the 365-day one is not due yet
    expect(await checkInsDueFor(manager(), new Date(t0 + 151 * DAY), 50)).toEqual([]);
    expect(await queueCheckInReminders(new Date(t0 + 151 * DAY), PERIODS)).toBe(0);
  });
});

describe("submitting a check-in", () => {
  it("only the opening's hiring manager or an admin; others are refused and nothing is stored", async () => {
    const h = hires[0];
    const input = values(h.x, 3);
    expect(await statusOf(submitCheckIn(v(p.users.recruiter.id, "recruiter"), h.id, input, at90()))).toBe(403);
    expect(await statusOf(submitCheckIn(v(otherManager.id, "hiring-manager"), h.id, input, at90()))).toBe(404);
    expect(await statusOf(submitCheckIn(v(p.users.a.id, "interviewer"), h.id, input, at90()))).toBe(404);
    expect(await statusOf(checkInForm(v(p.users.recruiter.id, "recruiter"), h.id, 90, at90()))).toBe(403);
    expect(await statusOf(checkInForm(v(otherManager.id, "hiring-manager"), h.id, 90, at90()))).toBe(404);
    expect(await statusOf(checkInForm(manager(), h.id, 45, at90()))).toBe(404);
    // not due yet; a period the app does not ask; not a hire
    expect(await statusOf(submitCheckIn(manager(), h.id, input, new Date(t0 + 30 * DAY)))).toBe(409);
    expect(await statusOf(submitCheckIn(manager(), h.id, { ...input, periodDays: 45 }, at90()))).toBe(422);
    expect(await statusOf(submitCheckIn(manager(), hires[10].id, input, at90()))).toBe(409);
    expect(await db.hireCheckIn.count({ where: { candidateId: h.id } })).toBe(0);
    // an admin may
    expect(await statusOf(submitCheckIn(v(admin.id, "admin"), hires[1].id, values(hires[1].x, 3), at90()))).toBe(200);
  });

  it("refuses hostile and incomplete input whole, with the field it is about", async () => {
    const h = hires[2];
    const good = values(h.x, 3);
    const fields = async (input: unknown) => {
      try {
        await submitCheckIn(manager(), h.id, input, at90());
      } catch (e) {
        if (e instanceof ValidationError) return Object.keys(e.fieldErrors);
        throw e;
      }
      throw new Error("accepted");
    };
    expect(await fields({ ...good, overall: "" })).toEqual(["overall"]);
    expect(await fields({ ...good, overall: "9" })).toEqual(["overall"]);
    expect(await fields({ ...good, wouldHireAgain: "" })).toEqual(["wouldHireAgain"]);
    expect(await fields({ ...good, ratings: { ...good.ratings, [dims[0].id]: "" } })).toEqual([
      `ratings.${dims[0].id}`,
    ]);
    expect(await fields({ ...good, ratings: { ...good.ratings, unknown: "3" } })).toEqual(["ratings.unknown"]);
    expect(await fields({ ...good, ratings: Object.fromEntries(dims.map((d) => [d.id, "na"])) })).toEqual(["ratings"]);
    expect(await fields({ ...good, extra: 1 })).toEqual(["form"]);
    expect(
      await fields(JSON.parse(`{"periodDays":90,"ratings":{"__proto__":"3"},"overall":"3","wouldHireAgain":"yes"}`)),
    ).toEqual(["ratings.__proto__"]);
    const nul = await fields({ ...good, ratings: { ...good.ratings, ["a\u0000b"]: "3" } });
    expect(nul.length).toBeGreaterThan(0);
    expect(await fields({ ...good, ratings: { ...good.ratings, ["\ud800"]: "3" } })).not.toEqual([]);
    expect(await fields("not an object")).toEqual(["form"]);
    expect(await db.hireCheckIn.count({ where: { candidateId: h.id } })).toBe(0);
    expect(await db.hireCheckInRating.count({ where: { checkIn: { candidateId: h.id } } })).toBe(0);
  });

  it("two submits at once: exactly one lands, the other is told it is in already (409)", async () => {
    const h = hires[3];
    const results = await race(4, (i) => submitCheckIn(manager(), h.id, values(h.x, 1 + i), at90()));
    expect(fulfilled(results)).toHaveLength(1);
    const errors = rejected(results);
    expect(errors).toHaveLength(3);
    for (const e of errors)
      expect(e).toMatchObject({ status: 409, message: expect.stringMatching(/submitted already/) });
    expect(await db.hireCheckIn.count({ where: { candidateId: h.id } })).toBe(1);
    expect(await db.hireCheckInRating.count({ where: { checkIn: { candidateId: h.id } } })).toBe(dims.length);
    expect(await db.auditLog.count({ where: { action: "checkin.submitted", entityId: h.id } })).toBe(1);
    const form = await checkInForm(manager(), h.id, 90, at90());
    expect(form.submitted).toMatchObject({ overall: h.x });
  });
});

describe("the role's report", () => {
  const slug = "lead-ai-platform-engineer";
  it("below the minimum n only says how many are needed; from it, r with its Fisher-z interval", async () => {
    // in so far: hires 1, 3, 11 (3 of 10)
    const early = await getQualityOfHire(manager(), slug);
    const p90 = early.periods.find((x) => x.periodDays === 90)!;
    expect(p90.checkIns).toBe(3);
    expect(p90.dimensions[0].correlation).toEqual({ n: 3, shown: false, needed: MIN_PAIRS, reason: "too few pairs" });
    expect(JSON.stringify(p90.dimensions)).not.toContain('"r"');
    expect(p90.suggestion).toBeNull();
    expect(early.warning).toMatch(/range restriction/i);
    expect(early.periods.map((x) => x.periodDays)).toEqual([90, 365]);

    // the rest of hires 0..9 (hire 10 is no longer a hire): dimension 1 rated in a pattern worked out below
    const second = [2, 2, 4, 3, 3, 5, 1, 4, 4, 2, 0, 3];
    for (const k of [0, 2, 4, 5, 6, 7, 8, 9])
      await submitCheckIn(manager(), hires[k].id, values(hires[k].x, second[k]), at90());
    const full = (await getQualityOfHire(manager(), slug)).periods.find((x) => x.periodDays === 90)!;
    expect(full.checkIns).toBe(11);
    // dimension 0 was rated exactly as in the interview: r = 1
    expect(full.dimensions[0].correlation).toMatchObject({ n: 11, shown: true, r: 1, low: 1, high: 1 });
    // dimension 1: the submitted values (hire 1 and 11 were sent with 3, hire 3 won the race with 1)
    const ks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11];
    const ys: Record<number, number> = { ...Object.fromEntries(second.map((y, k) => [k, y])), 1: 3, 11: 3 };
    const stored = await db.hireCheckInRating.findFirstOrThrow({
      where: { checkIn: { candidateId: hires[3].id }, dimensionId: dims[1].id },
      select: { rating: true },
    });
    ys[3] = stored.rating!;
    const xs = ks.map((k) => hires[k].x);
    const yv = ks.map((k) => ys[k]);
    const mean = (a: number[]) => a.reduce((s, q) => s + q, 0) / a.length;
    const [mx, my] = [mean(xs), mean(yv)];
    const sxy = xs.reduce((s, x, i) => s + (x - mx) * (yv[i] - my), 0);
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const syy = yv.reduce((s, y) => s + (y - my) ** 2, 0);
    const r = sxy / Math.sqrt(sxx * syy);
    const c1 = full.dimensions[1].correlation;
    expect(c1.shown && c1.r).toBeCloseTo(r, 10);
    const ci = fisherInterval(r, 11)!;
    expect(c1.shown && [c1.low, c1.high]).toEqual([ci.low, ci.high]);
    // Not assessed is no pair: the third dimension has none
    expect(full.dimensions[2].correlation).toMatchObject({ n: 0, shown: false });
    // the weighted score against the overall rating (overall = x, and S = x when every rating is x)
    expect(full.overall).toMatchObject({ n: 11, shown: true });
    expect((full.overall as { r: number }).r).toBeCloseTo(1, 10);
    // a suggestion, never applied: the template's weights are as they were
    expect(full.suggestion).not.toBeNull();
    const total = full.suggestion!.weights.reduce((s, w) => s + w.suggested, 0);
    expect(Math.round(total * 100) / 100).toBe(100);
    const weights = await db.dimension.findMany({ where: { versionId: p.version.id }, select: { weight: true } });
    expect(full.suggestion!.weights.map((w) => w.current).sort()).toEqual(weights.map((w) => w.weight).sort());
    expect(await db.roleTemplateVersion.count({ where: { template: { slug } } })).toBe(1);
  });

  it("follows who may see calibration, and withholds candidates the viewer still owes a scorecard on", async () => {
    expect(await statusOf(getQualityOfHire(v(p.users.a.id, "interviewer"), slug))).toBe(404);
    expect(await statusOf(getQualityOfHire(manager(), "no-such-role"))).toBe(404);
    const other = await getQualityOfHire(v(otherManager.id, "hiring-manager"), slug);
    expect(other.periods[0].checkIns).toBe(0);
    expect((await getQualityOfHire(v(p.users.recruiter.id, "recruiter"), slug)).periods[0].checkIns).toBe(11);
    // the recruiter now has an unsubmitted interview with hire 0
    await createInterview(db, {
      candidateId: hires[0].id,
      interviewerId: p.users.recruiter.id,
      scheduledAt: new Date(Date.now() - 3600_000),
      focusDimensionIds: [],
    });
    const held = await getQualityOfHire(v(p.users.recruiter.id, "recruiter"), slug);
    expect(held.periods[0].checkIns).toBe(10);
  });

  it("applied only by saving a new version; moving the opening to it carries the check-ins over", async () => {
    const before = (await getQualityOfHire(manager(), slug)).periods[0];
    const s = before.suggestion!;
    const role = toRoleTemplateJson((await getRoleTemplate(slug))!.version);
    const [saved] = await saveRoleTemplates(
      [
        roleTemplateSchema.parse({
          ...role,
          dimensions: role.dimensions.map((d, i) => ({ ...d, weight: s.weights[i].suggested, weightOrigin: "edited" })),
        }),
      ],
      { actorId: admin.id, changeNote: "Weights from the quality-of-hire suggestion (90-day check-ins)." },
    );
    expect(saved.status).toBe("created");
    const after = (await getQualityOfHire(manager(), slug)).periods[0];
    expect(after.dimensions.map((d) => d.weight)).toEqual(s.weights.map((w) => w.suggested));
    // the opening moved: its hires' check-in ratings point at the new version's dimensions
    await migrateOpening(v(p.users.recruiter.id, "recruiter"), openingId, saved.versionId);
    const form = await checkInForm(manager(), hires[0].id, 90, at90());
    const ids = new Set(form.dimensions.map((d) => d.id));
    expect(form.submitted!.ratings.every((r) => ids.has(r.dimensionId))).toBe(true);
    expect(form.dimensions.map((d) => d.id)).not.toContain(dims[0].id);
    const moved = (await getQualityOfHire(manager(), slug)).periods[0];
    expect(moved.dimensions.map((d) => d.correlation)).toEqual(after.dimensions.map((d) => d.correlation));
  });
});
