// Reads the hand-extracted blueprint roles (seed/roles/*.json, format in seed/README.md) and
// turns them into role templates: the source's weights, or an equal split marked as the app's.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { blueprintWeights } from "../lib/domain/weights";
import { roleTemplateSchema, type RoleTemplate } from "../lib/validations/role-template";
import { SEEDED_MATERIALS } from "./materials";

export const ROLES_DIR = path.join(import.meta.dirname, "roles");

// the blueprint files differ from the exchange format only in weights: null where the source gives none
const blueprintRoleSchema = z.looseObject({
  source: z.string(),
  slug: z.string(),
  exercises: z.array(z.looseObject({ title: z.string() })).optional(),
  dimensions: z.array(z.looseObject({ weight: z.number().nullable() })),
});

export function readBlueprintRoleFiles(): { file: string; raw: Record<string, unknown> }[] {
  return readdirSync(ROLES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, raw: JSON.parse(readFileSync(path.join(ROLES_DIR, file), "utf8")) }));
}

/** One blueprint role file as a validated role template. */
export function blueprintToTemplate(raw: unknown): RoleTemplate {
  const role = blueprintRoleSchema.parse(raw);
  const weights = blueprintWeights(role.dimensions.map((d) => d.weight));
  const materials = SEEDED_MATERIALS[String(role.slug)] ?? {};
  return roleTemplateSchema.parse({
    ...role,
    dimensions: role.dimensions.map((d, i) => ({ ...d, ...weights[i] })),
    // the app's sample materials (seed/materials.ts), never part of the blueprint's words
    exercises: (role.exercises ?? []).map((e) => ({ ...e, materials: materials[e.title] ?? [] })),
  });
}

/** The five seeded roles, in blueprint order (000 … 004). */
export function loadBlueprintRoles(): RoleTemplate[] {
  return readBlueprintRoleFiles()
    .map(({ raw }) => blueprintToTemplate(raw))
    .sort((a, b) => (a.source ?? "").localeCompare(b.source ?? ""));
}
