import "server-only";
import { db } from "../db";
import type { RecommendOn } from "../domain/calibration";
import type { Prisma } from "../generated/sqlite/client";
import { SUMMARY_FIELDS, type SummaryKey, type WeightOrigin } from "../domain/vocabulary";
import type { Material } from "../validations/exercise-material";
import type { RoleTemplate } from "../validations/role-template";
import { thresholdsOf, thresholdsSelect } from "./scoring-input";
import { sql } from "./sql";

export const summaryColumn = (key: SummaryKey) =>
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
  createdBy: { select: { name: true } },
  ...thresholdsSelect,
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
      materials: {
        ...byPosition,
        select: {
          id: true,
          kind: true,
          title: true,
          body: true,
          language: true,
          fileName: true,
          fileSha256: true,
          file: { select: { contentType: true, size: true } },
        },
      },
    },
  },
  redFlags: { ...byPosition, select: { id: true, text: true } },
  signals: { orderBy: [{ kind: "asc" }, { position: "asc" }], select: { kind: true, text: true } },
  assessAreas: { ...byPosition, select: { name: true, detail: true } },
} satisfies Prisma.RoleTemplateVersionSelect;

export type RoleVersion = Prisma.RoleTemplateVersionGetPayload<{ select: typeof roleVersionSelect }>;

type StoredMaterial = RoleVersion["exercises"][number]["materials"][number];

/** A stored material in the exchange format (docs/decisions/045-exercise-materials.md). */
function toMaterialJson(m: StoredMaterial): Material {
  if (m.kind === "file")
    return { kind: "file", title: m.title, fileName: m.fileName ?? "", sha256: m.fileSha256 ?? "" };
  if (m.kind === "code") return { kind: "code", title: m.title, body: m.body, language: m.language };
  return { kind: "text", title: m.title, body: m.body };
}

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
      materials: e.materials.map(toMaterialJson),
    })),
    redFlags: v.redFlags.map((f) => f.text),
    strongSignals: v.signals.filter((s) => s.kind === "strong").map((s) => s.text),
    weakSignals: v.signals.filter((s) => s.kind === "weak").map((s) => s.text),
    assessAreas: v.assessAreas.map((a) => ({ name: a.name, detail: a.detail })),
    summary: Object.fromEntries(SUMMARY_FIELDS.map((f) => [f.key, v[summaryColumn(f.key)]])) as RoleTemplate["summary"],
    thresholds: { ...thresholdsOf(v), recommendOn: v.recommendOn as RecommendOn },
  };
}

/** The home page's list: each template with its current version in brief. */
export async function listRoleTemplates() {
  // one statement: the role list is the lightest signed-in page, the floor every page's cost is
  // read against (docs/decisions/063); Prisma's nested select sends one query per relation and count
  const rows = await db.$queryRaw<
    {
      slug: string;
      title: string;
      version: number;
      source: string;
      purpose: string;
      dimensionCount: number | bigint;
      exerciseCount: number | bigint;
      redFlagCount: number | bigint;
      equalDefault: boolean | number | bigint;
    }[]
  >(sql`
    SELECT t."slug", t."title", v."version", v."source", v."summaryRolePurpose" AS "purpose",
      (SELECT COUNT(*) FROM "Dimension" d WHERE d."versionId" = v."id") AS "dimensionCount",
      (SELECT COUNT(*) FROM "Exercise" e WHERE e."versionId" = v."id") AS "exerciseCount",
      (SELECT COUNT(*) FROM "RedFlag" f WHERE f."versionId" = v."id") AS "redFlagCount",
      (SELECT COUNT(*) FROM "Dimension" d WHERE d."versionId" = v."id" AND d."weightOrigin" = 'equal-default') AS "equalDefault"
    FROM "RoleTemplate" t
    JOIN "RoleTemplateVersion" v ON v."templateId" = t."id"
      AND v."version" = (SELECT MAX(w."version") FROM "RoleTemplateVersion" w WHERE w."templateId" = t."id")
    WHERE t."archived" = FALSE
    ORDER BY t."title" ASC`);
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    version: Number(r.version),
    source: r.source,
    purpose: r.purpose,
    dimensionCount: Number(r.dimensionCount),
    exerciseCount: Number(r.exerciseCount),
    redFlagCount: Number(r.redFlagCount),
    equalDefaultWeights: Number(r.equalDefault) > 0,
  }));
}

/** One version of a template (the current one unless a version is given), with the list of versions. */
export async function getRoleTemplate(slug: string, version?: number) {
  const template = await db.roleTemplate.findUnique({
    where: { slug },
    select: {
      versions: {
        orderBy: { version: "desc" },
        select: { version: true, createdAt: true, changeNote: true, createdBy: { select: { name: true } } },
      },
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
