import "server-only";
import { db } from "../db";
import type { Viewer } from "../domain/permissions";
import {
  correlationFigures,
  MIN_PAIRS,
  periodReport,
  RANGE_RESTRICTION_WARNING,
  type CheckInCase,
  type PeriodReport,
} from "../domain/quality-of-hire";
import { NotFoundError } from "../errors";
import { checkInPeriods } from "./check-ins";
import { withheldFeedback } from "./independence";
import { openingWhere } from "./scope";

// The quality-of-hire report of a role (docs/decisions/079-quality-of-hire.md): for each check-in
// period, how the hires' interview scores relate to their check-ins. The interview side is the
// scores the engine stores (CandidateDimensionScore's sums, CandidateScore's headline S:
// docs/decisions/060), never computed a second way. Who sees it follows the calibration page:
// admins and recruiters every opening's hires, a hiring manager those of the openings they
// manage; and no candidate on whom the viewer still owes a scorecard (docs/decisions/024).

/** Dimensions of different versions of a role are the same dimension when their names match. */
const dimensionKey = (name: string) => name.trim().toLowerCase();

export type QualityOfHire = {
  role: { slug: string; title: string; version: number };
  minPairs: number;
  warning: string;
  periods: PeriodReport[];
};

export async function getQualityOfHire(viewer: Viewer, slug: string): Promise<QualityOfHire> {
  const scope = openingWhere(viewer);
  if (!scope) throw new NotFoundError("Role template not found.");
  const template = await db.roleTemplate.findUnique({
    where: { slug },
    select: {
      id: true,
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        select: {
          version: true,
          title: true,
          dimensions: { orderBy: { position: "asc" }, select: { name: true, weight: true } },
        },
      },
    },
  });
  const current = template?.versions[0];
  if (!template || !current) throw new NotFoundError("Role template not found.");

  const checkIns = await db.hireCheckIn.findMany({
    where: { candidate: { erasedAt: null, opening: { ...scope, templateVersion: { templateId: template.id } } } },
    orderBy: [{ periodDays: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      candidateId: true,
      periodDays: true,
      overall: true,
      wouldHireAgain: true,
      ratings: { select: { rating: true, notAssessed: true, dimension: { select: { name: true } } } },
      candidate: {
        select: {
          openingId: true,
          score: { select: { score: true } },
          dimensionScores: { select: { dimensionId: true, ratings: true, sum: true } },
        },
      },
    },
  });
  // independent ratings first: not the candidates the viewer still owes a scorecard on
  const openings = [...new Set(checkIns.map((c) => c.candidate.openingId))];
  const withheld = new Set<string>();
  for (const openingId of openings)
    for (const id of (await withheldFeedback(db, viewer.id, { openingId })).keys()) withheld.add(id);
  const visible = checkIns.filter((c) => !withheld.has(c.candidateId));

  const dimensionIds = [...new Set(visible.flatMap((c) => c.candidate.dimensionScores.map((d) => d.dimensionId)))];
  const names = new Map(
    (await db.dimension.findMany({ where: { id: { in: dimensionIds } }, select: { id: true, name: true } })).map(
      (d) => [d.id, dimensionKey(d.name)],
    ),
  );
  const toCase = (c: (typeof visible)[number]): CheckInCase => {
    const interview: Record<string, number | undefined> = Object.create(null);
    for (const d of c.candidate.dimensionScores) {
      const key = names.get(d.dimensionId);
      if (key && d.ratings > 0) interview[key] = d.sum / d.ratings;
    }
    const outcome: Record<string, number | undefined> = Object.create(null);
    for (const r of c.ratings)
      if (!r.notAssessed && r.rating !== null) outcome[dimensionKey(r.dimension.name)] = r.rating;
    return {
      interview,
      score: c.candidate.score?.score ?? null,
      outcome,
      overall: c.overall,
      wouldHireAgain: c.wouldHireAgain,
    };
  };
  const dims = current.dimensions.map((d) => ({ key: dimensionKey(d.name), name: d.name, weight: d.weight }));
  const periods = [...new Set([...checkInPeriods(), ...visible.map((c) => c.periodDays)])].sort((a, b) => a - b);
  return {
    role: { slug, title: current.title, version: current.version },
    minPairs: MIN_PAIRS,
    warning: RANGE_RESTRICTION_WARNING,
    periods: periods.map((p) => periodReport(p, dims, visible.filter((c) => c.periodDays === p).map(toCase))),
  };
}

/** The report as GET /api/v1/roles/{slug}/quality-of-hire answers it. */
export async function apiQualityOfHire(viewer: Viewer, slug: string) {
  const q = await getQualityOfHire(viewer, slug);
  return {
    ...q,
    periods: q.periods.map((p) => ({
      periodDays: p.periodDays,
      checkIns: p.checkIns,
      wouldHireAgain: p.wouldHireAgain,
      overall: correlationFigures(p.overall),
      dimensions: p.dimensions.map((d) => ({
        name: d.name,
        weight: d.weight,
        correlation: correlationFigures(d.correlation),
      })),
      suggestion: p.suggestion
        ? { weights: p.suggestion.weights.map(({ name, current, suggested }) => ({ name, current, suggested })) }
        : null,
    })),
  };
}
