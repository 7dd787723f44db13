import "server-only";
import { db, type DbTx } from "../db";
import {
  agreement,
  MIN_AGREEMENT_CANDIDATES,
  MIN_SHARED_OBSERVATIONS,
  raterLeniency,
  type Agreement,
  type Observation,
  type RaterLeniency,
} from "../domain/calibration";
import {
  calibrationFlags,
  interviewerStats,
  type CalibrationFlag,
  type Distribution,
  type InterviewerStats,
  type StatsScorecard,
} from "../domain/calibration-stats";
import { agreementRate, agreementWith, type AgreementRate } from "../domain/decision-feedback";
import { candidateScope } from "../domain/permissions";
import { NotFoundError } from "../errors";
import type { Viewer } from "../domain/permissions";
import { drillSharedCounts } from "../domain/drills";
import { drillDrift, submittedDrillObservations, type DrillDrift } from "./drills";
import { fingerprintCache } from "./fingerprint-cache";
import { submittedFingerprint } from "./rater-offsets";
import { sql, stamp, type Sql } from "./sql";

// Calibration analytics (docs/decisions/012-calibration.md): per interviewer, what their submitted
// scorecards say about how they rate; per role and dimension, how well the interviewers agree.
// Scope is part of the SQL: admins and recruiters read every opening, a hiring manager only the
// openings they manage (so only those openings' interviewers, with figures from those openings
// alone), anyone else gets "not found" as on the other hiring pages. Submitted scorecards only,
// amended ones with their current content; erased candidates' scorecards still count as numbers,
// and no candidate name or text is ever read here. A fixed number of statements whatever the volume
// (flat joins, as in lib/data/score-cache.ts); for agreement, dimensions are matched by name
// within a role, across its template versions. With everything in view (all openings, no filter),
// the observations are lib/data/rater-offsets.ts's, so leniency is the calibrated view's (by test).

const DAY = 86_400_000;

/** The role and name of every dimension of every template version: a rating's dimension is keyed by role + name. */
async function dimensionIndex(client: DbTx) {
  const rows = await client.$queryRaw<
    {
      id: string;
      name: string;
      position: number | bigint;
      version: number | bigint;
      templateId: string;
      slug: string;
      title: string;
    }[]
  >(sql`
    SELECT d."id", d."name", d."position", v."version", t."id" AS "templateId", t."slug", t."title"
    FROM "Dimension" d JOIN "RoleTemplateVersion" v ON v."id" = d."versionId" JOIN "RoleTemplate" t ON t."id" = v."templateId"`);
  const keyOf = new Map<string, string>();
  const dims = new Map<
    string,
    { key: string; name: string; slug: string; roleTitle: string; version: number; position: number }
  >();
  for (const r of rows) {
    const key = `${r.templateId}\u0000${r.name}`;
    keyOf.set(r.id, key);
    const version = Number(r.version);
    const prev = dims.get(key);
    // placed as the newest version that has it places it
    if (!prev || version > prev.version)
      dims.set(key, { key, name: r.name, slug: r.slug, roleTitle: r.title, version, position: Number(r.position) });
  }
  return { keyOf, dims };
}

type Scope = { managerId?: string; roleSlug?: string; since?: Date };

/** Joined onto the scorecards `s`: their candidate, opening and role, and the scope's conditions. */
const inScope = (f: Scope): Sql => sql`
  JOIN "Candidate" c ON c."id" = s."candidateId"
  JOIN "Opening" o ON o."id" = c."openingId"
  JOIN "RoleTemplateVersion" v ON v."id" = o."templateVersionId"
  JOIN "RoleTemplate" t ON t."id" = v."templateId"
  WHERE s."status" = 'submitted'${f.managerId ? sql` AND o."hiringManagerId" = ${f.managerId}` : sql``}${f.roleSlug ? sql` AND t."slug" = ${f.roleSlug}` : sql``}${f.since ? sql` AND s."submittedAt" >= ${f.since}` : sql``}`;

type CardRow = {
  id: string;
  authorId: string;
  candidateId: string;
  recommendation: string | null;
  submittedAt: Date | string;
  scheduledAt: Date | string;
  durationMinutes: number | bigint;
};
/** rating 0 stands for Not assessed; rows with neither a rating nor Not assessed are not read */
type RatingRow = { scorecardId: string; dimensionId: string; rating: number | bigint };

/** Three statements: the scorecards (with their interview's schedule), their rows, their red-flag counts. */
async function loadScope(client: DbTx, f: Scope) {
  const scope = inScope(f);
  const [cards, ratings, flags, decisions] = await Promise.all([
    client.$queryRaw<CardRow[]>(sql`
      SELECT s."id", s."authorId", s."candidateId", s."recommendation", s."submittedAt", i."scheduledAt", i."durationMinutes"
      FROM "Scorecard" s JOIN "Interview" i ON i."id" = s."interviewId" ${scope}`),
    client.$queryRaw<RatingRow[]>(sql`
      SELECT r."scorecardId", r."dimensionId", CASE WHEN r."notAssessed" THEN 0 ELSE r."rating" END AS "rating"
      FROM "DimensionRating" r JOIN "Scorecard" s ON s."id" = r."scorecardId" ${scope} AND (r."rating" IS NOT NULL OR r."notAssessed")`),
    client.$queryRaw<{ scorecardId: string; n: number | bigint }[]>(sql`
      SELECT f."scorecardId", COUNT(*) AS "n"
      FROM "RedFlagObservation" f JOIN "Scorecard" s ON s."id" = f."scorecardId" ${scope}
      GROUP BY f."scorecardId"`),
    // each scoped candidate's decision as it stands (the newest row: a revision is a new row)
    client.$queryRaw<{ candidateId: string; outcome: string }[]>(sql`
      SELECT d."candidateId", d."outcome" FROM "Decision" d
      WHERE d."candidateId" IN (SELECT s."candidateId" FROM "Scorecard" s ${scope})
        AND NOT EXISTS (SELECT 1 FROM "Decision" d2 WHERE d2."candidateId" = d."candidateId"
          AND (d2."createdAt" > d."createdAt" OR (d2."createdAt" = d."createdAt" AND d2."id" > d."id")))`),
  ]);
  return { cards, ratings, flags, decisions };
}

export type CalibrationFilters = { roleSlug?: string; sinceDays?: number };

export type InterviewerCalibration = {
  id: string;
  name: string;
  stats: InterviewerStats;
  /** shared 0 and nothing else when they share no rated dimension with anyone */
  leniency: RaterLeniency;
  flags: CalibrationFlag[];
  dimensions: { key: string; role: string; name: string; distribution: Distribution }[];
  /** their overall recommendations against final decisions (docs/decisions/077-how-it-ended.md) */
  decisions: AgreementRate;
  /** how many of leniency's shared ratings are calibration drill ratings (docs/decisions/080-calibration-drills.md) */
  drillShared: number;
  /** their deviation from drill consensus over time; null when they took no drill */
  drift: DrillDrift["drift"] | null;
};

export type RoleAgreement = {
  slug: string;
  title: string;
  dimensions: { key: string; name: string; agreement: Agreement }[];
};

/**
 * Everything the calibration page and its CSV show, for the viewer's scope and the filters.
 * Statements: the viewer's scope needs none; then the dimension index, the three scope queries,
 * the interviewers' names and the role list.
 */
export async function getCalibration(
  viewer: Viewer,
  filters: CalibrationFilters = {},
  now = new Date(),
  client: DbTx = db,
): Promise<Calibration> {
  const scope = candidateScope(viewer.roles);
  if (scope === "none") throw new NotFoundError("Not found.");
  // the same figures for the same inputs: kept per scope and filters (lib/data/fingerprint-cache.ts)
  // while nothing they are computed from has changed; a period moves its edge by the hour
  const fingerprint = await calibrationFingerprint(client);
  const key = [
    scope === "managed" ? viewer.id : "all",
    filters.roleSlug ?? "",
    filters.sinceDays ?? "",
    filters.sinceDays ? Math.floor(now.getTime() / 3_600_000) : "",
  ].join("|");
  return calibrationCache(client, key, fingerprint, () => computeCalibration(viewer, scope, filters, now, client));
}

const calibrationCache = fingerprintCache<Calibration>("calibration");

/**
 * One role's agreement per dimension (keyed by dimension name), over the whole organisation, as
 * the calibration page computes it for an admin filtering on that role, from the same kept result
 * (docs/decisions/075-one-more-interview.md). Aggregate figures only: no rating or name is returned.
 */
export async function getRoleAgreement(
  roleSlug: string,
  now = new Date(),
  client: DbTx = db,
): Promise<Map<string, Agreement>> {
  const fingerprint = await calibrationFingerprint(client);
  const everything = { id: "", roles: [] } as unknown as Viewer; // scope "all": computeCalibration reads no more of it
  const calibration = await calibrationCache(client, ["all", roleSlug, "", ""].join("|"), fingerprint, () =>
    computeCalibration(everything, "all", { roleSlug }, now, client),
  );
  const role = calibration.agreement.find((r) => r.slug === roleSlug);
  return new Map((role?.dimensions ?? []).map((d) => [d.name, d.agreement]));
}

/** Everything the figures are computed from: submitted scorecards, interview times, names, role versions, decisions, openings. */
async function calibrationFingerprint(client: DbTx): Promise<string> {
  const [scorecards, [rest]] = await Promise.all([
    submittedFingerprint(client),
    client.$queryRaw<
      {
        interviews: unknown;
        users: unknown;
        versions: unknown;
        newestVersion: unknown;
        decisions: unknown;
        newestDecision: unknown;
        openings: unknown;
      }[]
    >(sql`
      SELECT (SELECT MAX("updatedAt") FROM "Interview") AS "interviews", (SELECT MAX("updatedAt") FROM "User") AS "users",
        (SELECT MAX("updatedAt") FROM "Opening") AS "openings",
        (SELECT COUNT(*) FROM "RoleTemplateVersion") AS "versions", (SELECT MAX("createdAt") FROM "RoleTemplateVersion") AS "newestVersion",
        (SELECT COUNT(*) FROM "Decision") AS "decisions", (SELECT MAX("createdAt") FROM "Decision") AS "newestDecision"`),
  ]);
  // decisions are only ever added (a revision is a new row): their count and newest time change with each
  return [
    scorecards,
    rest?.interviews,
    rest?.users,
    rest?.versions,
    rest?.newestVersion,
    rest?.decisions,
    rest?.newestDecision,
    // an opening handed to another hiring manager moves both managers' scopes
    rest?.openings,
  ]
    .map(stamp)
    .join(":");
}

async function computeCalibration(
  viewer: Viewer,
  scope: "all" | "managed",
  filters: CalibrationFilters,
  now: Date,
  client: DbTx,
) {
  const [roles, index] = await Promise.all([
    client.roleTemplate.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true } }),
    dimensionIndex(client),
  ]);
  const roleSlug = filters.roleSlug && roles.some((r) => r.slug === filters.roleSlug) ? filters.roleSlug : undefined;
  const sinceDays = filters.sinceDays && filters.sinceDays > 0 ? filters.sinceDays : undefined;
  const f: Scope = {
    managerId: scope === "managed" ? viewer.id : undefined,
    roleSlug,
    since: sinceDays ? new Date(now.getTime() - sinceDays * DAY) : undefined,
  };
  const { cards, ratings, flags, decisions } = await loadScope(client, f);
  const decisionOf = new Map(decisions.map((d) => [d.candidateId, d.outcome]));

  const flagCount = new Map(flags.map((x) => [x.scorecardId, Number(x.n)]));
  const byCard = new Map<string, StatsScorecard & { candidateId: string }>();
  for (const c of cards) {
    const start = new Date(c.scheduledAt).getTime();
    byCard.set(c.id, {
      raterId: c.authorId,
      candidateId: c.candidateId,
      interviewEnd: new Date(start + Number(c.durationMinutes) * 60_000),
      submittedAt: new Date(c.submittedAt),
      recommendation: c.recommendation,
      redFlags: flagCount.get(c.id) ?? 0,
      ratings: [],
    });
  }
  // observations by dimension id, as lib/data/rater-offsets.ts has them (a candidate's ratings are
  // all on its opening's version); agreement pools a role's versions by dimension name
  const observations: Observation[] = [];
  const obsByKey = new Map<string, Observation[]>();
  for (const r of ratings) {
    const card = byCard.get(r.scorecardId);
    const key = index.keyOf.get(r.dimensionId);
    if (!card || !key) continue;
    const value = Number(r.rating);
    card.ratings.push({ dimensionKey: key, rating: value === 0 ? null : value });
    if (value < 1 || value > 5) continue;
    const o = { raterId: card.raterId, candidateId: card.candidateId, dimensionId: r.dimensionId, rating: value };
    observations.push(o);
    const list = obsByKey.get(key);
    if (list) list.push(o);
    else obsByKey.set(key, [o]);
  }

  const stats = interviewerStats([...byCard.values()]);
  // calibration drill ratings link raters who share no candidate (docs/decisions/080-calibration-drills.md):
  // in leniency (under the same role and period filters; drills are organisation-wide, whoever manages
  // which opening), never in agreement, which is about candidates
  observations.push(...(await submittedDrillObservations(client, { roleSlug: f.roleSlug, since: f.since })));
  const drillShared = drillSharedCounts(observations);
  const drift = await drillDrift(client);
  // with everything in view these are the same observations, so the same figures, as the calibrated view's
  const leniency = raterLeniency(observations);
  const people = await client.user.findMany({
    where: { id: { in: [...stats.keys()] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const interviewers: InterviewerCalibration[] = [...stats.values()].map((s) => {
    const l = leniency.get(s.raterId) ?? {
      raterId: s.raterId,
      shared: 0,
      meanDiff: null,
      low: null,
      high: null,
      offset: null,
      enough: false,
    };
    const dimensions = s.byDimension
      .map((d) => ({ d, meta: index.dims.get(d.dimensionKey)! }))
      .sort((a, b) => a.meta.roleTitle.localeCompare(b.meta.roleTitle) || a.meta.position - b.meta.position)
      .map(({ d, meta }) => ({
        key: d.dimensionKey,
        role: meta.roleTitle,
        name: meta.name,
        distribution: d.distribution,
      }));
    return {
      id: s.raterId,
      name: nameOf.get(s.raterId) ?? "Unknown interviewer",
      stats: s,
      leniency: l,
      flags: calibrationFlags(s, l),
      dimensions,
      decisions: agreementRate(
        cards
          .filter((c) => c.authorId === s.raterId && decisionOf.has(c.candidateId))
          .map((c) => agreementWith(decisionOf.get(c.candidateId)!, c.recommendation)),
      ),
      drillShared: drillShared.get(s.raterId) ?? 0,
      drift: drift.get(s.raterId)?.drift ?? null,
    };
  });

  // per role and dimension: agreement over the candidates two or more interviewers rated
  const roleOf = new Map<string, RoleAgreement>();
  const keys = [...obsByKey.keys()]
    .map((k) => index.dims.get(k)!)
    .sort((a, b) => a.roleTitle.localeCompare(b.roleTitle) || a.position - b.position || a.name.localeCompare(b.name));
  for (const d of keys) {
    let role = roleOf.get(d.slug);
    if (!role) roleOf.set(d.slug, (role = { slug: d.slug, title: d.roleTitle, dimensions: [] }));
    role.dimensions.push({ key: d.key, name: d.name, agreement: agreement(obsByKey.get(d.key)!) });
  }

  return {
    scope,
    filters: { roleSlug: roleSlug ?? null, sinceDays: sinceDays ?? null },
    roles,
    minShared: MIN_SHARED_OBSERVATIONS,
    minAgreementCandidates: MIN_AGREEMENT_CANDIDATES,
    totals: {
      scorecards: cards.length,
      interviewers: interviewers.length,
      withLeniency: interviewers.filter((i) => i.leniency.enough).length,
    },
    interviewers,
    agreement: [...roleOf.values()],
    generatedAt: now,
  };
}

export type Calibration = Awaited<ReturnType<typeof computeCalibration>>;
