// Role template saves under concurrency (docs/decisions/014): N saves from the editor opened on one
// version make one new version, the others are refused (the role changed since); a new role's
// slug created N times at once is one role.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveRoleFromEditor } from "@/lib/data/role-editor";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { loadBlueprintRoles } from "@/seed/roles";
import { fulfilled, race, rejected } from "../../support/race";
import { session } from "@/tests/support/auth-stand-in";

// the editor's route reads the session through lib/auth: here it is the test's admin
vi.mock("@/lib/auth", () => import("@/tests/support/auth-stand-in"));
const editRoute = await import("@/app/api/roles/[slug]/route");

const N = 8;
let admin: { id: string; roles: ["admin"] };
const role = () => loadBlueprintRoles().find((r) => r.slug === "lead-ai-platform-engineer")!;

beforeAll(async () => {
  admin = {
    id: (await createUser(db, { email: "roles-admin@test.local", name: "Roles Admin", roles: ["admin"] })).id,
    roles: ["admin"],
  };
  await saveRoleTemplates([role()], { actorId: null });
});

describe("role template saves at once", () => {
  it("N saves from one base version: one new version, the others refused", async () => {
    const base = role();
    const results = await race(N, (i) =>
      saveRoleFromEditor(
        admin,
        { ...base, redFlags: [...base.redFlags, `New red flag from tab ${i}`] },
        { mode: "edit", slug: base.slug, baseVersion: 1 },
      ),
    );
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ConflictError);
    expect(await db.roleTemplateVersion.count({ where: { template: { slug: base.slug } } })).toBe(2);
    expect(
      await db.auditLog.count({
        where: { action: "role-template.version-created", after: { contains: `"version":2` } },
      }),
    ).toBe(1);
    // a save from the editor as it is now (base 2) is accepted
    await expect(
      saveRoleFromEditor(
        admin,
        { ...base, title: "Lead AI Platform Engineer (renamed)" },
        { mode: "edit", slug: base.slug, baseVersion: 2 },
      ),
    ).resolves.toMatchObject({ version: 3, status: "created" });
  });

  it("the editor's route sends its base version: two tabs opened on one version, the second save is a 409", async () => {
    session.user = { id: admin.id, email: "roles-admin@test.local", name: "Roles Admin", roles: ["admin"] };
    const base = role();
    const current = (
      await db.roleTemplateVersion.findFirstOrThrow({
        where: { template: { slug: base.slug } },
        orderBy: { version: "desc" },
      })
    ).version;
    const put = (title: string) =>
      editRoute.PUT(
        new Request(`http://127.0.0.1:3000/api/roles/${base.slug}`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ role: { ...base, title }, baseVersion: current }),
        }),
        { params: Promise.resolve({ slug: base.slug }) },
      );
    const first = await put("Saved in the first tab");
    expect(first.status).toBe(200);
    const second = await put("Saved in the second tab");
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe("conflict");
    expect(
      (
        await db.roleTemplateVersion.findFirstOrThrow({
          where: { template: { slug: base.slug } },
          orderBy: { version: "desc" },
        })
      ).title,
    ).toBe("Saved in the first tab");
  });

  it("one new role created N times at once is one role at version 1", async () => {
    const fresh = { ...role(), slug: "brand-new-role", title: "Brand new role", source: null };
    const results = await race(N, () => saveRoleFromEditor(admin, fresh, { mode: "create" }));
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ValidationError);
    expect(await db.roleTemplateVersion.count({ where: { template: { slug: "brand-new-role" } } })).toBe(1);
  });
});
