import "server-only";
import { db, type DbTx } from "../db";
import { debriefMovement, revealOrderProblem, type DebriefRecord, type RevealMode } from "../domain/debrief";
import { canSetUpHiring, candidateScope, type Viewer } from "../domain/permissions";
import { engineRating } from "../domain/rating-rows";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, parseInput } from "../errors";
import { debriefStartSchema } from "../validations/debrief";
import { audit } from "./audit";
import { lockCandidate, serializeCandidate } from "./candidate-lock";
import { assertFeedbackVisible } from "./independence";
import type { StoredScorecard } from "./interview-kit";
import { fingerprintCache } from "./fingerprint-cache";
import { submittedFingerprint } from "./rater-offsets";
import { openingWhere } from "./scope";
import { sql, stamp } from "./sql";

// Debrief mode (docs/decisions/078-debrief-mode.md). Starting a debrief freezes every submitted
// scorecard as it stood (DebriefSnapshot, the amendment snapshot's shape), under the candidate's
// lock: an amendment lands either before the snapshot (and is in it) or after (and is
// post-debrief, told by the scorecard's version). The summary reads the debrief with the
// scorecards (lib/data/candidate-summary.ts); the calibration page reads the movement here.

export type SnapshotContent = StoredScorecard & { submittedAt: string | null };

const TX = { timeout: 20_000, maxWait: 10_000 } as const;

/** The candidate's debrief with its snapshots, or null (the callers decided the viewer may see it). */
export async function loadDebrief(client: DbTx, candidateId: string) {
  const row = await client.debrief.findUnique({
    where: { candidateId },
    select: {
      id: true,
      startedAt: true,
      endedAt: true,
      revealMode: true,
      revealOrder: true,
      seniorIds: true,
      startedBy: { select: { id: true, name: true } },
      snapshots: { select: { scorecardId: true, authorId: true, version: true, snapshot: true } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    revealMode: row.revealMode as RevealMode,
    revealOrder: JSON.parse(row.revealOrder) as string[],
    seniorIds: JSON.parse(row.seniorIds) as string[],
    snapshots: row.snapshots.map((s) => ({ ...s, content: JSON.parse(s.snapshot) as SnapshotContent })),
  };
}
export type LoadedDebrief = NonNullable<Awaited<ReturnType<typeof loadDebrief>>>;

/**
 * Who may facilitate: the opening's hiring manager, recruiters and admins — and only while they
 * may see the panel's feedback (never while they owe their own scorecard on the candidate).
 * Throws not-found for anyone who may not see the candidate at all.
 */
async function assertFacilitator(tx: DbTx, viewer: Viewer, candidateId: string) {
  const scope = openingWhere(viewer);
  const candidate = scope
    ? await tx.candidate.findFirst({
        where: { id: candidateId, opening: scope },
        select: { name: true, stage: true, opening: { select: { hiringManagerId: true } } },
      })
    : null;
  if (!candidate) throw new NotFoundError("Candidate not found.");
  await assertFeedbackVisible(viewer, candidateId, tx);
  if (candidate.opening.hiringManagerId !== viewer.id && !canSetUpHiring(viewer.roles))
    throw new ForbiddenError("Only the opening's hiring manager or a recruiter runs the debrief.");
  return candidate;
}

/** Starts the candidate's debrief: the reveal order and the snapshot of every submitted scorecard. */
export async function startDebrief(viewer: Viewer, candidateId: string, input: unknown) {
  return db.$transaction(async (tx) => {
    await serializeCandidate(tx, candidateId);
    const candidate = await assertFacilitator(tx, viewer, candidateId);
    await lockCandidate(tx, candidateId);
    const v = parseInput(debriefStartSchema, input, { firstMessageOnly: true });
    const existing = await tx.debrief.findUnique({
      where: { candidateId },
      select: { startedAt: true, startedBy: { select: { name: true } } },
    });
    if (existing)
      throw new ConflictError(
        `The debrief on ${candidate.name} was already started by ${existing.startedBy.name} at ${existing.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Reload to join it.`,
      );
    const cards = await tx.scorecard.findMany({
      where: { candidateId, status: "submitted" },
      select: {
        id: true,
        authorId: true,
        version: true,
        keyTakeaways: true,
        recommendation: true,
        submittedAt: true,
        ratings: { select: { dimensionId: true, rating: true, notAssessed: true, evidence: true } },
        redFlags: { select: { redFlagId: true, note: true } },
      },
    });
    if (!cards.length)
      throw new ConflictError("There is nothing to debrief yet: no scorecard on this candidate is submitted.");
    const panelIds = [...new Set(cards.map((c) => c.authorId))];
    const problem = revealOrderProblem(v.revealOrder, panelIds);
    if (problem) throw new ValidationError("Some answers need attention.", { revealOrder: [problem] });
    if (v.seniorIds.some((id) => !panelIds.includes(id)))
      throw new ValidationError("Some answers need attention.", {
        seniorIds: ["Only interviewers on this panel can be marked senior."],
      });
    const debrief = await tx.debrief.create({
      data: {
        candidateId,
        startedById: viewer.id,
        revealMode: v.revealMode,
        revealOrder: JSON.stringify(v.revealOrder),
        seniorIds: JSON.stringify([...new Set(v.seniorIds)]),
        snapshots: {
          create: cards.map((c) => ({
            scorecardId: c.id,
            authorId: c.authorId,
            version: c.version,
            snapshot: JSON.stringify({
              ratings: c.ratings,
              redFlags: c.redFlags,
              keyTakeaways: c.keyTakeaways,
              recommendation: c.recommendation,
              submittedAt: c.submittedAt,
            }),
          })),
        },
      },
      select: { id: true, startedAt: true },
    });
    // the pipeline follows: a candidate still applied or interviewing is now in debrief (a later
    // stage is left as it is), audited as any stage change
    if (candidate.stage === "applied" || candidate.stage === "interviewing") {
      await tx.candidate.update({ where: { id: candidateId }, data: { stage: "debrief" }, select: { id: true } });
      await audit(tx, {
        actorId: viewer.id,
        action: "candidate.stage-changed",
        entityType: "Candidate",
        entityId: candidateId,
        before: { stage: candidate.stage },
        after: { stage: "debrief" },
      });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: "debrief.started",
      entityType: "Candidate",
      entityId: candidateId,
      after: {
        debriefId: debrief.id,
        revealMode: v.revealMode,
        revealOrder: v.revealOrder,
        seniorIds: v.seniorIds,
        scorecards: cards.map((c) => ({ id: c.id, version: c.version })),
      },
    });
    return { id: debrief.id, startedAt: debrief.startedAt, scorecards: cards.length };
  }, TX);
}

/** Ends the debrief (amendments after it stay post-debrief); ending twice is a conflict. */
export async function endDebrief(viewer: Viewer, candidateId: string) {
  return db.$transaction(async (tx) => {
    await serializeCandidate(tx, candidateId);
    await assertFacilitator(tx, viewer, candidateId);
    await lockCandidate(tx, candidateId);
    const existing = await tx.debrief.findUnique({ where: { candidateId }, select: { id: true, endedAt: true } });
    if (!existing) throw new ConflictError("No debrief was started on this candidate.");
    if (existing.endedAt) throw new ConflictError("This debrief has already ended.");
    const ended = await tx.debrief.update({
      where: { id: existing.id },
      data: { endedAt: new Date() },
      select: { id: true, endedAt: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "debrief.ended",
      entityType: "Candidate",
      entityId: candidateId,
      after: { debriefId: ended.id },
    });
    return { id: ended.id, endedAt: ended.endedAt! };
  }, TX);
}

/**
 * Movement in debriefs per interviewer (docs/decisions/078-debrief-mode.md), over the debriefs of
 * the openings the viewer's calibration page covers (all, or those they manage), with its role
 * and period filters: each scorecard's 1–5 ratings in its snapshot against the same scorecard
 * now. Aggregates only — no candidate's feedback — like the rest of the calibration page.
 */
export async function getDebriefMovement(
  viewer: Viewer,
  filters: { roleSlug?: string; sinceDays?: number } = {},
  now = new Date(),
  client: DbTx = db,
): Promise<DebriefMovement> {
  const scope = candidateScope(viewer.roles);
  if (scope === "none") throw new NotFoundError("Not found.");
  // kept per scope and filters while nothing it is computed from changed, as the calibration
  // page's figures are (docs/decisions/040-calibration-results-kept-by-fingerprint.md)
  const key = [
    scope === "managed" ? viewer.id : "all",
    filters.roleSlug ?? "",
    filters.sinceDays ?? "",
    filters.sinceDays ? Math.floor(now.getTime() / 3_600_000) : "",
  ].join("|");
  return movementCache(client, key, await movementFingerprint(client), () =>
    computeMovement(viewer, scope, filters, now, client),
  );
}

type Movements = { debriefs: number; interviewers: (ReturnType<typeof debriefMovement>[number] & { name: string })[] };
export type DebriefMovement = Movements;
const movementCache = fingerprintCache<Movements>("debrief-movement");

/**
 * What the movement is computed from: the submitted scorecards (an amendment moves their
 * fingerprint), the debriefs (only ever added: their count and newest start), the openings (a new
 * hiring manager changes a scope) and the people (a new name).
 */
async function movementFingerprint(client: DbTx): Promise<string> {
  const [scorecards, [rest]] = await Promise.all([
    submittedFingerprint(client),
    client.$queryRaw<{ debriefs: unknown; newest: unknown; openings: unknown; users: unknown }[]>(sql`
      SELECT (SELECT COUNT(*) FROM "Debrief") AS "debriefs", (SELECT MAX("startedAt") FROM "Debrief") AS "newest",
        (SELECT MAX("updatedAt") FROM "Opening") AS "openings", (SELECT MAX("updatedAt") FROM "User") AS "users"`),
  ]);
  return [scorecards, rest?.debriefs, rest?.newest, rest?.openings, rest?.users].map(stamp).join(":");
}

async function computeMovement(
  viewer: Viewer,
  scope: "all" | "managed",
  filters: { roleSlug?: string; sinceDays?: number },
  now: Date,
  client: DbTx,
): Promise<Movements> {
  const debriefs = await client.debrief.findMany({
    where: {
      candidate: {
        opening: {
          ...(scope === "managed" ? { hiringManagerId: viewer.id } : {}),
          ...(filters.roleSlug ? { templateVersion: { template: { slug: filters.roleSlug } } } : {}),
        },
      },
      ...(filters.sinceDays ? { startedAt: { gte: new Date(now.getTime() - filters.sinceDays * 86_400_000) } } : {}),
    },
    select: {
      seniorIds: true,
      candidate: { select: { opening: { select: { hiringManagerId: true } } } },
      snapshots: { select: { scorecardId: true, authorId: true, snapshot: true } },
    },
  });
  // in batches: an IN list of every snapshotted scorecard would pass the databases' parameter limits
  const ids = debriefs.flatMap((d) => d.snapshots.map((s) => s.scorecardId));
  const authors = [...new Set(debriefs.flatMap((d) => d.snapshots.map((s) => s.authorId)))];
  const [current, people] = await Promise.all([
    inBatches(ids, (batch) =>
      client.dimensionRating.findMany({
        where: { scorecardId: { in: batch }, scorecard: { status: "submitted" } },
        select: { scorecardId: true, dimensionId: true, rating: true, notAssessed: true },
      }),
    ),
    inBatches(authors, (batch) =>
      client.user.findMany({ where: { id: { in: batch } }, select: { id: true, name: true } }),
    ),
  ]);
  const post = new Map<string, Record<string, number | null>>();
  for (const r of current) {
    const m = post.get(r.scorecardId) ?? {};
    m[r.dimensionId] = engineRating(r);
    post.set(r.scorecardId, m);
  }
  const records: DebriefRecord[] = debriefs.map((d) => ({
    hiringManagerId: d.candidate.opening.hiringManagerId,
    seniorIds: JSON.parse(d.seniorIds) as string[],
    cards: d.snapshots
      .filter((s) => post.has(s.scorecardId))
      .map((s) => ({
        interviewerId: s.authorId,
        pre: Object.fromEntries(
          (JSON.parse(s.snapshot) as SnapshotContent).ratings.map((r) => [r.dimensionId, engineRating(r)]),
        ),
        post: post.get(s.scorecardId)!,
      })),
  }));
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    debriefs: debriefs.length,
    interviewers: debriefMovement(records)
      .map((m) => ({ ...m, name: names.get(m.interviewerId) ?? "—" }))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.interviewerId < b.interviewerId ? -1 : 1)),
  };
}

const BATCH = 500;
/** One query per BATCH ids, one after another, the rows joined. */
async function inBatches<T>(ids: readonly string[], read: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(...(await read(ids.slice(i, i + BATCH))));
  return out;
}
