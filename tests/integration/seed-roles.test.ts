// The five seeded roles are complete, traceable to their blueprints word for
// word, weighted to 100, and stored as such in the database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportRoleTemplates, listRoleTemplates } from "@/lib/data/role-templates";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { weightTotal } from "@/lib/domain/weights";
import { loadBlueprintRoles, readBlueprintRoleFiles } from "@/seed/roles";
import { SAMPLE_LABEL, SEEDED_MATERIALS } from "@/seed/materials";
import { untraceableTexts } from "@/seed/traceability";
import { expectedRoles } from "../support/seed-readme";

const expected = expectedRoles();
const files = readBlueprintRoleFiles();
type RawRole = {
  slug: string;
  title: string;
  source: string;
  dimensions: { name: string; weight: number | null; anchors: { label: string; text: string }[] }[];
  exercises: { dimensions: string[] }[];
  redFlags: string[];
  strongSignals: string[];
  weakSignals: string[];
  assessAreas: unknown[];
  summary: Record<string, string>;
};
const rawBySource = new Map(files.map(({ raw }) => [String(raw.source), raw as unknown as RawRole]));

beforeAll(async () => {
  await saveRoleTemplates(loadBlueprintRoles(), { actorId: null, changeNote: "test seed" });
});

describe("seed README", () => {
  it("lists the five blueprints, each with a role file", () => {
    expect(expected).toHaveLength(5);
    expect(files).toHaveLength(5);
    expect([...rawBySource.keys()].sort()).toEqual(expected.map((e) => e.source).sort());
  });
});

describe.each(expected)("$title ($source)", (exp) => {
  const raw = () => rawBySource.get(exp.source)!;

  it("has the expected counts in its role file", () => {
    const r = raw();
    expect(r.slug).toBe(exp.slug);
    expect(r.title).toBe(exp.title);
    expect(r.dimensions).toHaveLength(exp.dimensions);
    expect(r.exercises).toHaveLength(exp.exercises);
    expect(r.redFlags).toHaveLength(exp.redFlags);
    expect(r.strongSignals).toHaveLength(exp.strongSignals);
    expect(r.weakSignals).toHaveLength(exp.weakSignals);
    expect(r.assessAreas).toHaveLength(exp.assessAreas);
    expect(Object.values(r.summary).filter(Boolean)).toHaveLength(exp.summaryFields);
    for (const d of r.dimensions) expect(d.anchors.length).toBeGreaterThan(0);
  });

  it("copies every text word for word from the blueprint", () => {
    expect(untraceableTexts(raw() as never)).toEqual([]);
  });

  it("takes weights from the source only where the source gives them", () => {
    const weights = raw().dimensions.map((d) => d.weight);
    if (exp.weights === "source") {
      expect(weights.every((w) => typeof w === "number")).toBe(true);
      expect(weightTotal(weights as number[])).toBe(100);
    } else {
      expect(weights.every((w) => w === null)).toBe(true);
    }
  });

  it("links every exercise to dimensions of the role, and covers every dimension", () => {
    const names = new Set(raw().dimensions.map((d) => d.name));
    const exercised = new Set(raw().exercises.flatMap((e) => e.dimensions));
    for (const e of raw().exercises) expect(e.dimensions.length).toBeGreaterThan(0);
    expect([...exercised].filter((n) => !names.has(n))).toEqual([]);
    expect([...names].filter((n) => !exercised.has(n))).toEqual([]);
  });

  it("is stored complete in the database, weights summing to 100 with their origin", async () => {
    const v = await db.roleTemplateVersion.findFirstOrThrow({
      where: { template: { slug: exp.slug } },
      select: {
        version: true,
        source: true,
        dimensions: { select: { weight: true, weightOrigin: true, _count: { select: { anchors: true } } } },
        _count: { select: { exercises: true, redFlags: true, assessAreas: true } },
        signals: { select: { kind: true } },
      },
    });
    expect(v.version).toBe(1);
    expect(v.source).toBe(exp.source);
    expect(v.dimensions).toHaveLength(exp.dimensions);
    expect(weightTotal(v.dimensions.map((d) => d.weight))).toBe(100);
    expect(new Set(v.dimensions.map((d) => d.weightOrigin))).toEqual(new Set([exp.weights]));
    if (exp.weights === "equal-default") {
      for (const d of v.dimensions) expect(d.weight).toBeCloseTo(100 / exp.dimensions, 1);
    }
    expect(v._count).toEqual({ exercises: exp.exercises, redFlags: exp.redFlags, assessAreas: exp.assessAreas });
    expect(v.signals.filter((s) => s.kind === "strong")).toHaveLength(exp.strongSignals);
    expect(v.signals.filter((s) => s.kind === "weak")).toHaveLength(exp.weakSignals);
    const anchors = raw().dimensions.reduce((n, d) => n + d.anchors.length, 0);
    expect(v.dimensions.reduce((n, d) => n + d._count.anchors, 0)).toBe(anchors);
  });
});

describe("export of the seeded roles", () => {
  it("gives back each blueprint's words exactly as seeded", async () => {
    const { roles } = await exportRoleTemplates();
    expect(roles.map((r) => r.source)).toEqual(expected.map((e) => e.source));
    for (const exported of roles) {
      const raw = rawBySource.get(exported.source!)!;
      expect(exported.title).toBe(raw.title);
      expect(exported.redFlags).toEqual(raw.redFlags);
      expect(exported.strongSignals).toEqual(raw.strongSignals);
      expect(exported.weakSignals).toEqual(raw.weakSignals);
      expect(exported.assessAreas).toEqual(raw.assessAreas);
      expect(exported.summary).toEqual(raw.summary);
      expect(
        exported.dimensions.map(({ name, anchors, evidenceToSeek }) => ({ name, anchors, evidenceToSeek })),
      ).toEqual(
        raw.dimensions.map(
          ({ name, anchors, evidenceToSeek }: RawRole["dimensions"][number] & { evidenceToSeek?: string | null }) => ({
            name,
            anchors,
            evidenceToSeek,
          }),
        ),
      );
      // the blueprint's exercises word for word; materials are the app's labelled samples (seed/materials.ts)
      expect(exported.exercises.map((e) => ({ ...e, materials: undefined }))).toEqual(raw.exercises);
      for (const e of exported.exercises) expect(e.materials).toEqual(SEEDED_MATERIALS[exported.slug]?.[e.title] ?? []);
    }
  });

  it("seeds the troubleshooting exercise with a sample log labelled as the app's, not the blueprint's", async () => {
    const { roles } = await exportRoleTemplates();
    const exercise = roles
      .find((r) => r.slug === "lead-ai-platform-engineer")!
      .exercises.find((e) => e.prompt.startsWith("Provide logs/metrics snippets"))!;
    expect(exercise.materials).toHaveLength(1);
    const [m] = exercise.materials;
    expect(m.kind).toBe("code");
    expect(m.title).toContain(SAMPLE_LABEL);
    expect(m.kind !== "file" && m.body).toMatch(/p99=/);
  });

  it("seeding again creates no new versions", async () => {
    const again = await saveRoleTemplates(loadBlueprintRoles(), { actorId: null });
    expect(again.map((r) => r.status)).toEqual(Array(5).fill("unchanged"));
    expect(await db.roleTemplateVersion.count()).toBe(5);
  });
  it("lists each role by title with its current version's counts, and leaves archived roles out", async () => {
    const { roles } = await exportRoleTemplates();
    const listed = await listRoleTemplates();
    expect(listed.map((r) => r.title)).toEqual(roles.map((r) => r.title).sort((a, b) => (a < b ? -1 : 1)));
    for (const r of listed) {
      const full = roles.find((x) => x.slug === r.slug)!;
      expect(r).toMatchObject({
        version: 1,
        dimensionCount: full.dimensions.length,
        exerciseCount: full.exercises.length,
        redFlagCount: full.redFlags.length,
        equalDefaultWeights: full.dimensions.some((d) => d.weightOrigin === "equal-default"),
      });
    }
    // an archived role is not listed
    await db.roleTemplate.update({ where: { slug: roles[1].slug }, data: { archived: true } });
    expect((await listRoleTemplates()).map((r) => r.slug)).not.toContain(roles[1].slug);
    await db.roleTemplate.update({ where: { slug: roles[1].slug }, data: { archived: false } });
  });
});
