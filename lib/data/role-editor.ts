import "server-only";
import { db } from "../db";
import { isAdmin } from "../domain/permissions";
import { diffTemplates } from "../domain/template-diff";
import { ForbiddenError, NotFoundError, parseInput, ValidationError } from "../errors";
import { roleTemplateFileSchema, roleTemplateSchema, type RoleTemplate } from "../validations/role-template";
import type { Viewer } from "../domain/permissions";
import { roleVersionSelect, toRoleTemplateJson } from "./role-templates";
import { saveRoleTemplates } from "./role-template-save";

// The role template editor, version diffs and JSON import from the UI
// (docs/decisions/025-template-saves-make-versions.md). Admins only.
// Saving never changes a version: it makes the next one; openings keep theirs until moved.

function assertAdmin(viewer: Viewer) {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins edit role templates.");
}

/** The current version of each template, by slug, in the exchange format. */
async function currentVersions(slugs: string[]) {
  const rows = await db.roleTemplate.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, versions: { orderBy: { version: "desc" }, take: 1, select: roleVersionSelect } },
  });
  return new Map(rows.flatMap((r) => (r.versions[0] ? [[r.slug, toRoleTemplateJson(r.versions[0])] as const] : [])));
}

/** A weight that differs from the current version's (or a new dimension) is marked "edited". */
function markEditedWeights(role: RoleTemplate, current: RoleTemplate | undefined): RoleTemplate {
  const before = new Map(current?.dimensions.map((d) => [d.name, d]) ?? []);
  return {
    ...role,
    dimensions: role.dimensions.map((d) => {
      const old = before.get(d.name);
      if (!current) return d; // a new role: the origin as given
      return old && Math.abs(old.weight - d.weight) < 1e-9
        ? { ...d, weightOrigin: old.weightOrigin }
        : { ...d, weightOrigin: "edited" };
    }),
  };
}

/**
 * Saves the editor's form as the role's next version (`mode: "create"` for a new role, whose
 * slug must be free). Content identical to the current version makes no new version.
 * `baseVersion`: the version the editor was opened on; a save after someone else's is refused
 * rather than silently replacing it. Both checks are made again under the role's lock
 * (saveRoleTemplateVersion), so saves at once cannot both pass them.
 */
export async function saveRoleFromEditor(
  viewer: Viewer,
  input: unknown,
  opts: { mode: "create" | "edit"; slug?: string; changeNote?: string; baseVersion?: number },
) {
  assertAdmin(viewer);
  const role = parseInput(roleTemplateSchema, input);
  const current = (await currentVersions([role.slug])).get(role.slug);
  if (opts.mode === "create" && current)
    throw new ValidationError("Some answers need attention.", {
      slug: ["A role with this slug exists already; choose another"],
    });
  if (opts.mode === "edit" && (!current || role.slug !== opts.slug))
    throw new NotFoundError("Role template not found.");
  const expected = opts.mode === "create" ? null : opts.baseVersion;
  const [result] = await saveRoleTemplates([markEditedWeights({ ...role, source: current?.source ?? null }, current)], {
    actorId: viewer.id,
    changeNote: opts.changeNote?.slice(0, 500),
    expected,
  });
  return result;
}

/** Changes between two versions of a role, in order (from → to). */
export async function diffRoleVersions(slug: string, from: number, to: number) {
  const versions = await db.roleTemplateVersion.findMany({
    where: { template: { slug }, version: { in: [from, to] } },
    select: roleVersionSelect,
  });
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) throw new NotFoundError("Version not found.");
  return diffTemplates(toRoleTemplateJson(a), toRoleTemplateJson(b));
}

/**
 * An uploaded roles file: validated with the exchange schema; for each role, whether it is new,
 * unchanged or changed (with the changes). `apply` saves every changed role, all or nothing.
 */
export async function importRolesFile(viewer: Viewer, json: unknown, opts: { apply: boolean }) {
  assertAdmin(viewer);
  const parsed = roleTemplateFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false as const,
      errors: parsed.error.issues.map((i) => ({
        path: i.path
          .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
          .join("")
          .replace(/^\./, ""),
        message: i.message,
      })),
    };
  }
  const current = await currentVersions(parsed.data.roles.map((r) => r.slug));
  const roles = parsed.data.roles.map((r) => markEditedWeights(r, current.get(r.slug)));
  const preview = roles.map((r) => {
    const before = current.get(r.slug);
    const changes = before ? diffTemplates(before, r) : [];
    return {
      slug: r.slug,
      title: r.title,
      status: !before ? ("new" as const) : changes.length ? ("changed" as const) : ("unchanged" as const),
      changes,
    };
  });
  if (!opts.apply) return { ok: true as const, preview, saved: null };
  const saved = await saveRoleTemplates(roles, { actorId: viewer.id, changeNote: "Imported from a JSON file" });
  return { ok: true as const, preview, saved };
}
