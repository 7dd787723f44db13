// Save / submit / amend / concurrency and every denial, on a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listPanelScorecards } from "@/lib/data/interviews";
import { getSubmissionHistory } from "@/lib/data/amendments";
import { getInterviewKit } from "@/lib/data/interview-kit";
import { amendScorecard, saveDraft, submitScorecard } from "@/lib/data/scorecards";
import { StaleScorecardError } from "@/lib/errors";
import { ConflictError, InterviewNotStartedError, NotFoundError, ValidationError } from "@/lib/errors";
import { NOT_STARTED_MESSAGE, SUBMIT_GRACE_MS } from "@/lib/domain/submit-window";
import { MESSAGES } from "@/lib/validations/scorecard";
import { createCandidate, createInterview } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
beforeAll(async () => {
  p = await createPanel(db);
});

const stored = (interviewId: string) =>
  db.scorecard.findUnique({
    where: { interviewId },
    select: { status: true, version: true, keyTakeaways: true, _count: { select: { ratings: true } } },
  });

// Each test makes its own interviews and scorecards, so none depends on what another left behind.
type Who = "a" | "b" | "c";
const exerciseOf = { a: 0, b: 1, c: 2 } as const;

/** A new interview of `who` on `candidateId` (candidate 1 unless given), for their exercise of the panel. */
async function interview(who: Who, candidateId = p.candidates.cand1.id) {
  const ex = p.version.exercises[exerciseOf[who]];
  return createInterview(db, {
    candidateId,
    interviewerId: p.users[who].id,
    exerciseId: ex.id,
    scheduledAt: new Date(Date.now() - 3 * 3600_000),
    focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
  });
}

/** The id of a new interview of `who` whose draft was saved `saves` times with `values` (so is at version `saves`). */
async function draft(who: Who, values = p.completeValues(exerciseOf[who]), saves = 1) {
  const { id } = await interview(who);
  for (let version = 0; version < saves; version++)
    await saveDraft(p.users[who].id, id, { baseVersion: version, values });
  return id;
}

/** The id of a new interview of `who` with a submitted scorecard (version 2) rating every focus dimension `score`. */
async function submitted(who: Who, score: "1" | "2" | "3" | "4" | "5" = "4") {
  const id = await draft(who);
  const values = p.completeValues(exerciseOf[who], score);
  await submitScorecard(p.users[who].id, id, { baseVersion: 1, values, submissionKey: `submit-${id}` });
  return id;
}

const scorecardId = async (interviewId: string) =>
  (await db.scorecard.findUniqueOrThrow({ where: { interviewId }, select: { id: true } })).id;

describe("autosave", () => {
  it("creates the draft at version 1, then moves it on one version per save, storing exactly what was typed", async () => {
    const { a } = p.users;
    const { id } = await interview("a");
    const v = p.completeValues(0);
    v.keyTakeaways = "First thoughts — “quoted”, ünïcode ✓";
    const first = await saveDraft(a.id, id, { baseVersion: 0, values: v });
    expect(first).toMatchObject({ version: 1, status: "draft" });
    v.keyTakeaways += " and more";
    const second = await saveDraft(a.id, id, { baseVersion: 1, values: v });
    expect(second.version).toBe(2);
    const kit = await getInterviewKit(a.id, id);
    expect(kit!.scorecard!.values).toEqual(v);
    expect(kit!.scorecard!.status).toBe("draft");
  });

  it("refuses a stale version with what is stored now, and overwrites nothing", async () => {
    const { a } = p.users;
    const id = await draft(
      "a",
      { ...p.completeValues(0), keyTakeaways: "First thoughts — “quoted”, ünïcode ✓ and more" },
      2,
    );
    const v = p.completeValues(0);
    v.keyTakeaways = "from a stale tab";
    const error = await saveDraft(a.id, id, { baseVersion: 1, values: v }).catch((e) => e);
    expect(error).toBeInstanceOf(StaleScorecardError);
    expect(error.current.version).toBe(2);
    expect(error.current.values.keyTakeaways).toBe("First thoughts — “quoted”, ünïcode ✓ and more");
    expect((await stored(id))!.keyTakeaways).toBe("First thoughts — “quoted”, ünïcode ✓ and more");
  });

  it("lets exactly one of two simultaneous saves from the same version win", async () => {
    const { a } = p.users;
    const id = await draft("a", p.completeValues(0), 2);
    const one = { ...p.completeValues(0), keyTakeaways: "tab one" };
    const two = { ...p.completeValues(0), keyTakeaways: "tab two" };
    const results = await Promise.allSettled([
      saveDraft(a.id, id, { baseVersion: 2, values: one }),
      saveDraft(a.id, id, { baseVersion: 2, values: two }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleScorecardError);
    const row = await stored(id);
    expect(row!.version).toBe(3);
    expect(["tab one", "tab two"]).toContain(row!.keyTakeaways);
  });

  it("refuses dimensions from outside the template and stores nothing of that request", async () => {
    const { a } = p.users;
    const id = await draft("a");
    const before = await stored(id);
    const v = p.completeValues(0);
    v.ratings["not-a-dimension"] = { score: "5", evidence: "x" };
    const error = await saveDraft(a.id, id, { baseVersion: before!.version, values: v }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors["ratings.not-a-dimension.score"]).toEqual([MESSAGES.unknownDimension]);
    expect(await stored(id)).toEqual(before);
  });

  it("stores red flags exactly, whether a save changes them, only their notes, or nothing about them", async () => {
    const { b } = p.users;
    const { id } = await interview("b", p.candidates.cand2.id);
    const [f1, f2] = p.version.redFlags.map((f) => f.id);
    const v = p.completeValues(1);
    const flagsNow = async () =>
      (
        await db.redFlagObservation.findMany({
          where: { scorecard: { interviewId: id } },
          select: { redFlagId: true, note: true },
        })
      ).sort((x, y) => x.redFlagId.localeCompare(y.redFlagId));
    let version = 0;
    const save = async () => (version = (await saveDraft(b.id, id, { baseVersion: version, values: v })).version);
    const expected = (...fs: [string, string][]) =>
      fs.map(([redFlagId, note]) => ({ redFlagId, note })).sort((x, y) => x.redFlagId.localeCompare(y.redFlagId));

    v.redFlags[f1] = { observed: true, note: "first note" };
    await save();
    expect(await flagsNow()).toEqual(expected([f1, "first note"]));
    v.keyTakeaways = "only the take-aways change";
    await save();
    expect(await flagsNow()).toEqual(expected([f1, "first note"]));
    v.redFlags[f1] = { observed: true, note: "note edited" };
    await save();
    expect(await flagsNow()).toEqual(expected([f1, "note edited"]));
    v.redFlags[f2] = { observed: true, note: "" };
    v.redFlags[f1] = { observed: false, note: "" };
    await save();
    expect(await flagsNow()).toEqual(expected([f2, ""]));
    expect((await getInterviewKit(b.id, id))!.scorecard!.values).toEqual(v);
  });
});

describe("denials", () => {
  it("treats another interviewer's interview exactly like one that does not exist", async () => {
    const { b } = p.users;
    const id = await draft("a", p.completeValues(0), 3);
    const values = p.completeValues(0);
    expect(await getInterviewKit(b.id, id)).toBeNull();
    expect(await getInterviewKit(b.id, "no-such-interview")).toBeNull();
    const attempts = [
      saveDraft(b.id, id, { baseVersion: 3, values }),
      saveDraft(b.id, "no-such-interview", { baseVersion: 0, values }),
      submitScorecard(b.id, id, { baseVersion: 3, values, submissionKey: "k-b" }),
      amendScorecard(b.id, id, { baseVersion: 3, values, reason: "sneaky change" }),
    ];
    const errors = await Promise.all(attempts.map((a) => a.catch((e) => e)));
    for (const e of errors) {
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e.message).toBe("There is no such interview among yours.");
    }
    expect((await stored(id))!.keyTakeaways).not.toBe("sneaky change");
  });

  it("hides a cancelled interview", async () => {
    const { c } = p.users;
    const { id } = await interview("c", p.candidates.cand2.id);
    await db.interview.update({ where: { id }, data: { status: "cancelled" } });
    expect(await getInterviewKit(c.id, id)).toBeNull();
    await expect(saveDraft(c.id, id, { baseVersion: 0, values: p.completeValues(2) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("submit", () => {
  it("says exactly what is missing and changes nothing", async () => {
    const { a } = p.users;
    const id = await draft("a");
    const before = await stored(id);
    const v = p.completeValues(0);
    const [firstFocus] = p.kitFor(0).focusDimensionIds;
    v.ratings[firstFocus].score = "";
    v.recommendation = "";
    const redFlag = p.kitFor(0).redFlagIds[0];
    v.redFlags[redFlag] = { observed: true, note: "" };
    const error = await submitScorecard(a.id, id, {
      baseVersion: before!.version,
      values: v,
      submissionKey: "k1",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({
      [`ratings.${firstFocus}.score`]: [MESSAGES.focusUnrated],
      recommendation: [MESSAGES.noRecommendation],
      [`redFlags.${redFlag}.note`]: [MESSAGES.flagNote],
    });
    expect(await stored(id)).toEqual(before);
  });

  it("submits once, whatever the number of identical requests, and audits it once", async () => {
    const { a } = p.users;
    const id = await draft("a");
    const base = (await stored(id))!.version;
    const v = p.completeValues(0, "5");
    const send = () => submitScorecard(a.id, id, { baseVersion: base, values: v, submissionKey: "submit-key-1" });
    const results = await Promise.all([send(), send(), send()]);
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([base + 1]));
    const retried = await send();
    expect(retried.repeated).toBe(true);
    const row = await stored(id);
    expect(row).toMatchObject({ status: "submitted", version: base + 1 });
    const entityId = await scorecardId(id);
    expect(await db.auditLog.count({ where: { action: "scorecard.submitted", actorId: a.id, entityId } })).toBe(1);
  });

  it("refuses a second, different submission and any draft save after submitting", async () => {
    const { a } = p.users;
    const id = await submitted("a", "5");
    const { version } = (await stored(id))!;
    const v = p.completeValues(0, "1");
    await expect(
      submitScorecard(a.id, id, { baseVersion: version, values: v, submissionKey: "other-key" }),
    ).rejects.toBeInstanceOf(StaleScorecardError);
    const edit = await saveDraft(a.id, id, { baseVersion: version, values: v }).catch((e) => e);
    expect(edit).toBeInstanceOf(StaleScorecardError);
    expect(edit.message).toMatch(/submitted/);
    const kit = await getInterviewKit(a.id, id);
    expect(Object.values(kit!.scorecard!.values.ratings).filter((r) => r.score === "5").length).toBeGreaterThan(0);
  });
});

describe("submitting before the interview starts", () => {
  const at = async (msFromNow: number) => {
    const ex = p.version.exercises[0];
    return createInterview(db, {
      candidateId: p.candidates.cand1.id,
      interviewerId: p.users.a.id,
      exerciseId: ex.id,
      scheduledAt: new Date(Date.now() + msFromNow),
      focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
    });
  };
  it("is refused with a clear message and changes nothing; the draft saves as before", async () => {
    const { id } = await at(3600_000);
    const values = p.completeValues(0, "4");
    expect(await saveDraft(p.users.a.id, id, { baseVersion: 0, values })).toMatchObject({ version: 1 });
    const early = submitScorecard(p.users.a.id, id, { baseVersion: 1, values, submissionKey: `early-${id}` });
    await expect(early).rejects.toThrow(InterviewNotStartedError);
    await expect(early).rejects.toMatchObject({
      status: 409,
      code: "interview_not_started",
      message: NOT_STARTED_MESSAGE,
    });
    expect(await stored(id)).toMatchObject({ status: "draft", version: 1 });
    expect(await db.auditLog.count({ where: { action: "scorecard.submitted", entityId: await scorecardId(id) } })).toBe(
      0,
    );
  });
  it("is allowed from a short grace before the start", async () => {
    const { id } = await at(SUBMIT_GRACE_MS - 60_000);
    const values = p.completeValues(0, "4");
    await expect(
      submitScorecard(p.users.a.id, id, { baseVersion: 0, values, submissionKey: `grace-${id}` }),
    ).resolves.toMatchObject({ status: "submitted" });
  });
});

describe("amend", () => {
  it("needs a reason and the current version", async () => {
    const { a } = p.users;
    const id = await submitted("a");
    const { version } = (await stored(id))!;
    const v = p.completeValues(0, "3");
    const noReason = await amendScorecard(a.id, id, {
      baseVersion: version,
      values: v,
      reason: " ",
    }).catch((e) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect(noReason.fieldErrors.reason).toEqual([MESSAGES.noReason]);
    await expect(
      amendScorecard(a.id, id, { baseVersion: version - 1, values: v, reason: "Re-read my notes" }),
    ).rejects.toBeInstanceOf(StaleScorecardError);
    expect(await db.scorecardAmendment.count({ where: { scorecard: { interviewId: id } } })).toBe(0);
  });

  it("keeps the earlier version readable with the reason, and audits before and after", async () => {
    const { a } = p.users;
    const id = await submitted("a", "5");
    const { version } = (await stored(id))!;
    const v = p.completeValues(0, "3");
    v.keyTakeaways = "Amended: I over-rated the design";
    const saved = await amendScorecard(a.id, id, {
      baseVersion: version,
      values: v,
      reason: "Re-read my notes",
    });
    expect(saved).toMatchObject({ version: version + 1, status: "submitted" });
    const kit = await getInterviewKit(a.id, id);
    expect(kit!.scorecard!.values.keyTakeaways).toBe("Amended: I over-rated the design");
    expect(kit!.scorecard!.amendments).toHaveLength(1);
    const old = kit!.scorecard!.amendments[0];
    expect(old.reason).toBe("Re-read my notes");
    expect(old.fromVersion).toBe(version);
    // the earlier version's content, as the scorecard page reads it (lib/data/amendments.ts)
    const sc = kit!.scorecard!;
    const history = await getSubmissionHistory(a.id, kit!.version, {
      id: sc.id,
      values: sc.values,
      submittedAt: sc.submittedAt ?? sc.updatedAt,
    });
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(Object.values(history[0].values.ratings).some((r) => r.score === "5")).toBe(true);
    expect(history[1].amendment?.reason).toBe("Re-read my notes");
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "scorecard.amended", entityId: await scorecardId(id) },
      select: { actorId: true, before: true, after: true },
    });
    expect(entry.actorId).toBe(a.id);
    expect(JSON.parse(entry.before!).version).toBe(version);
    expect(JSON.parse(entry.after!)).toMatchObject({ version: version + 1, reason: "Re-read my notes" });
  });

  it("cannot amend a draft", async () => {
    const { c } = p.users;
    const id = await draft("c");
    await expect(
      amendScorecard(c.id, id, { baseVersion: 1, values: p.completeValues(2), reason: "why not" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("independent ratings first", () => {
  it("shows an interviewer nothing of the others until they have submitted, then only submitted scorecards", async () => {
    const { a, b, c } = p.users;
    // a panel of its own: A (submitted, amended once) and B interview one candidate, C has a draft on another
    const { openingId } = await db.candidate.findUniqueOrThrow({
      where: { id: p.candidates.cand1.id },
      select: { openingId: true },
    });
    const [one, two] = await Promise.all(
      ["Panel One", "Panel Two"].map((name, i) =>
        createCandidate(db, { openingId, name, email: `panel-${i}@example.com`, stage: "interviewing" }),
      ),
    );
    const [ia, ib, ic] = await Promise.all([interview("a", one.id), interview("b", one.id), interview("c", two.id)]);
    await saveDraft(a.id, ia.id, { baseVersion: 0, values: p.completeValues(0) });
    await submitScorecard(a.id, ia.id, { baseVersion: 1, values: p.completeValues(0, "5"), submissionKey: "a-key" });
    await amendScorecard(a.id, ia.id, { baseVersion: 2, values: p.completeValues(0, "3"), reason: "Re-read my notes" });
    await saveDraft(c.id, ic.id, { baseVersion: 0, values: p.completeValues(2) });

    expect(await listPanelScorecards(b.id, one.id)).toEqual({ unlocked: false, scorecards: [] });
    expect(await listPanelScorecards(c.id, one.id)).toEqual({ unlocked: false, scorecards: [] });

    await saveDraft(b.id, ib.id, { baseVersion: 0, values: p.completeValues(1) });
    expect((await listPanelScorecards(b.id, one.id)).unlocked).toBe(false);
    await submitScorecard(b.id, ib.id, {
      baseVersion: 1,
      values: p.completeValues(1),
      submissionKey: "b-key",
    });

    const seenByB = await listPanelScorecards(b.id, one.id);
    expect(seenByB.unlocked).toBe(true);
    expect(seenByB.scorecards.map((s) => s.author.name)).toEqual(["Interviewer A"]);
    expect(seenByB.scorecards[0]._count.amendments).toBe(1);

    const seenByA = await listPanelScorecards(a.id, one.id);
    expect(seenByA.scorecards.map((s) => s.author.name)).toEqual(["Interviewer B"]);
    // C's own draft on the other candidate unlocks nothing, and C never sees this candidate's panel
    expect(await listPanelScorecards(c.id, two.id)).toEqual({ unlocked: false, scorecards: [] });
    expect(await listPanelScorecards(c.id, one.id)).toEqual({ unlocked: false, scorecards: [] });
  });
});
