// `npm run roles:export` and `npm run roles:import FILE`, run as real commands
// against a real database.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportRoleTemplates } from "@/lib/data/role-templates";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { roleTemplateFileSchema, type RoleTemplateFile } from "@/lib/validations/role-template";
import { loadBlueprintRoles } from "@/seed/roles";
import { runScript } from "../support/cli";
import { rowCounts } from "../support/row-counts";
import { target } from "../setup/databases";

const dir = mkdtempSync(path.join(tmpdir(), "roles-cli-"));
function writeJson(name: string, value: unknown) {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

// the five roles at version 1, as the export prints them (the export test checks it does): the
// import tests edit copies of it
let exported: RoleTemplateFile;

beforeAll(async () => {
  await saveRoleTemplates(loadBlueprintRoles(), { actorId: null });
  exported = JSON.parse(JSON.stringify(await exportRoleTemplates()));
});

describe("roles:export", () => {
  it("prints every role as valid JSON in the documented shape", async () => {
    const run = runScript("scripts/roles-export.ts");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const printed: RoleTemplateFile = JSON.parse(run.stdout);
    expect(roleTemplateFileSchema.safeParse(printed).success).toBe(true);
    expect(printed.roles).toHaveLength(5);
    const first = printed.roles[0];
    // the version it is at now (the import test may have made a second)
    const { version } = await db.roleTemplateVersion.findFirstOrThrow({
      where: { template: { slug: "lead-ai-platform-engineer" } },
      orderBy: { version: "desc" },
    });
    expect(first).toMatchObject({ slug: "lead-ai-platform-engineer", source: "000_25f135d656b98e8c.txt", version });
    expect(Object.keys(first.dimensions[0])).toEqual(
      expect.arrayContaining(["name", "weight", "weightOrigin", "anchors", "evidenceToSeek"]),
    );
    expect(Object.keys(first.exercises[0])).toEqual(
      expect.arrayContaining(["title", "duration", "prompt", "evaluate", "items", "dimensions"]),
    );
    expect(printed).toEqual(JSON.parse(JSON.stringify(await exportRoleTemplates())));
  });
});

describe("roles:import", () => {
  it("creates a new version for a changed role and leaves the others alone", async () => {
    const file = structuredClone(exported);
    const role = file.roles[0];
    role.dimensions[0].weight -= 5;
    role.dimensions[1].weight += 5;
    role.dimensions[0].weightOrigin = "edited";
    role.dimensions[1].weightOrigin = "edited";
    role.redFlags.push("Cannot explain a rollback plan for a model release.");
    const run = runScript("scripts/roles-import.ts", [writeJson("edited.json", file)]);
    expect(run.stderr).not.toMatch(/error/i); // (pg 8 may print a DeprecationWarning from the adapter)
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${role.slug}: created version 2`);
    expect(run.stdout).toContain("head-of-ai-engineering: unchanged");

    const versions = await db.roleTemplateVersion.findMany({
      where: { template: { slug: role.slug } },
      orderBy: { version: "asc" },
      select: {
        version: true,
        _count: { select: { redFlags: true } },
        dimensions: { orderBy: { position: "asc" }, take: 1, select: { weight: true } },
      },
    });
    expect(versions.map((v) => [v.version, v._count.redFlags, v.dimensions[0].weight])).toEqual([
      [1, 5, 20],
      [2, 6, 15],
    ]);
    expect(await db.roleTemplateVersion.count()).toBe(6);
    const entry = await db.auditLog.findFirst({
      where: { action: "role-template.version-created" },
      orderBy: { at: "desc" },
      select: { after: true },
    });
    expect(JSON.parse(entry!.after!)).toMatchObject({ slug: role.slug, version: 2 });
  });

  it("refuses a bad file whole, naming the path of each bad field, and changes nothing", async () => {
    const before = await rowCounts(db);
    const file = structuredClone(exported) as unknown as { roles: Record<string, unknown>[] };
    (file.roles[1].dimensions as Record<string, unknown>[])[2].weight = "fifteen";
    (file.roles[3].exercises as Record<string, unknown>[])[0].title = "";
    const run = runScript("scripts/roles-import.ts", [writeJson("bad.json", file)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("nothing imported");
    expect(run.stderr).toMatch(/roles\[1\]\.dimensions\[2\]\.weight: /);
    expect(run.stderr).toMatch(/roles\[3\]\.exercises\[0\]\.title: must not be empty/);
    expect(await rowCounts(db)).toEqual(before);
  });

  // what is refused here is decided before the database: once, in the PostgreSQL run (as the
  // scripts' own failures: docs/decisions/066)
  if (target().kind === "postgres")
    it("refuses a file that is not JSON, or not a role file, and changes nothing", async () => {
      const before = await rowCounts(db);
      const notJson = runScript("scripts/roles-import.ts", [writeJson("broken.json", '{"roles": [')]);
      expect(notJson.status).toBe(1);
      expect(notJson.stderr).toMatch(/not readable as JSON/);
      const wrongShape = runScript("scripts/roles-import.ts", [writeJson("wrong.json", { templates: [] })]);
      expect(wrongShape.status).toBe(1);
      expect(wrongShape.stderr).toMatch(/roles: /);
      const missing = runScript("scripts/roles-import.ts", [path.join(dir, "missing.json")]);
      expect(missing.status).toBe(1);
      expect(await rowCounts(db)).toEqual(before);
    });
});

describe("roles:export --out, then roles:import of that file", () => {
  it("writes the export to the file, and importing it again creates nothing new", async () => {
    const file = path.join(dir, "out.json");
    const run = runScript("scripts/roles-export.ts", ["--out", file]);
    expect(run.status).toBe(0);
    // what the export prints (the first test): the same JSON, to the file
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(JSON.parse(JSON.stringify(await exportRoleTemplates())));
    const before = await rowCounts(db);
    const again = runScript("scripts/roles-import.ts", [file]);
    expect(again.status).toBe(0);
    expect(again.stdout.match(/unchanged/g)).toHaveLength(5);
    expect(await rowCounts(db)).toEqual(before);
  });
});
