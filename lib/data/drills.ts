import "server-only";
import { db, type DbTx } from "../db";
import {
  adminConsensus,
  attemptDeviation,
  drillObservations,
  driftSeries,
  emergingConsensus,
  MIN_CONSENSUS_RATERS,
  type AttemptDeviation,
  type ConsensusMode,
  type ConsensusValue,
  type Drift,
  type DrillRatingValue,
  type DrillStatus,
} from "../domain/drills";
import type { Observation } from "../domain/calibration";
import { isAdmin, type Viewer } from "../domain/permissions";
import { ConflictError, fieldErrorsOf, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { drillAttemptIssues, drillAttemptSchema } from "../validations/drill-attempt";
import { drillSchema, drillStatusSchema } from "../validations/drills";
import { audit } from "./audit";
import { refreshCandidateScores } from "./candidate-scores";
import { sql } from "./sql";

// Calibration drills (docs/decisions/080-calibration-drills.md). Admins write and publish a
// reference answer to one exercise of a role version; interviewers rate it once. Nobody sees the
// consensus or anyone else's drill ratings before their own attempt is submitted: the only read
// that returns them is the rater's own result, after their submission. A submitted attempt is
// final (one row per drill and rater, written at submission: the unique key settles a race).

/** Interviewers take drills. */
export const canTakeDrills = (viewer: Viewer) => viewer.roles.includes("interviewer");

function assertAdmin(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins manage calibration drills.");
}
function assertRater(viewer: Viewer) {
  if (!canTakeDrills(viewer)) throw new ForbiddenError("Calibration drills are for interviewers.");
}

const invalid = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  new ValidationError("Some answers need attention.", fieldErrorsOf(issues));

/** The exercise's dimensions, in the exercise's order, with what the rating form shows. */
async function exerciseDimensions(client: DbTx, exerciseId: string) {
  const rows = await client.exerciseDimension.findMany({
    where: { exerciseId },
    orderBy: [{ position: "asc" }, { dimension: { position: "asc" } }],
    select: {
      dimension: {
        select: {
          id: true,
          name: true,
          weight: true,
          weightOrigin: true,
          evidenceToSeek: true,
          anchors: { orderBy: { position: "asc" }, select: { label: true, level: true, text: true } },
        },
      },
    },
  });
  return rows.map((r) => ({ ...r.dimension, focus: false }));
}

const drillSelect = {
  id: true,
  title: true,
  reference: true,
  consensusMode: true,
  status: true,
  createdAt: true,
  publishedAt: true,
  exerciseId: true,
  exercise: {
    select: {
      title: true,
      prompt: true,
      version: { select: { version: true, template: { select: { slug: true, title: true } } } },
    },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Admin: write, publish, archive

/** Checks the form against the exercise: it exists, has dimensions, and the consensus names only them. */
async function checkedDrill(client: DbTx, input: unknown) {
  const r = drillSchema.safeParse(input);
  if (!r.success) throw invalid(r.error.issues);
  const dims = await exerciseDimensions(client, r.data.exerciseId);
  if (!dims.length)
    throw invalid([{ path: ["exerciseId"], message: "Choose an exercise that has dimensions to rate" }]);
  const ids = new Set(dims.map((d) => d.id));
  const foreign = Object.keys(r.data.consensus).filter((k) => !ids.has(k));
  if (foreign.length)
    throw invalid(
      foreign.map((k) => ({ path: ["consensus", k], message: "This dimension is not part of the exercise" })),
    );
  const consensus =
    r.data.consensusMode === "admin"
      ? Object.entries(r.data.consensus)
          .filter(([, v]) => v !== "")
          .map(([dimensionId, v]) => ({ dimensionId, rating: Number(v) }))
      : [];
  return { ...r.data, consensus };
}

export async function createDrill(viewer: Viewer, input: unknown) {
  assertAdmin(viewer);
  const d = await checkedDrill(db, input);
  return db.$transaction(async (tx) => {
    const row = await tx.drill.create({
      data: {
        exerciseId: d.exerciseId,
        title: d.title,
        reference: d.reference,
        consensusMode: d.consensusMode,
        createdById: viewer.id,
        consensus: { create: d.consensus },
      },
      select: { id: true, status: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "drill.created",
      entityType: "Drill",
      entityId: row.id,
      after: { title: d.title, exerciseId: d.exerciseId, consensusMode: d.consensusMode, consensus: d.consensus },
    });
    return row;
  });
}

/** Edits a draft. A published drill is fixed: raters rated that text against that consensus. */
export async function updateDrill(viewer: Viewer, id: string, input: unknown) {
  assertAdmin(viewer);
  const d = await checkedDrill(db, input);
  return db.$transaction(async (tx) => {
    const before = await tx.drill.findUnique({
      where: { id },
      select: { title: true, reference: true, consensusMode: true, exerciseId: true, status: true },
    });
    if (!before) throw new NotFoundError("Drill not found.");
    // the status is re-checked by the write itself, so a publication in between wins
    const { count } = await tx.drill.updateMany({
      where: { id, status: "draft" },
      data: { exerciseId: d.exerciseId, title: d.title, reference: d.reference, consensusMode: d.consensusMode },
    });
    if (!count) throw new ConflictError("Only a draft drill can be edited; this one is published or archived.");
    await tx.drillConsensus.deleteMany({ where: { drillId: id } });
    if (d.consensus.length)
      await tx.drillConsensus.createMany({ data: d.consensus.map((c) => ({ ...c, drillId: id })) });
    await audit(tx, {
      actorId: viewer.id,
      action: "drill.updated",
      entityType: "Drill",
      entityId: id,
      before: { title: before.title, consensusMode: before.consensusMode, exerciseId: before.exerciseId },
      after: { title: d.title, consensusMode: d.consensusMode, exerciseId: d.exerciseId, consensus: d.consensus },
    });
    return { id, status: "draft" as DrillStatus };
  });
}

/** draft → published → archived, each step once (a concurrent second step gets 409). */
export async function setDrillStatus(viewer: Viewer, id: string, input: unknown) {
  assertAdmin(viewer);
  const r = drillStatusSchema.safeParse(input);
  if (!r.success) throw invalid(r.error.issues);
  const from = r.data.status === "published" ? "draft" : "published";
  return db.$transaction(async (tx) => {
    const exists = await tx.drill.findUnique({ where: { id }, select: { status: true } });
    if (!exists) throw new NotFoundError("Drill not found.");
    const now = new Date();
    const { count } = await tx.drill.updateMany({
      where: { id, status: from },
      data: { status: r.data.status, ...(r.data.status === "published" ? { publishedAt: now } : {}) },
    });
    if (!count)
      throw new ConflictError(
        r.data.status === "published"
          ? "Only a draft drill can be published."
          : "Only a published drill can be archived.",
      );
    await audit(tx, {
      actorId: viewer.id,
      action: `drill.${r.data.status}`,
      entityType: "Drill",
      entityId: id,
      before: { status: from },
      after: { status: r.data.status },
    });
    return { id, status: r.data.status as DrillStatus };
  });
}

/** Every drill, newest first, with its number of attempts (admins). */
export async function listDrillsForAdmin(viewer: Viewer) {
  assertAdmin(viewer);
  const rows = await db.drill.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { ...drillSelect, _count: { select: { attempts: true } } },
  });
  return rows.map(({ _count, ...d }) => ({ ...d, attempts: _count.attempts }));
}

/** One drill as the admin edits it: the form's values and the exercise's dimensions. */
export async function getDrillForAdmin(viewer: Viewer, id: string) {
  assertAdmin(viewer);
  const drill = await db.drill.findUnique({
    where: { id },
    select: { ...drillSelect, consensus: { select: { dimensionId: true, rating: true } } },
  });
  if (!drill) throw new NotFoundError("Drill not found.");
  return { ...drill, dimensions: await exerciseDimensions(db, drill.exerciseId) };
}

/** The exercises a drill can be about: those of each role's current version that have dimensions. */
export async function drillExerciseChoices(viewer: Viewer) {
  assertAdmin(viewer);
  const roles = await db.roleTemplate.findMany({
    where: { archived: false },
    orderBy: { title: "asc" },
    select: {
      title: true,
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        select: {
          version: true,
          exercises: {
            where: { dimensions: { some: {} } },
            orderBy: { position: "asc" },
            select: {
              id: true,
              title: true,
              dimensions: { orderBy: { position: "asc" }, select: { dimension: { select: { id: true, name: true } } } },
            },
          },
        },
      },
    },
  });
  return roles.flatMap((r) =>
    r.versions.flatMap((v) =>
      v.exercises.map((e) => ({
        id: e.id,
        label: `${r.title} (version ${v.version}) — ${e.title}`,
        dimensions: e.dimensions.map((x) => x.dimension),
      })),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Raters: the open drills, one drill, a submission, the result after it

export type DrillListItem = {
  id: string;
  title: string;
  role: string;
  exercise: string;
  publishedAt: Date | null;
  status: DrillStatus;
  submittedAt: Date | null;
};

/** Published drills, and archived ones the rater took (to see their result again), newest first. */
export async function listDrillsForRater(viewer: Viewer): Promise<DrillListItem[]> {
  assertRater(viewer);
  const rows = await db.drill.findMany({
    where: {
      OR: [{ status: "published" }, { status: "archived", attempts: { some: { raterId: viewer.id } } }],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    select: {
      ...drillSelect,
      attempts: { where: { raterId: viewer.id }, select: { submittedAt: true } },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    title: d.title,
    role: d.exercise.version.template.title,
    exercise: d.exercise.title,
    publishedAt: d.publishedAt,
    status: d.status as DrillStatus,
    submittedAt: d.attempts[0]?.submittedAt ?? null,
  }));
}

type AttemptRow = { id: string; raterId: string; submittedAt: Date; ratings: DrillRatingValue[] };

async function attemptsOf(client: DbTx, drillId: string): Promise<AttemptRow[]> {
  const rows = await client.drillAttempt.findMany({
    where: { drillId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      raterId: true,
      submittedAt: true,
      ratings: { select: { dimensionId: true, rating: true, notAssessed: true } },
    },
  });
  return rows.map((a) => ({
    ...a,
    ratings: a.ratings.map((r) => ({ dimensionId: r.dimensionId, rating: r.notAssessed ? null : r.rating })),
  }));
}

/** The consensus a rater's attempt is compared with: the admin's, or the other raters' mean. */
function consensusFor(
  mode: ConsensusMode,
  admin: readonly { dimensionId: string; rating: number }[],
  attempts: readonly AttemptRow[],
  raterId: string,
): Map<string, ConsensusValue> {
  return mode === "admin" ? adminConsensus(admin) : emergingConsensus(attempts, raterId);
}

export type DrillResult = {
  submittedAt: Date;
  consensusMode: ConsensusMode;
  deviation: AttemptDeviation;
};

export type DrillForRater = {
  id: string;
  title: string;
  reference: string;
  status: DrillStatus;
  role: string;
  exercise: { title: string; prompt: string };
  dimensions: Awaited<ReturnType<typeof exerciseDimensions>>;
  /** the rater's own submitted ratings, with evidence; null before they submit */
  own: { dimensionId: string; rating: number | null; notAssessed: boolean; evidence: string }[] | null;
  /** the consensus and their deviation: only once their own attempt is submitted (docs/decisions/080) */
  result: DrillResult | null;
};

/**
 * One drill for a rater. Before their own submission nothing of the consensus or of others'
 * ratings is read, let alone returned; a draft drill, or an archived one they never took, is not found.
 */
export async function getDrillForRater(viewer: Viewer, id: string, client: DbTx = db): Promise<DrillForRater> {
  assertRater(viewer);
  const drill = await client.drill.findUnique({
    where: { id },
    select: {
      ...drillSelect,
      attempts: {
        where: { raterId: viewer.id },
        select: {
          submittedAt: true,
          ratings: { select: { dimensionId: true, rating: true, notAssessed: true, evidence: true } },
        },
      },
    },
  });
  const mine = drill?.attempts[0] ?? null;
  if (!drill || drill.status === "draft" || (drill.status === "archived" && !mine))
    throw new NotFoundError("Drill not found.");
  const dimensions = await exerciseDimensions(client, drill.exerciseId);
  const base = {
    id: drill.id,
    title: drill.title,
    reference: drill.reference,
    status: drill.status as DrillStatus,
    role: drill.exercise.version.template.title,
    exercise: { title: drill.exercise.title, prompt: drill.exercise.prompt },
    dimensions,
  };
  if (!mine) return { ...base, own: null, result: null };
  const mode = drill.consensusMode as ConsensusMode;
  const [admin, attempts] = await Promise.all([
    mode === "admin"
      ? client.drillConsensus.findMany({ where: { drillId: id }, select: { dimensionId: true, rating: true } })
      : Promise.resolve([]),
    mode === "raters" ? attemptsOf(client, id) : Promise.resolve([]),
  ]);
  const own = mine.ratings.map((r) => ({ dimensionId: r.dimensionId, rating: r.notAssessed ? null : r.rating }));
  return {
    ...base,
    own: dimensions.map((d) => {
      const r = mine.ratings.find((x) => x.dimensionId === d.id);
      return {
        dimensionId: d.id,
        rating: r?.rating ?? null,
        notAssessed: r?.notAssessed ?? true,
        evidence: r?.evidence ?? "",
      };
    }),
    result: {
      submittedAt: mine.submittedAt,
      consensusMode: mode,
      deviation: attemptDeviation(
        dimensions.map((d) => d.id),
        own,
        consensusFor(mode, admin, attempts, viewer.id),
      ),
    },
  };
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

/**
 * Submits the rater's ratings of a published drill, once: the attempt row is written at
 * submission, and the (drill, rater) unique key lets exactly one of two concurrent submissions in
 * (the other gets 409). Answers with the result, as getDrillForRater does after it.
 */
export async function submitDrillAttempt(viewer: Viewer, id: string, input: unknown) {
  assertRater(viewer);
  const parsed = drillAttemptSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const drill = await db.drill.findUnique({ where: { id }, select: { status: true, exerciseId: true } });
  if (!drill || drill.status === "draft") throw new NotFoundError("Drill not found.");
  if (drill.status !== "published") throw new ConflictError("This drill is archived and takes no more ratings.");
  const dims = await exerciseDimensions(db, drill.exerciseId);
  const issues = drillAttemptIssues(
    parsed.data,
    dims.map((d) => d.id),
  );
  if (issues.length) throw invalid(issues);
  const already = () => new ConflictError("You have already submitted this drill; a submitted drill is final.");
  try {
    await db.$transaction(async (tx) => {
      const attempt = await tx.drillAttempt.create({
        data: { drillId: id, raterId: viewer.id },
        select: { id: true },
      });
      await tx.drillRating.createMany({
        data: dims.map((d) => {
          const e = parsed.data.ratings[d.id];
          return {
            attemptId: attempt.id,
            dimensionId: d.id,
            rating: e.score === "na" ? null : Number(e.score),
            notAssessed: e.score === "na",
            evidence: e.evidence,
          };
        }),
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "drill.attempt.submitted",
        entityType: "Drill",
        entityId: id,
        after: { attemptId: attempt.id },
      });
      // new observations move every interviewer's offset: the stored scores of openings that
      // recommend on calibrated scores follow in the same transaction (docs/decisions/060, 080)
      await refreshCandidateScores(tx, []);
    });
  } catch (e) {
    throw isUniqueViolation(e) ? already() : e;
  }
  return getDrillForRater(viewer, id);
}

// ---------------------------------------------------------------------------------------------
// Calibration: drill ratings in the leniency model, their fingerprint, drift over time

/**
 * Every submitted drill rating (1–5) as a leniency observation, in one fixed order (the fit's sums
 * depend on it at the last bit, docs/decisions/060). Archived drills count: their ratings were given.
 */
export async function submittedDrillObservations(
  client: DbTx,
  filter: { roleSlug?: string; since?: Date } = {},
): Promise<(Observation & { drill: true })[]> {
  const rows = await client.$queryRaw<{ drillId: string; raterId: string; dimensionId: string; rating: unknown }[]>(sql`
    SELECT a."drillId", a."raterId", r."dimensionId", r."rating"
    FROM "DrillRating" r JOIN "DrillAttempt" a ON a."id" = r."attemptId"
    ${filter.roleSlug ? sql`JOIN "Drill" k ON k."id" = a."drillId" JOIN "Exercise" e ON e."id" = k."exerciseId" JOIN "RoleTemplateVersion" v ON v."id" = e."versionId" JOIN "RoleTemplate" t ON t."id" = v."templateId"` : sql``}
    WHERE r."rating" IS NOT NULL AND NOT r."notAssessed"${filter.roleSlug ? sql` AND t."slug" = ${filter.roleSlug}` : sql``}${filter.since ? sql` AND a."submittedAt" >= ${filter.since}` : sql``}
    ORDER BY a."id", r."dimensionId"`);
  return drillObservations(
    rows.map((r) => ({
      drillId: r.drillId,
      raterId: r.raterId,
      ratings: [{ dimensionId: r.dimensionId, rating: Number(r.rating) }],
    })),
  );
}

export type DrillDrift = {
  raterId: string;
  drift: Omit<Drift, "points"> & {
    points: (Drift["points"][number] & { title: string; meanAbsDeviation: number | null })[];
  };
};

/**
 * Per interviewer, their deviation from each drill's consensus, by submission time (the
 * calibration page's drift table). Consensus as each rater's own result shows it. Organisation-wide:
 * drills are not about candidates, so no candidate scope applies; the caller (lib/data/calibration.ts)
 * has checked that the viewer may see calibration figures. One read per drill with attempts.
 */
export async function drillDrift(client: DbTx = db): Promise<Map<string, DrillDrift>> {
  const drills = await client.drill.findMany({
    where: { attempts: { some: {} } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      title: true,
      consensusMode: true,
      exerciseId: true,
      consensus: { select: { dimensionId: true, rating: true } },
    },
  });
  const byRater = new Map<string, { drillId: string; title: string; submittedAt: Date; d: AttemptDeviation }[]>();
  for (const k of drills) {
    const [dims, attempts] = await Promise.all([exerciseDimensions(client, k.exerciseId), attemptsOf(client, k.id)]);
    const ids = dims.map((d) => d.id);
    for (const a of attempts) {
      const d = attemptDeviation(
        ids,
        a.ratings,
        consensusFor(k.consensusMode as ConsensusMode, k.consensus, attempts, a.raterId),
      );
      const list = byRater.get(a.raterId) ?? [];
      list.push({ drillId: k.id, title: k.title, submittedAt: a.submittedAt, d });
      byRater.set(a.raterId, list);
    }
  }
  const out = new Map<string, DrillDrift>();
  for (const [raterId, list] of byRater) {
    const meta = new Map(list.map((x) => [x.drillId, x]));
    const drift = driftSeries(
      list.map((x) => ({ drillId: x.drillId, submittedAt: x.submittedAt, meanDeviation: x.d.meanDeviation, n: x.d.n })),
    );
    out.set(raterId, {
      raterId,
      drift: {
        ...drift,
        points: drift.points.map((p) => ({
          ...p,
          title: meta.get(p.drillId)!.title,
          meanAbsDeviation: meta.get(p.drillId)!.d.meanAbsDeviation,
        })),
      },
    });
  }
  return out;
}

/** A drill as /api/v1 answers it (lib/api/view-schemas.ts `drill`): the result only after one's own submission. */
export function drillView(d: DrillForRater) {
  const nameOf = new Map(d.dimensions.map((x) => [x.id, x.name]));
  const ownOf = new Map((d.own ?? []).map((o) => [o.dimensionId, o]));
  return {
    id: d.id,
    title: d.title,
    reference: d.reference,
    status: d.status,
    role: d.role,
    exercise: d.exercise,
    dimensions: d.dimensions.map((x) => ({
      id: x.id,
      name: x.name,
      evidenceToSeek: x.evidenceToSeek,
      anchors: x.anchors,
    })),
    submitted: d.result !== null,
    result: d.result && {
      submittedAt: d.result.submittedAt.toISOString(),
      consensusMode: d.result.consensusMode,
      minRaters: MIN_CONSENSUS_RATERS,
      n: d.result.deviation.n,
      meanDeviation: d.result.deviation.meanDeviation,
      meanAbsDeviation: d.result.deviation.meanAbsDeviation,
      dimensions: d.result.deviation.dimensions.map((x) => ({
        dimensionId: x.dimensionId,
        name: nameOf.get(x.dimensionId) ?? "",
        rating: x.own,
        notAssessed: ownOf.get(x.dimensionId)?.notAssessed ?? x.own === null,
        evidence: ownOf.get(x.dimensionId)?.evidence ?? "",
        consensus: x.consensus?.value ?? null,
        raters: x.consensus?.raters ?? null,
        enough: x.consensus?.enough ?? false,
        deviation: x.deviation,
      })),
    },
  };
}
