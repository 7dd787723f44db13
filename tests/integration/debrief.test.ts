// Debrief mode (docs/decisions/078-debrief-mode.md) on a real database: who may start a debrief,
// the snapshot it freezes, amendments after it marked post-debrief with their diff against the
// snapshot, the summary's pre- and post-debrief scores and "changed only after the debrief", the
// movement in debriefs toward the senior interviewer, and several facilitators starting at once.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCandidateSummary, getCandidateView } from "@/lib/data/candidate-summary";
import { endDebrief, getDebriefMovement, startDebrief } from "@/lib/data/debriefs";
import { FeedbackWithheldError } from "@/lib/data/independence";
import { migrateOpening } from "@/lib/data/opening-migration";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { getRoleTemplate, toRoleTemplateJson } from "@/lib/data/role-templates";
import { roleTemplateSchema } from "@/lib/validations/role-template";
import { amendScorecard, submitScorecard } from "@/lib/data/scorecards";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import { createInterview, createUser } from "@/seed/factories";
import { createPanel } from "../support/panel";
import { fulfilled, race, rejected } from "../support/race";

let p: Awaited<ReturnType<typeof createPanel>>;
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager" as const] });
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter" as const] });
let versions: Record<"a" | "b", number>;

/** Every dimension rated `score`, so the two interviewers' ratings meet on each one. */
const everyDimension = (
  i: number,
  score: "1" | "2" | "3" | "4" | "5",
  recommendation: ScorecardValues["recommendation"],
) => {
  const v = p.completeValues(i, score);
  for (const d of p.kitFor(i).dimensionIds) v.ratings[d] = { score, evidence: `Seen: ${score}.` };
  return { ...v, recommendation };
};

beforeAll(async () => {
  p = await createPanel(db);
  // A rates every dimension 4, B (whom the facilitator will mark senior) 2: a mean of 3, Lean no hire
  const a = await submitScorecard(p.users.a.id, p.interviews.a.id, {
    baseVersion: 0,
    values: everyDimension(0, "4", "yes"),
    submissionKey: randomUUID(),
  });
  const b0 = await submitScorecard(p.users.b.id, p.interviews.b.id, {
    baseVersion: 0,
    values: everyDimension(1, "3", "no"),
    submissionKey: randomUUID(),
  });
  // an amendment before the debrief is not post-debrief
  const b = await amendScorecard(p.users.b.id, p.interviews.b.id, {
    baseVersion: b0.version,
    values: everyDimension(1, "2", "no"),
    reason: "Re-read my notes before the debrief.",
  });
  versions = { a: a.version, b: b.version };
});

const start = (viewer: { id: string; roles: readonly string[] }, candidateId = p.candidates.cand1.id, body?: unknown) =>
  startDebrief(
    viewer as ReturnType<typeof manager>,
    candidateId,
    body ?? {
      revealMode: "one",
      revealOrder: [p.users.a.id, p.users.b.id],
      seniorIds: [p.users.b.id],
    },
  );

describe("starting a debrief", () => {
  it("is refused to interviewers, other hiring managers, and anyone who owes a scorecard on the candidate", async () => {
    await expect(start({ id: p.users.a.id, roles: ["interviewer"] })).rejects.toBeInstanceOf(NotFoundError);
    const other = await createUser(db, { email: "other-hm@test.local", name: "Other HM", roles: ["hiring-manager"] });
    await expect(start({ id: other.id, roles: ["hiring-manager"] })).rejects.toBeInstanceOf(NotFoundError);
    const owing = await createUser(db, { email: "owing@test.local", name: "Owing Recruiter", roles: ["recruiter"] });
    await createInterview(db, {
      candidateId: p.candidates.cand1.id,
      interviewerId: owing.id,
      scheduledAt: new Date(Date.now() - 3600_000),
      focusDimensionIds: [],
    });
    await expect(start({ id: owing.id, roles: ["recruiter"] })).rejects.toBeInstanceOf(FeedbackWithheldError);
    expect(await db.debrief.count()).toBe(0);
  });

  it("checks the order and the seniors against the panel, naming the field, and stores nothing", async () => {
    const bad = async (body: unknown) => {
      const e = await start(manager(), p.candidates.cand1.id, body).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).fieldErrors;
    };
    expect(await bad({ revealMode: "one", revealOrder: [p.users.a.id] })).toEqual({
      revealOrder: ["The order must place every interviewer on the panel."],
    });
    expect(await bad({ revealMode: "one", revealOrder: [p.users.a.id, p.users.a.id] })).toHaveProperty("revealOrder");
    expect(
      await bad({ revealMode: "one", revealOrder: [p.users.a.id, p.users.b.id], seniorIds: [p.users.c.id] }),
    ).toEqual({ seniorIds: ["Only interviewers on this panel can be marked senior."] });
    expect(await bad({ revealMode: "loud", revealOrder: [p.users.a.id, p.users.b.id] })).toHaveProperty("revealMode");
    expect(
      await bad(
        JSON.parse(`{"revealMode":"one","revealOrder":["${p.users.a.id}","${p.users.b.id}"],"__proto__":{"x":1}}`),
      ),
    ).toHaveProperty("__proto__");
    expect(await bad({ revealMode: "one", revealOrder: [p.users.a.id, "\ud800"] })).toHaveProperty(["revealOrder.1"]);
    expect(await db.debrief.count()).toBe(0);
  });

  it("with nothing submitted there is nothing to debrief", async () => {
    await expect(
      start(manager(), p.candidates.cand2.id, { revealMode: "all", revealOrder: [p.users.c.id] }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("freezes each submitted scorecard as it stands; before any change, before and now agree", async () => {
    const started = await start(manager());
    expect(started.scorecards).toBe(2);
    // the pipeline follows: interviewing → debrief
    expect((await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).stage).toBe("debrief");
    const snaps = await db.debriefSnapshot.findMany({ select: { authorId: true, version: true } });
    expect(Object.fromEntries(snaps.map((s) => [s.authorId, s.version]))).toEqual({
      [p.users.a.id]: versions.a,
      [p.users.b.id]: versions.b,
    });
    const s = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    expect(s.debrief).toMatchObject({
      revealMode: "one",
      revealOrder: [p.users.a.id, p.users.b.id],
      seniorIds: [p.users.b.id],
      startedBy: { name: "Manager" },
      amendments: 0,
      pre: { score: "3.00", recommendationId: "lean-no-hire" },
      post: { score: "3.00", recommendationId: "lean-no-hire" },
      shift: { changedOnlyAfter: false },
    });
    // the recruiter's own interview (first test) was planned and not in: the debrief says so
    expect(s.debrief!.notInAtStart.map((i) => [i.interviewerName, i.submittedSince])).toEqual([
      ["Owing Recruiter", false],
    ]);
    // B's amendment before the debrief is not post-debrief
    const b = s.scorecards.find((c) => c.interviewerId === p.users.b.id)!;
    expect(b.amendmentLog.map((e) => e.postDebrief)).toEqual([false]);
    expect(b.debrief).toEqual({ inSnapshot: true, postDebriefAmendments: 0, changes: [] });
  });

  it("a second start is a conflict, whoever sends it", async () => {
    await expect(start(recruiter())).rejects.toBeInstanceOf(ConflictError);
    expect(await db.debrief.count()).toBe(1);
  });
});

describe("after the debrief started", () => {
  it("an amendment is post-debrief, with its diff against the snapshot, and the recommendation says it changed only after", async () => {
    const amended = await amendScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: versions.a,
      values: everyDimension(0, "2", "no"),
      reason: "The debrief pointed me at the failover answer I had skimmed.",
    });
    expect(amended.version).toBeGreaterThan(versions.a);
    const s = await getCandidateSummary(manager(), p.candidates.cand1.id);
    const a = s.scorecards.find((c) => c.interviewerId === p.users.a.id)!;
    expect(a.amendmentLog.map((e) => [e.reason, e.postDebrief])).toEqual([
      ["The debrief pointed me at the failover answer I had skimmed.", true],
    ]);
    expect(a.debrief).toMatchObject({ inSnapshot: true, postDebriefAmendments: 1 });
    const changes = a.debrief && a.debrief.inSnapshot ? a.debrief.changes : [];
    expect(changes[0]).toMatchObject({ field: "recommendation", from: "Yes", to: "No" });
    expect(changes.filter((c) => c.field === "rating").map((c) => [c.from, c.to])).toEqual(
      p.version.dimensions.map(() => ["4", "2"]),
    );
    expect(s.debrief).toMatchObject({
      amendments: 1,
      pre: { score: "3.00", recommendationId: "lean-no-hire" },
      post: { score: "2.00", recommendationId: "no-hire" },
      shift: { changedOnlyAfter: true },
    });
    expect(s.debrief!.shift.text).toBe(
      "Before the debrief the recommendation was Lean no hire (3.00); it became No hire (2.00) only after the debrief, through 1 post-debrief amendment.",
    );
    expect(s.debrief!.dimensions.every((d) => d.pre === 3 && d.post === 2)).toBe(true);
  });

  it("a scorecard planned but not in when it started is named, and counted once it is submitted", async () => {
    const late = await createInterview(db, {
      candidateId: p.candidates.cand1.id,
      interviewerId: p.users.c.id,
      scheduledAt: new Date(Date.now() - 3600_000),
      focusDimensionIds: p.kitFor(2).focusDimensionIds,
    });
    // the owing recruiter's interview of the first test and C's are both not in
    const before = await getCandidateSummary(manager(), p.candidates.cand1.id);
    expect(before.debrief!.notInAtStart.map((i) => [i.interviewerName, i.submittedSince]).sort()).toEqual([
      ["Interviewer C", false],
      ["Owing Recruiter", false],
    ]);
    await submitScorecard(p.users.c.id, late.id, {
      baseVersion: 0,
      values: p.completeValues(2, "2"),
      submissionKey: randomUUID(),
    });
    const after = await getCandidateSummary(manager(), p.candidates.cand1.id);
    expect(after.debrief!.notInAtStart.find((i) => i.interviewerName === "Interviewer C")!.submittedSince).toBe(true);
    expect(after.scorecards.find((c) => c.interviewerId === p.users.c.id)!.debrief).toEqual({ inSnapshot: false });
    expect(after.debrief!.shift.text).toMatch(
      /through 1 post-debrief amendment and 1 scorecard submitted after it started\.$/,
    );
  });

  it("someone who owes a scorecard sees no debrief at all", async () => {
    const owing = await db.user.findUniqueOrThrow({ where: { email: "owing@test.local" }, select: { id: true } });
    const view = await getCandidateView({ id: owing.id, roles: ["recruiter"] }, p.candidates.cand1.id);
    expect(view.debrief).toBeNull();
    await expect(endDebrief({ id: owing.id, roles: ["recruiter"] }, p.candidates.cand1.id)).rejects.toBeInstanceOf(
      FeedbackWithheldError,
    );
  });

  it("movement in debriefs: A moved every rating 2 points toward the senior B; B did not move", async () => {
    const m = await getDebriefMovement(manager());
    expect(m.debriefs).toBe(1);
    const a = m.interviewers.find((i) => i.interviewerId === p.users.a.id)!;
    const n = p.version.dimensions.length;
    expect(a).toMatchObject({ name: "Interviewer A", n, moved: n, meanShift: 2 });
    expect(a.towardSenior).toMatchObject({ agreed: n, n });
    // the hiring manager did not interview: nothing to move toward
    expect(a.towardManager.n).toBe(0);
    expect(m.interviewers.find((i) => i.interviewerId === p.users.b.id)).toMatchObject({ n, moved: 0, meanShift: 0 });
    // C was not in the snapshot: not a debrief rating
    expect(m.interviewers.some((i) => i.interviewerId === p.users.c.id)).toBe(false);
    // an interviewer has no calibration page; another hiring manager sees none of these openings
    await expect(getDebriefMovement({ id: p.users.a.id, roles: ["interviewer"] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const other = await db.user.findUniqueOrThrow({ where: { email: "other-hm@test.local" }, select: { id: true } });
    expect((await getDebriefMovement({ id: other.id, roles: ["hiring-manager"] })).interviewers).toEqual([]);
    expect((await getDebriefMovement(manager(), { roleSlug: "no-such-role" })).debriefs).toBe(0);

    // the figures are kept while nothing changes, and follow a post-debrief amendment at once
    const b = await db.scorecard.findUniqueOrThrow({
      where: { interviewId: p.interviews.b.id },
      select: { version: true },
    });
    const moved = everyDimension(1, "2", "no");
    moved.ratings[p.version.dimensions[0].id] = { score: "3", evidence: "On reflection, a 3." };
    await amendScorecard(p.users.b.id, p.interviews.b.id, {
      baseVersion: b.version,
      values: moved,
      reason: "Heard the others' evidence on the first dimension.",
    });
    const after = await getDebriefMovement(manager());
    expect(after.interviewers.find((i) => i.interviewerId === p.users.b.id)).toMatchObject({ n, moved: 1 });
  });

  it("ends once; an interviewer may not end it", async () => {
    await expect(
      endDebrief({ id: p.users.a.id, roles: ["interviewer"] }, p.candidates.cand1.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    const admin = await createUser(db, { email: "debrief-admin@test.local", name: "Admin", roles: ["admin"] });
    const ended = await endDebrief({ id: admin.id, roles: ["admin"] }, p.candidates.cand1.id);
    expect(ended.endedAt).toBeInstanceOf(Date);
    await expect(endDebrief(manager(), p.candidates.cand1.id)).rejects.toBeInstanceOf(ConflictError);
    const audit = await db.auditLog.findMany({
      where: { action: { startsWith: "debrief." } },
      select: { action: true },
    });
    expect(audit.map((e) => e.action).sort()).toEqual(["debrief.ended", "debrief.started"]);
    const moved = await db.auditLog.findMany({
      where: { action: "candidate.stage-changed", entityId: p.candidates.cand1.id },
      select: { before: true, after: true },
    });
    expect(moved.map((e) => [JSON.parse(e.before!).stage, JSON.parse(e.after!).stage])).toEqual([
      ["interviewing", "debrief"],
    ]);
  });
});

describe("several facilitators at once", () => {
  it("start one debrief: exactly one wins, the others get a conflict, one snapshot is stored", async () => {
    await submitScorecard(p.users.c.id, p.interviews.c.id, {
      baseVersion: 0,
      values: p.completeValues(2, "3"),
      submissionKey: randomUUID(),
    });
    const results = await race(4, (i) =>
      start(i % 2 ? recruiter() : manager(), p.candidates.cand2.id, {
        revealMode: "all",
        revealOrder: [p.users.c.id],
      }),
    );
    expect(fulfilled(results)).toHaveLength(1);
    expect(rejected(results).every((e) => e instanceof ConflictError)).toBe(true);
    const d = await db.debrief.findUniqueOrThrow({
      where: { candidateId: p.candidates.cand2.id },
      select: { _count: { select: { snapshots: true } } },
    });
    expect(d._count.snapshots).toBe(1);
  });

  it("an amendment racing the start lands either in the snapshot or after it, never in between", async () => {
    const { openingId } = await db.candidate.findUniqueOrThrow({
      where: { id: p.candidates.cand1.id },
      select: { openingId: true },
    });
    const cand = await db.candidate.create({
      data: { openingId, name: "Candidate Three", email: "three@example.com" },
      select: { id: true },
    });
    const iv = await createInterview(db, {
      candidateId: cand.id,
      interviewerId: p.users.a.id,
      scheduledAt: new Date(Date.now() - 3600_000),
      focusDimensionIds: p.kitFor(0).focusDimensionIds,
    });
    const s = await submitScorecard(p.users.a.id, iv.id, {
      baseVersion: 0,
      values: everyDimension(0, "4", "yes"),
      submissionKey: randomUUID(),
    });
    await race<unknown>(2, (i) =>
      i === 0
        ? start(manager(), cand.id, { revealMode: "one", revealOrder: [p.users.a.id] })
        : amendScorecard(p.users.a.id, iv.id, {
            baseVersion: s.version,
            values: everyDimension(0, "5", "strong-yes"),
            reason: "Raced the debrief's start.",
          }),
    );
    const summary = await getCandidateSummary(manager(), cand.id);
    const card = summary.scorecards[0];
    const snapshot = await db.debriefSnapshot.findFirstOrThrow({
      where: { scorecardId: card.id },
      select: { version: true, snapshot: true },
    });
    const snapshotRating = (JSON.parse(snapshot.snapshot) as { ratings: { rating: number }[] }).ratings[0].rating;
    if (snapshot.version === s.version) {
      // started first: the amendment is post-debrief, and the snapshot holds the 4s
      expect(snapshotRating).toBe(4);
      expect(card.debrief).toMatchObject({ inSnapshot: true, postDebriefAmendments: 1 });
      expect(card.amendmentLog.at(-1)!.postDebrief).toBe(true);
    } else {
      // amended first: the snapshot holds the 5s and nothing is post-debrief
      expect(snapshotRating).toBe(5);
      expect(card.debrief).toEqual({ inSnapshot: true, postDebriefAmendments: 0, changes: [] });
      expect(card.amendmentLog.at(-1)!.postDebrief).toBe(false);
    }
  });
});

describe("moving the opening to a newer version of the role", () => {
  it("re-points the debrief's snapshot, so the scores before the debrief still count", async () => {
    const slug = "lead-ai-platform-engineer";
    const before = await getCandidateSummary(manager(), p.candidates.cand1.id);
    const role = toRoleTemplateJson((await getRoleTemplate(slug))!.version);
    const [saved] = await saveRoleTemplates(
      [
        roleTemplateSchema.parse({
          ...role,
          summary: { ...role.summary, roleTitle: "Lead AI Platform Engineer (v2)" },
        }),
      ],
      { actorId: null, changeNote: "A new version, the same dimensions." },
    );
    expect(saved.status).toBe("created");
    const { openingId } = await db.candidate.findUniqueOrThrow({
      where: { id: p.candidates.cand1.id },
      select: { openingId: true },
    });
    await migrateOpening(recruiter(), openingId, saved.versionId);
    const after = await getCandidateSummary(manager(), p.candidates.cand1.id);
    expect(after.role.version).toBe(before.role.version + 1);
    expect(after.debrief!.pre).toEqual(before.debrief!.pre);
    expect(after.debrief!.dimensions.map((d) => d.pre)).toEqual(before.debrief!.dimensions.map((d) => d.pre));
  });
});
