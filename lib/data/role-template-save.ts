import "server-only";
import { db, type DbTx } from "../db";
import { describeChange, diffTemplates, sameTemplateContent } from "../domain/template-diff";
import { SUMMARY_FIELDS } from "../domain/vocabulary";
import { ConflictError, ValidationError } from "../errors";
import type { RoleTemplate } from "../validations/role-template";
import { audit } from "./audit";
import { MATERIAL_FILES_LOCK } from "./role-materials";
import { roleVersionSelect, summaryColumn, toRoleTemplateJson } from "./role-templates";
import { serialize } from "./sql";

// Saving a role template (docs/decisions/002, 006): every save is a new version, whole and immutable,
// so openings keep the version they were set up on; the audit entry says what changed.

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
  if (latest && sameTemplateContent(toRoleTemplateJson(latest), role)) {
    return { slug: role.slug, version: latest.version, versionId: latest.id, status: "unchanged" };
  }
  await assertFilesStored(tx, role);
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
        // a new version copies its materials; a file's bytes are shared by hash, never copied (045)
        materials: {
          create: e.materials.map((m, i) => ({
            position: i,
            kind: m.kind,
            title: m.title,
            body: m.kind === "file" ? "" : m.body,
            language: m.kind === "code" ? m.language : null,
            fileName: m.kind === "file" ? m.fileName : null,
            fileSha256: m.kind === "file" ? m.sha256 : null,
          })),
        },
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

/**
 * Every file a role's materials name must have been uploaded to this database (a role file from
 * elsewhere carries only names and hashes: docs/decisions/045-exercise-materials.md); else 422
 * naming each material.
 */
async function assertFilesStored(tx: DbTx, role: RoleTemplate) {
  const wanted = role.exercises.flatMap((e, i) =>
    e.materials.flatMap((m, j) =>
      m.kind === "file" ? [{ path: `exercises.${i}.materials.${j}`, sha256: m.sha256 }] : [],
    ),
  );
  if (!wanted.length) return;
  // the clean-up of unused files waits for this save (or this save sees what it removed)
  await serialize(tx, MATERIAL_FILES_LOCK);
  const found = await tx.materialFile.findMany({
    where: { sha256: { in: [...new Set(wanted.map((w) => w.sha256))] } },
    select: { sha256: true },
  });
  const stored = new Set(found.map((f) => f.sha256));
  const missing = wanted.filter((w) => !stored.has(w.sha256));
  if (missing.length)
    throw new ValidationError(
      "Some materials name files that are not in this database: attach them again in the role editor.",
      Object.fromEntries(missing.map((m) => [m.path, ["This file is not stored here; attach it again."]])),
    );
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
