import "server-only";
import { describeChange, diffTemplates } from "../domain/template-diff";
import { db, type DbTx } from "../db";
import type { RecommendOn } from "../domain/calibration";
import type { Prisma } from "../generated/sqlite/client";
import { SUMMARY_FIELDS, type SummaryKey, type WeightOrigin } from "../domain/vocabulary";
import { ConflictError, ValidationError } from "../errors";
import type { RoleTemplate } from "../validations/role-template";
import { audit } from "./audit";
import { serialize } from "./sql";

const summaryColumn = (key: SummaryKey) =>
  `summary${key[0].toUpperCase()}${key.slice(1)}` as `summary${Capitalize<SummaryKey>}`;

const summarySelect = Object.fromEntries(SUMMARY_FIELDS.map((f) => [summaryColumn(f.key), true])) as Record<
  `summary${Capitalize<SummaryKey>}`,
  true
>;

const byPosition = { orderBy: { position: "asc" } } as const;

/** Everything a template version holds: the role page, the interview kit and the export use it. */
export const roleVersionSelect = {
  id: true,
  version: true,
  title: true,
  source: true,
  changeNote: true,
  createdAt: true,
  minCoverage: true,
  strongHireMin: true,
  hireMin: true,
  leanNoHireMin: true,
  splitSpreadMin: true,
  recommendOn: true,
  ...summarySelect,
  template: { select: { id: true, slug: true } },
  dimensions: {
    ...byPosition,
    select: {
      id: true,
      name: true,
      weight: true,
      weightOrigin: true,
      evidenceToSeek: true,
      anchors: { ...byPosition, select: { label: true, level: true, text: true } },
    },
  },
  exercises: {
    ...byPosition,
    select: {
      id: true,
      title: true,
      duration: true,
      prompt: true,
      evaluate: true,
      items: { ...byPosition, select: { text: true } },
      dimensions: { orderBy: { position: "asc" }, select: { dimension: { select: { id: true, name: true } } } },
    },
  },
  redFlags: { ...byPosition, select: { id: true, text: true } },
  signals: { orderBy: [{ kind: "asc" }, { position: "asc" }], select: { kind: true, text: true } },
  assessAreas: { ...byPosition, select: { name: true, detail: true } },
} satisfies Prisma.RoleTemplateVersionSelect;

export type RoleVersion = Prisma.RoleTemplateVersionGetPayload<{ select: typeof roleVersionSelect }>;

/** A stored version in the exchange format of lib/validations/role-template.ts. */
export function toRoleTemplateJson(v: RoleVersion): RoleTemplate {
  return {
    slug: v.template.slug,
    title: v.title,
    source: v.source,
    version: v.version,
    dimensions: v.dimensions.map((d) => ({
      name: d.name,
      weight: d.weight,
      weightOrigin: d.weightOrigin as WeightOrigin,
      anchors: d.anchors.map((a) => ({ label: a.label, level: a.level, text: a.text })),
      evidenceToSeek: d.evidenceToSeek,
    })),
    exercises: v.exercises.map((e) => ({
      title: e.title,
      duration: e.duration,
      prompt: e.prompt,
      evaluate: e.evaluate,
      items: e.items.map((i) => i.text),
      dimensions: e.dimensions.map((link) => link.dimension.name),
    })),
    redFlags: v.redFlags.map((f) => f.text),
    strongSignals: v.signals.filter((s) => s.kind === "strong").map((s) => s.text),
    weakSignals: v.signals.filter((s) => s.kind === "weak").map((s) => s.text),
    assessAreas: v.assessAreas.map((a) => ({ name: a.name, detail: a.detail })),
    summary: Object.fromEntries(SUMMARY_FIELDS.map((f) => [f.key, v[summaryColumn(f.key)]])) as RoleTemplate["summary"],
    thresholds: {
      minCoverage: v.minCoverage,
      strongHireMin: v.strongHireMin,
      hireMin: v.hireMin,
      leanNoHireMin: v.leanNoHireMin,
      splitSpreadMin: v.splitSpreadMin,
      recommendOn: v.recommendOn as RecommendOn,
    },
  };
}

function sameContent(a: RoleTemplate, b: RoleTemplate): boolean {
  const canonical = (r: RoleTemplate) =>
    JSON.stringify({ ...r, version: undefined }, (_k, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
        : value,
    );
  return canonical(a) === canonical(b);
}

export type SaveRoleResult = { slug: string; version: number; versionId: string; status: "created" | "unchanged" };

/** What a save expects to find: no role yet (`null`, a new role) or this current version (an editor's base). */
export type ExpectedVersion = number | null | undefined;

/**
 * Saves a role template as its next version (version 1 for a new slug). Content identical to the
 * current version makes no new version. Runs inside the caller's transaction. With `expected`, a
 * role that exists already (expected null) or has moved past the editor's base version is
 * refused, checked under the role's lock: two saves from one base make one version.
 */
export async function saveRoleTemplateVersion(
  tx: DbTx,
  role: RoleTemplate,
  opts: { actorId: string | null; changeNote?: string; expected?: ExpectedVersion },
): Promise<SaveRoleResult> {
  // the next version number is read, then written: one save of a role at a time (docs/decisions/014)
  await serialize(tx, `role-template:${role.slug}`);
  const existing = await tx.roleTemplate.findUnique({
    where: { slug: role.slug },
    select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: roleVersionSelect } },
  });
  const latest = existing?.versions[0];
  if (opts.expected === null && latest)
    throw new ValidationError("Some answers need attention.", {
      slug: ["A role with this slug exists already; choose another"],
    });
  if (typeof opts.expected === "number" && latest?.version !== opts.expected) {
    throw new ConflictError(
      `This role was saved as version ${latest?.version ?? "?"} since you opened it (version ${opts.expected}). Reload it and make your changes again.`,
    );
  }
  if (latest && sameContent(toRoleTemplateJson(latest), role)) {
    return { slug: role.slug, version: latest.version, versionId: latest.id, status: "unchanged" };
  }
  const template =
    existing ?? (await tx.roleTemplate.create({ data: { slug: role.slug, title: role.title }, select: { id: true } }));
  if (existing) await tx.roleTemplate.update({ where: { id: existing.id }, data: { title: role.title } });

  const version = await tx.roleTemplateVersion.create({
    data: {
      templateId: template.id,
      version: (latest?.version ?? 0) + 1,
      title: role.title,
      source: role.source,
      changeNote: opts.changeNote ?? "",
      createdById: opts.actorId,
      ...role.thresholds,
      ...Object.fromEntries(SUMMARY_FIELDS.map((f) => [summaryColumn(f.key), role.summary[f.key]])),
      dimensions: {
        create: role.dimensions.map((d, position) => ({
          position,
          name: d.name,
          weight: d.weight,
          weightOrigin: d.weightOrigin,
          evidenceToSeek: d.evidenceToSeek,
          anchors: { create: d.anchors.map((a, i) => ({ position: i, label: a.label, level: a.level, text: a.text })) },
        })),
      },
      redFlags: { create: role.redFlags.map((text, position) => ({ position, text })) },
      signals: {
        create: [
          ...role.strongSignals.map((text, position) => ({ kind: "strong", position, text })),
          ...role.weakSignals.map((text, position) => ({ kind: "weak", position, text })),
        ],
      },
      assessAreas: { create: role.assessAreas.map((a, position) => ({ position, name: a.name, detail: a.detail })) },
    },
    select: { id: true, version: true, dimensions: { select: { id: true, name: true } } },
  });
  const dimensionId = new Map(version.dimensions.map((d) => [d.name, d.id]));
  for (const [position, e] of role.exercises.entries()) {
    await tx.exercise.create({
      data: {
        versionId: version.id,
        position,
        title: e.title,
        duration: e.duration,
        prompt: e.prompt,
        evaluate: e.evaluate,
        items: { create: e.items.map((text, i) => ({ position: i, text })) },
        dimensions: { create: e.dimensions.map((name, i) => ({ position: i, dimensionId: dimensionId.get(name)! })) },
      },
      select: { id: true },
    });
  }
  await audit(tx, {
    actorId: opts.actorId,
    action: "role-template.version-created",
    entityType: "RoleTemplateVersion",
    entityId: version.id,
    before: latest ? { version: latest.version } : undefined,
    after: {
      slug: role.slug,
      version: version.version,
      changeNote: opts.changeNote ?? "",
      // what changed, in the words of the diff page; the full texts stay in both versions
      changes: latest ? diffTemplates(toRoleTemplateJson(latest), role).map(describeChange) : ["Role created"],
    },
  });
  return { slug: role.slug, version: version.version, versionId: version.id, status: "created" };
}

/** Saves several roles all-or-nothing. */
export async function saveRoleTemplates(
  roles: RoleTemplate[],
  opts: { actorId: string | null; changeNote?: string; expected?: ExpectedVersion },
): Promise<SaveRoleResult[]> {
  return db.$transaction(
    async (tx) => {
      const results: SaveRoleResult[] = [];
      for (const role of roles) results.push(await saveRoleTemplateVersion(tx, role, opts));
      return results;
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

/** The home page's list: each template with its current version in brief. */
export async function listRoleTemplates() {
  const templates = await db.roleTemplate.findMany({
    where: { archived: false },
    orderBy: { title: "asc" },
    select: {
      slug: true,
      title: true,
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        select: {
          version: true,
          source: true,
          summaryRolePurpose: true,
          _count: { select: { dimensions: true, exercises: true, redFlags: true } },
          dimensions: { where: { weightOrigin: "equal-default" }, take: 1, select: { id: true } },
        },
      },
    },
  });
  return templates.flatMap(({ slug, title, versions: [v] }) =>
    v
      ? [
          {
            slug,
            title,
            version: v.version,
            source: v.source,
            purpose: v.summaryRolePurpose,
            dimensionCount: v._count.dimensions,
            exerciseCount: v._count.exercises,
            redFlagCount: v._count.redFlags,
            equalDefaultWeights: v.dimensions.length > 0,
          },
        ]
      : [],
  );
}

/** One version of a template (the current one unless a version is given), with the list of versions. */
export async function getRoleTemplate(slug: string, version?: number) {
  const template = await db.roleTemplate.findUnique({
    where: { slug },
    select: {
      versions: { orderBy: { version: "desc" }, select: { version: true, createdAt: true, changeNote: true } },
    },
  });
  if (!template || template.versions.length === 0) return null;
  const wanted = version ?? template.versions[0].version;
  const found = await db.roleTemplateVersion.findFirst({
    where: { template: { slug }, version: wanted },
    select: roleVersionSelect,
  });
  return found ? { current: template.versions[0].version, versions: template.versions, version: found } : null;
}

/** Every template's current version in the exchange format (npm run roles:export). */
export async function exportRoleTemplates(): Promise<{ roles: RoleTemplate[] }> {
  const templates = await db.roleTemplate.findMany({
    orderBy: { slug: "asc" },
    select: { versions: { orderBy: { version: "desc" }, take: 1, select: roleVersionSelect } },
  });
  const roles = templates.flatMap((t) => t.versions.map(toRoleTemplateJson));
  // blueprint order first (000..004), then roles made in the app
  roles.sort((a, b) => (a.source ?? "~").localeCompare(b.source ?? "~") || a.slug.localeCompare(b.slug));
  return { roles };
}
