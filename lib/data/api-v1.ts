import "server-only";
import { db } from "../db";
import { canSetUpHiring, isAdmin } from "../domain/permissions";
import { ForbiddenError, NotFoundError } from "../errors";
import { decodeCursor, pageOf } from "./cursor";
import type { Viewer } from "../domain/permissions";
import { openingWhere } from "./scope";
import { listDecisions } from "./decisions";
import { getInterviewKit } from "./interview-kit";
import { exportRoleTemplates, getRoleTemplate, listRoleTemplates, toRoleTemplateJson } from "./role-templates";

// Reads for the JSON API (docs/decisions/007-api-tokens-and-webhooks.md), in the documented shapes
// (lib/api/*-schemas.ts), with the same visibility rules as the pages. Writes reuse the UI's data
// functions unchanged.

type Page = { limit: number; cursor?: string };
const after = (cursor?: string) => {
  const id = decodeCursor(cursor);
  return id ? { id: { gt: id } } : {};
};

// ── role templates (everyone signed in reads them, as on /roles) ─────────────────────────────
export async function apiListRoles(p: Page) {
  const all = (await listRoleTemplates())
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((r) => ({ ...r, id: r.slug }));
  const from = p.cursor ? decodeCursor(p.cursor)! : "";
  const rows = all.filter((r) => r.slug > from).slice(0, p.limit + 1);
  return pageOf(rows, p.limit, (r) => ({
    slug: r.slug,
    title: r.title,
    version: r.version,
    source: r.source,
    dimensionCount: r.dimensionCount,
    exerciseCount: r.exerciseCount,
    redFlagCount: r.redFlagCount,
    equalDefaultWeights: r.equalDefaultWeights,
  }));
}

export async function apiExportRoles(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins export role templates.");
  return exportRoleTemplates();
}

export async function apiGetRole(slug: string, version?: number) {
  const found = await getRoleTemplate(slug, version);
  if (!found) throw new NotFoundError("No such role template or version.");
  const v = found.version;
  return {
    slug,
    version: v.version,
    currentVersion: found.current,
    versions: found.versions.map((x) => ({ version: x.version, createdAt: x.createdAt, changeNote: x.changeNote })),
    ids: {
      dimensions: v.dimensions.map((d) => ({ id: d.id, name: d.name })),
      exercises: v.exercises.map((e) => ({ id: e.id, title: e.title })),
      redFlags: v.redFlags.map((f) => ({ id: f.id, text: f.text })),
    },
    template: toRoleTemplateJson(v),
  };
}

// ── openings ─────────────────────────────────────────────────────────────────────────────────
const openingSelect = {
  id: true,
  title: true,
  status: true,
  createdAt: true,
  hiringManager: { select: { id: true, name: true } },
  recruiter: { select: { id: true, name: true } },
  templateVersion: { select: { title: true, version: true, template: { select: { slug: true } } } },
  _count: { select: { candidates: true } },
} as const;
type OpeningRow = {
  id: string;
  title: string;
  status: string;
  createdAt: Date;
  hiringManager: { id: string; name: string };
  recruiter: { id: string; name: string };
  templateVersion: { title: string; version: number; template: { slug: string } };
  _count: { candidates: number };
};
const toOpening = (o: OpeningRow) => ({
  id: o.id,
  title: o.title,
  status: o.status,
  role: { slug: o.templateVersion.template.slug, title: o.templateVersion.title, version: o.templateVersion.version },
  hiringManager: o.hiringManager,
  recruiter: o.recruiter,
  candidateCount: o._count.candidates,
  createdAt: o.createdAt,
});

export async function apiListOpenings(viewer: Viewer, p: Page) {
  const scope = openingWhere(viewer);
  if (!scope) throw new ForbiddenError("Openings are for recruiters, hiring managers and admins.");
  const rows = await db.opening.findMany({
    where: { ...scope, ...after(p.cursor) },
    orderBy: { id: "asc" },
    take: p.limit + 1,
    select: openingSelect,
  });
  return pageOf(rows, p.limit, toOpening);
}

export async function apiGetOpening(viewer: Viewer, id: string) {
  const scope = openingWhere(viewer);
  const row = scope ? await db.opening.findFirst({ where: { id, ...scope }, select: openingSelect }) : null;
  if (!row) throw new NotFoundError("Opening not found.");
  return toOpening(row);
}

// ── candidates ───────────────────────────────────────────────────────────────────────────────
const candidateSelect = {
  id: true,
  openingId: true,
  name: true,
  email: true,
  stage: true,
  source: true,
  notes: true,
  createdAt: true,
} as const;

export async function apiListCandidates(viewer: Viewer, openingId: string, p: Page) {
  await apiGetOpening(viewer, openingId);
  const rows = await db.candidate.findMany({
    where: { openingId, ...after(p.cursor) },
    orderBy: { id: "asc" },
    take: p.limit + 1,
    select: candidateSelect,
  });
  return pageOf(rows, p.limit, (c) => c);
}

export async function apiGetCandidate(viewer: Viewer, id: string) {
  const scope = openingWhere(viewer);
  const row = scope ? await db.candidate.findFirst({ where: { id, opening: scope }, select: candidateSelect }) : null;
  if (!row) throw new NotFoundError("Candidate not found.");
  return row;
}

// ── interviews ───────────────────────────────────────────────────────────────────────────────
const interviewSelect = {
  id: true,
  scheduledAt: true,
  durationMinutes: true,
  status: true,
  candidate: { select: { id: true, name: true, openingId: true } },
  interviewer: { select: { id: true, name: true } },
  exercise: { select: { id: true, title: true } },
  focus: { select: { dimensionId: true } },
  scorecard: { select: { status: true } },
} as const;
type InterviewRow = {
  id: string;
  scheduledAt: Date;
  durationMinutes: number;
  status: string;
  candidate: { id: string; name: string; openingId: string };
  interviewer: { id: string; name: string };
  exercise: { id: string; title: string } | null;
  focus: { dimensionId: string }[];
  scorecard: { status: string } | null;
};
const toInterview = (i: InterviewRow) => ({
  id: i.id,
  candidate: { id: i.candidate.id, name: i.candidate.name },
  openingId: i.candidate.openingId,
  interviewer: i.interviewer,
  exercise: i.exercise,
  focusDimensionIds: i.focus.map((f) => f.dimensionId),
  scheduledAt: i.scheduledAt,
  durationMinutes: i.durationMinutes,
  status: i.status,
  scorecardStatus: i.scorecard?.status ?? "none",
});

export async function apiGetInterview(id: string) {
  const row = await db.interview.findUnique({ where: { id }, select: interviewSelect });
  if (!row) throw new NotFoundError("Interview not found.");
  return toInterview(row);
}

export async function apiListCandidateInterviews(viewer: Viewer, candidateId: string, p: Page) {
  await apiGetCandidate(viewer, candidateId);
  const rows = await db.interview.findMany({
    where: { candidateId, ...after(p.cursor) },
    orderBy: { id: "asc" },
    take: p.limit + 1,
    select: interviewSelect,
  });
  return pageOf(rows, p.limit, toInterview);
}

export async function apiListInterviews(viewer: Viewer, interviewerId: string | undefined, p: Page) {
  const who = interviewerId ?? viewer.id;
  if (who !== viewer.id && !canSetUpHiring(viewer.roles))
    throw new ForbiddenError("Only recruiters and admins list other people's interviews.");
  const rows = await db.interview.findMany({
    where: { interviewerId: who, ...after(p.cursor) },
    orderBy: { id: "asc" },
    take: p.limit + 1,
    select: interviewSelect,
  });
  return pageOf(rows, p.limit, toInterview);
}

// ── scorecards (only the interviewer's own; others' through the panel, after submitting) ─────
export async function apiGetScorecard(viewer: Viewer, interviewId: string) {
  const kit = await getInterviewKit(viewer.id, interviewId);
  if (!kit) throw new NotFoundError("There is no such interview among yours.");
  const focus = new Set(kit.kit.focusDimensionIds);
  const sc = kit.scorecard;
  return {
    interviewId,
    status: sc?.status ?? "none",
    version: sc?.version ?? 0,
    updatedAt: sc?.updatedAt ?? null,
    submittedAt: sc?.submittedAt ?? null,
    values: sc?.values ?? { ratings: {}, redFlags: {}, keyTakeaways: "", recommendation: "" },
    kit: {
      dimensions: kit.version.dimensions.map((d) => ({
        id: d.id,
        name: d.name,
        weight: d.weight,
        focus: focus.has(d.id),
      })),
      redFlags: kit.version.redFlags.map((f) => ({ id: f.id, text: f.text })),
    },
    amendments: (sc?.amendments ?? []).map((a) => ({
      fromVersion: a.fromVersion,
      reason: a.reason,
      createdAt: a.createdAt,
    })),
  };
}

export async function interviewCandidateFor(viewer: Viewer, interviewId: string) {
  const row = await db.interview.findFirst({
    where: { id: interviewId, interviewerId: viewer.id },
    select: { candidateId: true },
  });
  if (!row) throw new NotFoundError("There is no such interview among yours.");
  return row.candidateId;
}

// ── decisions ────────────────────────────────────────────────────────────────────────────────
type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number];
export const toDecision = (d: DecisionRow) => ({
  id: d.id,
  outcome: d.outcome,
  rationale: d.rationale,
  overrideReason: d.overrideReason,
  isOverride: d.isOverride,
  computedRecommendation: d.computedRecommendation,
  computedScore: d.computedScore,
  decidedBy: d.decidedBy.name,
  createdAt: d.createdAt,
});
