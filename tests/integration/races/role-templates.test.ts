// Role template saves under concurrency (docs/decisions/014): N saves from the editor opened on one
// version make one new version, the others are refused (the role changed since); a new role's
// slug created N times at once is one role.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveRoleFromEditor } from "@/lib/data/role-editor";
import { saveRoleTemplates } from "@/lib/data/role-templates";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { loadBlueprintRoles } from "@/seed/roles";
import { fulfilled, race, rejected } from "../../support/race";

const N = 8;
let admin: { id: string; roles: ["admin"] };
const role = () => loadBlueprintRoles().find((r) => r.slug === "lead-ai-platform-engineer")!;

beforeAll(async () => {
  admin = { id: (await createUser(db, { email: "roles-admin@test.local", name: "Roles Admin", roles: ["admin"] })).id, roles: ["admin"] };
  await saveRoleTemplates([role()], { actorId: null });
});

describe("role template saves at once", () => {
  it("N saves from one base version: one new version, the others refused", async () => {
    const base = role();
    const results = await race(N, (i) => saveRoleFromEditor(admin, { ...base, redFlags: [...base.redFlags, `New red flag from tab ${i}`] }, { mode: "edit", slug: base.slug, baseVersion: 1 }));
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ConflictError);
    expect(await db.roleTemplateVersion.count({ where: { template: { slug: base.slug } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "role-template.version-created", after: { contains: `"version":2` } } })).toBe(1);
    // a save from the editor as it is now (base 2) is accepted
    await expect(saveRoleFromEditor(admin, { ...base, title: "Lead AI Platform Engineer (renamed)" }, { mode: "edit", slug: base.slug, baseVersion: 2 })).resolves.toMatchObject({ version: 3, status: "created" });
  });

  it("one new role created N times at once is one role at version 1", async () => {
    const fresh = { ...role(), slug: "brand-new-role", title: "Brand new role", source: null };
    const results = await race(N, () => saveRoleFromEditor(admin, fresh, { mode: "create" }));
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ValidationError);
    expect(await db.roleTemplateVersion.count({ where: { template: { slug: "brand-new-role" } } })).toBe(1);
  });
});
