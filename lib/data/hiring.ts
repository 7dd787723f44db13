import "server-only";
import { db, type DbTx } from "../db";
import { describeCoverage, doubleBooked, loopCoverage, standardLoop } from "../domain/loop-plan";
import { canSetUpHiring } from "../domain/permissions";
import { scoreCandidate, type ScoringScorecard, type ScoringTemplate } from "../domain/scoring";
import { diffTemplates } from "../domain/template-diff";
import type { OverallRecommendation } from "../domain/vocabulary";
import { ConflictError, ForbiddenError, NotFoundError, parseInput, ValidationError } from "../errors";
import {
  candidateSchema,
  interviewSchema,
  openingSchema,
  openingUpdateSchema,
  stageSchema,
  standardLoopSchema,
} from "../validations/hiring";
import type { z } from "zod";
import { audit } from "./audit";
import { lockCandidate } from "./candidate-lock";
import type { Viewer } from "../domain/permissions";
import { withheldFeedback } from "./candidates";
import { roleVersionSelect, toRoleTemplateJson } from "./role-templates";
import { serialize } from "./sql";
import { idsByNameOrEmail, parseSearchQuery } from "./search";

// Setting up hiring (issue 6): openings, candidates and their loops, for recruiters and admins.
// Every write is validated with the form's schema, checked against the caller's rights, written
// with its audit entry in one transaction.

function assertCanSetUp(viewer: Viewer) {
  if (!canSetUpHiring(viewer.roles))
    throw new ForbiddenError("Only recruiters and admins set up openings, candidates and loops.");
}

const field = (name: string, message: string) =>
  new ValidationError("Some answers need attention.", { [name]: [message] });

/** Active users holding a role, for the pickers. */
export async function listPeople(role: "hiring-manager" | "recruiter" | "interviewer") {
  return db.user.findMany({
    where: { active: true, roles: { some: { role } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

async function assertHolds(tx: DbTx, userId: string, role: string, fieldName: string) {
  const ok = await tx.user.count({ where: { id: userId, active: true, roles: { some: { role } } } });
  if (!ok) throw field(fieldName, `Choose an active ${role.replace("-", " ")}`);
}

// ── openings ──────────────────────────────────────────────────────────────────────────────────

export async function createOpening(viewer: Viewer, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(openingSchema, input);
  return db.$transaction(async (tx) => {
    const template = await tx.roleTemplate.findUnique({
      where: { slug: v.roleSlug },
      select: { versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true } } },
    });
    const current = template?.versions[0];
    if (!current) throw field("roleSlug", "Choose a role template");
    await assertHolds(tx, v.hiringManagerId, "hiring-manager", "hiringManagerId");
    await assertHolds(tx, v.recruiterId, "recruiter", "recruiterId");
    const opening = await tx.opening.create({
      data: {
        title: v.title,
        templateVersionId: current.id,
        hiringManagerId: v.hiringManagerId,
        recruiterId: v.recruiterId,
      },
      select: { id: true, title: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "opening.created",
      entityType: "Opening",
      entityId: opening.id,
      after: { ...v, templateVersion: current.version },
    });
    return opening;
  });
}

export async function updateOpening(viewer: Viewer, openingId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(openingUpdateSchema, input);
  return db.$transaction(async (tx) => {
    // one change of an opening at a time: the audit's "before" is what the last change left
    await serialize(tx, `opening:${openingId}`);
    const before = await tx.opening.findUnique({
      where: { id: openingId },
      select: { title: true, status: true, hiringManagerId: true, recruiterId: true },
    });
    if (!before) throw new NotFoundError("Opening not found.");
    await assertHolds(tx, v.hiringManagerId, "hiring-manager", "hiringManagerId");
    await assertHolds(tx, v.recruiterId, "recruiter", "recruiterId");
    const closing = v.status === "closed" && before.status !== "closed";
    const opening = await tx.opening.update({
      where: { id: openingId },
      data: { ...v, closedAt: closing ? new Date() : v.status === "closed" ? undefined : null },
      select: { id: true, title: true, status: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: closing ? "opening.closed" : "opening.updated",
      entityType: "Opening",
      entityId: openingId,
      before,
      after: v,
    });
    return opening;
  });
}

// ── moving an opening to a newer template version ───────────────────────────────────────────

type VersionForMigration = Awaited<ReturnType<typeof loadVersion>>;
async function loadVersion(tx: DbTx, id: string) {
  return tx.roleTemplateVersion.findUniqueOrThrow({ where: { id }, select: roleVersionSelect });
}

function scoringTemplateOf(v: VersionForMigration): ScoringTemplate {
  return {
    dimensions: v.dimensions.map((d) => ({ id: d.id, name: d.name, weight: d.weight, weightOrigin: d.weightOrigin })),
    exercises: v.exercises.map((e) => ({
      id: e.id,
      title: e.title,
      dimensionIds: e.dimensions.map((x) => x.dimension.id),
    })),
    redFlags: v.redFlags.map((f) => ({ id: f.id, text: f.text })),
    thresholds: {
      minCoverage: v.minCoverage,
      strongHireMin: v.strongHireMin,
      hireMin: v.hireMin,
      leanNoHireMin: v.leanNoHireMin,
      splitSpreadMin: v.splitSpreadMin,
    },
  };
}

/** Old-version ids → new-version ids, matched by dimension name, exercise title, red-flag text. */
function idMaps(from: VersionForMigration, to: VersionForMigration) {
  const byName = <T extends { id: string }>(rows: T[], key: (r: T) => string) =>
    new Map(rows.map((r) => [key(r), r.id]));
  const dimTo = byName(to.dimensions, (d) => d.name);
  const exTo = byName(to.exercises, (e) => e.title);
  const flagTo = byName(to.redFlags, (f) => f.text);
  return {
    dimension: new Map(
      from.dimensions.flatMap((d) => (dimTo.has(d.name) ? [[d.id, dimTo.get(d.name)!] as const] : [])),
    ),
    exercise: new Map(from.exercises.flatMap((e) => (exTo.has(e.title) ? [[e.id, exTo.get(e.title)!] as const] : []))),
    redFlag: new Map(from.redFlags.flatMap((f) => (flagTo.has(f.text) ? [[f.id, flagTo.get(f.text)!] as const] : []))),
  };
}

async function migrationPlan(tx: DbTx, openingId: string) {
  const opening = await tx.opening.findUnique({
    where: { id: openingId },
    select: {
      id: true,
      title: true,
      templateVersionId: true,
      templateVersion: { select: { version: true, templateId: true } },
    },
  });
  if (!opening) throw new NotFoundError("Opening not found.");
  const latest = await tx.roleTemplateVersion.findFirst({
    where: { templateId: opening.templateVersion.templateId },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
  if (!latest || latest.id === opening.templateVersionId)
    return { opening, from: null, to: null, maps: null, candidates: [] as never[] };
  const [from, to] = await Promise.all([loadVersion(tx, opening.templateVersionId), loadVersion(tx, latest.id)]);
  const maps = idMaps(from, to);
  const scorecards = await tx.scorecard.findMany({
    where: { candidate: { openingId }, status: "submitted" },
    select: {
      id: true,
      candidateId: true,
      authorId: true,
      status: true,
      recommendation: true,
      author: { select: { name: true } },
      ratings: { select: { dimensionId: true, rating: true, notAssessed: true } },
      redFlags: { select: { redFlagId: true, note: true } },
    },
  });
  const candidates = await tx.candidate.findMany({
    where: { openingId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  const asScoring = (s: (typeof scorecards)[number], remap: boolean): ScoringScorecard => ({
    id: s.id,
    status: s.status,
    interviewerId: s.authorId,
    interviewerName: s.author.name,
    recommendation: s.recommendation as OverallRecommendation | null,
    ratings: s.ratings
      .filter((r) => r.notAssessed || r.rating !== null)
      .flatMap((r) => {
        const dimensionId = remap ? maps.dimension.get(r.dimensionId) : r.dimensionId;
        return dimensionId ? [{ dimensionId, rating: r.notAssessed ? null : r.rating }] : [];
      }),
    redFlags: s.redFlags.flatMap((f) => {
      const redFlagId = remap ? maps.redFlag.get(f.redFlagId) : f.redFlagId;
      return redFlagId ? [{ redFlagId, note: f.note }] : [];
    }),
  });
  const [oldT, newT] = [scoringTemplateOf(from), scoringTemplateOf(to)];
  const lostRatings = scorecards.reduce(
    (n, s) => n + s.ratings.filter((r) => !maps.dimension.has(r.dimensionId)).length,
    0,
  );
  const lostFlags = scorecards.reduce((n, s) => n + s.redFlags.filter((f) => !maps.redFlag.has(f.redFlagId)).length, 0);
  return {
    opening,
    from,
    to,
    maps,
    lostRatings,
    lostFlags,
    candidates: candidates.map((c) => {
      const mine = scorecards.filter((s) => s.candidateId === c.id);
      const before = scoreCandidate(
        oldT,
        mine.map((s) => asScoring(s, false)),
      );
      const after = scoreCandidate(
        newT,
        mine.map((s) => asScoring(s, true)),
      );
      return {
        id: c.id,
        name: c.name,
        before: { recommendation: before.recommendation, score: before.score },
        after: { recommendation: after.recommendation, score: after.score },
      };
    }),
  };
}

/** What moving the opening to its role's current version would change, before confirming. */
export async function previewOpeningMigration(viewer: Viewer, openingId: string) {
  assertCanSetUp(viewer);
  const [plan, withheld] = await Promise.all([
    migrationPlan(db, openingId),
    withheldFeedback(db, viewer.id, { openingId }),
  ]);
  if (!plan.from || !plan.to) return { upToDate: true as const, opening: plan.opening };
  return {
    upToDate: false as const,
    opening: plan.opening,
    from: { id: plan.from.id, version: plan.from.version },
    to: { id: plan.to.id, version: plan.to.version },
    changes: diffTemplates(toRoleTemplateJson(plan.from), toRoleTemplateJson(plan.to)),
    // independent ratings first: a candidate the viewer still owes a scorecard on shows no scores
    candidates: plan.candidates.map((c) =>
      withheld.has(c.id)
        ? { id: c.id, name: c.name, withheld: true as const, before: null, after: null }
        : { ...c, withheld: false as const },
    ),
    lostRatings: plan.lostRatings,
    lostFlags: plan.lostFlags,
  };
}

/**
 * Moves the opening to the version the preview showed (`toVersionId`, refused if the role has
 * moved on since): interviews, focus dimensions, ratings and red-flag observations are re-pointed
 * to the new version's rows by name. Ratings of removed dimensions stay stored but no longer count.
 */
export async function migrateOpening(viewer: Viewer, openingId: string, toVersionId: string) {
  assertCanSetUp(viewer);
  return db.$transaction(
    async (tx) => {
      // two moves at once: the second waits, then finds the opening moved already (without the
      // lock, it re-pointed the focus rows the first had just re-pointed, and lost them)
      await serialize(tx, `opening:${openingId}`);
      const plan = await migrationPlan(tx, openingId);
      if (!plan.from || !plan.to) throw new ConflictError("This opening already uses the role's current version.");
      if (plan.to.id !== toVersionId)
        throw new ConflictError("The role has a newer version than the one previewed. Look at the preview again.");
      const { maps } = plan;
      for (const [from, to] of maps.exercise)
        await tx.interview.updateMany({
          where: { candidate: { openingId }, exerciseId: from },
          data: { exerciseId: to },
        });
      // exercises that no longer exist: the interview keeps its time and interviewer, without an exercise
      await tx.interview.updateMany({
        where: {
          candidate: { openingId },
          exerciseId: { in: plan.from.exercises.map((e) => e.id).filter((id) => !maps.exercise.has(id)) },
        },
        data: { exerciseId: null },
      });
      const interviewIds = (
        await tx.interview.findMany({ where: { candidate: { openingId } }, select: { id: true } })
      ).map((i) => i.id);
      const focus = await tx.interviewFocus.findMany({ where: { interviewId: { in: interviewIds } } });
      await tx.interviewFocus.deleteMany({ where: { interviewId: { in: interviewIds } } });
      const newFocus = focus.flatMap((f) =>
        maps.dimension.has(f.dimensionId)
          ? [{ interviewId: f.interviewId, dimensionId: maps.dimension.get(f.dimensionId)! }]
          : [],
      );
      if (newFocus.length) await tx.interviewFocus.createMany({ data: newFocus });
      for (const [from, to] of maps.dimension)
        await tx.dimensionRating.updateMany({
          where: { scorecard: { candidate: { openingId } }, dimensionId: from },
          data: { dimensionId: to },
        });
      for (const [from, to] of maps.redFlag)
        await tx.redFlagObservation.updateMany({
          where: { scorecard: { candidate: { openingId } }, redFlagId: from },
          data: { redFlagId: to },
        });
      await tx.opening.update({ where: { id: openingId }, data: { templateVersionId: plan.to.id } });
      await audit(tx, {
        actorId: viewer.id,
        action: "opening.template-version-moved",
        entityType: "Opening",
        entityId: openingId,
        before: { version: plan.from.version },
        // ids and scores, no names: an entry about the opening is not erased with a candidate
        after: {
          version: plan.to.version,
          candidates: plan.candidates.map((c) => ({ id: c.id, before: c.before, after: c.after })),
        },
      });
      return { version: plan.to.version, candidates: plan.candidates };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

// ── candidates ────────────────────────────────────────────────────────────────────────────────

export async function addCandidate(viewer: Viewer, openingId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(candidateSchema, input);
  return db.$transaction(async (tx) => {
    // the e-mail check below holds only if two adds to one opening do not run side by side
    await serialize(tx, `opening:${openingId}`);
    const opening = await tx.opening.findUnique({ where: { id: openingId }, select: { status: true } });
    if (!opening) throw new NotFoundError("Opening not found.");
    if (opening.status === "closed") throw new ConflictError("This opening is closed; reopen it to add candidates.");
    if (await tx.candidate.count({ where: { openingId, email: v.email } }))
      throw field("email", "This person is already a candidate in this opening");
    const candidate = await tx.candidate.create({ data: { openingId, ...v }, select: { id: true, name: true } });
    await audit(tx, {
      actorId: viewer.id,
      action: "candidate.created",
      entityType: "Candidate",
      entityId: candidate.id,
      after: { openingId, name: v.name, source: v.source },
    });
    return candidate;
  });
}

export async function setCandidateStage(viewer: Viewer, candidateId: string, input: unknown) {
  assertCanSetUp(viewer);
  const { stage } = parseInput(stageSchema, input);
  return db.$transaction(async (tx) => {
    await lockCandidate(tx, candidateId);
    const before = await tx.candidate.findUnique({ where: { id: candidateId }, select: { stage: true } });
    if (!before) throw new NotFoundError("Candidate not found.");
    const c = await tx.candidate.update({
      where: { id: candidateId },
      data: { stage },
      select: { id: true, stage: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "candidate.stage-changed",
      entityType: "Candidate",
      entityId: candidateId,
      before,
      after: { stage },
    });
    return c;
  });
}

/** Candidates whose name or e-mail contains the query, across openings (recruiters and admins). */
export async function findCandidates(viewer: Viewer, query: string) {
  assertCanSetUp(viewer);
  const terms = parseSearchQuery(query)
    .trim()
    .split(/\s+/)
    .filter((t) => t.length >= 2)
    .slice(0, 5);
  if (!terms.length) return [];
  // every term must match the name or the e-mail, literally: "50%" is not a pattern (lib/data/search.ts)
  const ids = await idsByNameOrEmail("Candidate", terms, "name", 50);
  return db.candidate.findMany({
    where: { id: { in: ids } },
    orderBy: { name: "asc" },
    take: 50,
    select: { id: true, name: true, email: true, stage: true, opening: { select: { id: true, title: true } } },
  });
}

// ── the loop ──────────────────────────────────────────────────────────────────────────────────

/** A candidate's loop as the loop builder shows it, with coverage and double bookings. */
export async function getLoop(viewer: Viewer, candidateId: string) {
  assertCanSetUp(viewer);
  const candidate = await db.candidate.findUnique({
    where: { id: candidateId },
    select: {
      id: true,
      name: true,
      email: true,
      stage: true,
      source: true,
      notes: true,
      opening: {
        select: {
          id: true,
          title: true,
          status: true,
          templateVersion: {
            select: {
              dimensions: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } },
              exercises: {
                orderBy: { position: "asc" },
                select: {
                  id: true,
                  title: true,
                  duration: true,
                  dimensions: { orderBy: { position: "asc" }, select: { dimensionId: true } },
                },
              },
            },
          },
        },
      },
      interviews: {
        orderBy: { scheduledAt: "asc" },
        select: {
          id: true,
          scheduledAt: true,
          durationMinutes: true,
          status: true,
          interviewer: { select: { id: true, name: true } },
          exercise: { select: { id: true, title: true } },
          focus: { select: { dimensionId: true } },
          scorecard: { select: { status: true } },
        },
      },
    },
  });
  if (!candidate) throw new NotFoundError("Candidate not found.");
  const v = candidate.opening.templateVersion;
  const plan = candidate.interviews.map((i) => ({
    interviewerId: i.interviewer.id,
    focusDimensionIds: i.focus.map((f) => f.dimensionId),
    status: i.status,
  }));
  const coverage = loopCoverage(v.dimensions, plan);
  return {
    candidate,
    dimensions: v.dimensions,
    exercises: v.exercises.map((e) => ({
      id: e.id,
      title: e.title,
      duration: e.duration,
      dimensionIds: e.dimensions.map((d) => d.dimensionId),
    })),
    coverage: { ...coverage, text: describeCoverage(coverage) },
    doubleBooked: doubleBooked(plan),
  };
}

async function checkInterview(tx: DbTx, candidateId: string, v: z.output<typeof interviewSchema>) {
  const candidate = await tx.candidate.findUnique({
    where: { id: candidateId },
    select: {
      opening: {
        select: {
          status: true,
          templateVersion: { select: { dimensions: { select: { id: true } }, exercises: { select: { id: true } } } },
        },
      },
    },
  });
  if (!candidate) throw new NotFoundError("Candidate not found.");
  if (candidate.opening.status === "closed")
    throw new ConflictError("This opening is closed; reopen it to plan interviews.");
  const t = candidate.opening.templateVersion;
  if (v.exerciseId && !t.exercises.some((e) => e.id === v.exerciseId))
    throw field("exerciseId", "Choose one of this role's exercises");
  const dims = new Set(t.dimensions.map((d) => d.id));
  if (v.focusDimensionIds.some((d) => !dims.has(d)))
    throw field("focusDimensionIds", "Focus dimensions must be this role's dimensions");
  await assertHolds(tx, v.interviewerId, "interviewer", "interviewerId");
}

async function insertInterview(tx: DbTx, viewer: Viewer, candidateId: string, v: z.output<typeof interviewSchema>) {
  await lockCandidate(tx, candidateId);
  await checkInterview(tx, candidateId, v);
  const interview = await tx.interview.create({
    data: {
      candidateId,
      interviewerId: v.interviewerId,
      exerciseId: v.exerciseId,
      scheduledAt: new Date(v.scheduledAt),
      durationMinutes: v.durationMinutes,
      focus: { create: [...new Set(v.focusDimensionIds)].map((dimensionId) => ({ dimensionId })) },
    },
    select: { id: true },
  });
  await audit(tx, {
    actorId: viewer.id,
    action: "interview.planned",
    entityType: "Interview",
    entityId: interview.id,
    after: { candidateId, ...v },
  });
  return interview;
}

/** The candidate an interview is about (it never changes), read before taking their lock. */
async function candidateOfInterview(interviewId: string) {
  const i = await db.interview.findUnique({ where: { id: interviewId }, select: { candidateId: true } });
  if (!i) throw new NotFoundError("Interview not found.");
  return i.candidateId;
}

export async function addInterview(viewer: Viewer, candidateId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(interviewSchema, input);
  return db.$transaction((tx) => insertInterview(tx, viewer, candidateId, v));
}

export async function updateInterview(viewer: Viewer, interviewId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(interviewSchema, input);
  const candidateId = await candidateOfInterview(interviewId);
  return db.$transaction(async (tx) => {
    // the interviewer's scorecard writes take this lock too: "no scorecard yet" stays true until
    // this change is written
    await lockCandidate(tx, candidateId);
    const before = await tx.interview.findUnique({
      where: { id: interviewId },
      select: {
        candidateId: true,
        interviewerId: true,
        exerciseId: true,
        scheduledAt: true,
        durationMinutes: true,
        status: true,
        scorecard: { select: { status: true } },
        focus: { select: { dimensionId: true } },
      },
    });
    if (!before) throw new NotFoundError("Interview not found.");
    if (before.status === "cancelled") throw new ConflictError("This interview is cancelled.");
    if (before.scorecard && before.interviewerId !== v.interviewerId)
      throw field("interviewerId", "The interviewer has started a scorecard for this interview; it stays theirs");
    await checkInterview(tx, before.candidateId, v);
    await tx.interviewFocus.deleteMany({ where: { interviewId } });
    await tx.interview.update({
      where: { id: interviewId },
      data: {
        interviewerId: v.interviewerId,
        exerciseId: v.exerciseId,
        scheduledAt: new Date(v.scheduledAt),
        durationMinutes: v.durationMinutes,
        focus: { create: [...new Set(v.focusDimensionIds)].map((dimensionId) => ({ dimensionId })) },
      },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "interview.updated",
      entityType: "Interview",
      entityId: interviewId,
      before: { ...before, focus: before.focus.map((f) => f.dimensionId) },
      after: v,
    });
    return { id: interviewId };
  });
}

export async function cancelInterview(viewer: Viewer, interviewId: string) {
  assertCanSetUp(viewer);
  const candidateId = await candidateOfInterview(interviewId);
  return db.$transaction(async (tx) => {
    // a submission racing the cancellation lands before it (and is refused) or finds it cancelled
    await lockCandidate(tx, candidateId);
    const i = await tx.interview.findUnique({
      where: { id: interviewId },
      select: { status: true, scorecard: { select: { status: true } } },
    });
    if (!i) throw new NotFoundError("Interview not found.");
    if (i.scorecard?.status === "submitted")
      throw new ConflictError("A scorecard has been submitted for this interview; it cannot be cancelled.");
    await tx.interview.update({ where: { id: interviewId }, data: { status: "cancelled" } });
    await audit(tx, {
      actorId: viewer.id,
      action: "interview.cancelled",
      entityType: "Interview",
      entityId: interviewId,
      before: { status: i.status },
    });
    return { id: interviewId };
  });
}

/**
 * One click: one interview per exercise of the role, focus dimensions from the exercise, 60
 * minutes each with 15-minute breaks from `startAt`; interviewers are the active interviewers
 * with the fewest upcoming interviews, a different one for each interview where possible.
 */
export async function createStandardLoop(viewer: Viewer, candidateId: string, input: unknown) {
  assertCanSetUp(viewer);
  const { startAt } = parseInput(standardLoopSchema.pick({ startAt: true }), input);
  const loop = await getLoop(viewer, candidateId);
  if (!loop.exercises.length)
    throw new ConflictError(
      "This role has no exercises to build a standard loop from; plan the interviews one by one.",
    );
  const people = await db.user.findMany({
    where: { active: true, roles: { some: { role: "interviewer" } } },
    select: {
      id: true,
      _count: { select: { interviews: { where: { status: "scheduled", scheduledAt: { gte: new Date() } } } } },
    },
  });
  if (!people.length) throw new ConflictError("There are no active interviewers to assign.");
  const alreadyHere = new Set(
    loop.candidate.interviews.filter((i) => i.status !== "cancelled").map((i) => i.interviewer.id),
  );
  const order = [...people].sort(
    (a, b) =>
      Number(alreadyHere.has(a.id)) - Number(alreadyHere.has(b.id)) ||
      a._count.interviews - b._count.interviews ||
      a.id.localeCompare(b.id),
  );
  const start = new Date(startAt).getTime();
  // all or nothing; the loop is offered while none is planned, and asked for twice at once
  // (a double click, two recruiters) it is planned once
  return db.$transaction(async (tx) => {
    await lockCandidate(tx, candidateId);
    if (await tx.interview.count({ where: { candidateId, status: "scheduled" } }))
      throw new ConflictError("This candidate already has interviews planned; add more one by one.");
    const created: string[] = [];
    for (const [k, e] of standardLoop(loop.exercises).entries()) {
      const v = parseInput(interviewSchema, {
        interviewerId: order[k % order.length].id,
        exerciseId: e.exerciseId,
        focusDimensionIds: e.focusDimensionIds.length ? e.focusDimensionIds : loop.dimensions.map((d) => d.id),
        scheduledAt: new Date(start + k * 75 * 60_000).toISOString(),
        durationMinutes: 60,
      });
      created.push((await insertInterview(tx, viewer, candidateId, v)).id);
    }
    return { created };
  });
}

export async function getOpeningForEdit(openingId: string) {
  return db.opening.findUnique({
    where: { id: openingId },
    select: { id: true, title: true, status: true, hiringManagerId: true, recruiterId: true },
  });
}

/** Whether the opening's role has a version newer than the opening's. */
export async function newerVersionOf(openingId: string) {
  const o = await db.opening.findUnique({
    where: { id: openingId },
    select: { templateVersion: { select: { version: true, templateId: true } } },
  });
  if (!o) return null;
  const latest = await db.roleTemplateVersion.findFirst({
    where: { templateId: o.templateVersion.templateId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return latest && latest.version > o.templateVersion.version ? latest.version : null;
}
