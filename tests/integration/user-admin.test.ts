// Accounts (create with a generated password, roles, deactivate / reactivate, reset) and
// the audit log view (filters in SQL, pages, CSV). Real database, no mocks.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditEntriesForExport, auditFilterChoices, listAuditEntries, AUDIT_PAGE_SIZE } from "@/lib/data/audit-view";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { submitScorecard } from "@/lib/data/scorecards";
import { checkCredentials } from "@/lib/data/sign-in";
import { createUserAccount, getUser, listUsers, resetUserPassword, updateUserAccount } from "@/lib/data/user-admin";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { auditCsv } from "@/lib/exports";
import { auditFilterSchema } from "@/lib/validations/audit";
import { createUser } from "@/seed/factories";
import { createPanel, PASSWORD } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let admin: { id: string; roles: ["admin"] };
const ADDR = "10.9.9.9";

beforeAll(async () => {
  p = await createPanel(db);
  const a = await createUser(db, { email: "root@test.local", name: "Root Admin", roles: ["admin"] });
  admin = { id: a.id, roles: ["admin"] };
});

const fieldsOf = (e: unknown) => (e as ValidationError).fieldErrors;

// Each test makes the accounts and audit entries it reads, so none depends on another having run.
let people = 0;
/** A new interviewer (no audit entry of its own) whom the admin deactivates, then reactivates. */
async function deactivatedAndBack() {
  people += 1;
  const name = `Leaver ${people}`;
  const u = await createUser(db, { email: `leaver-${people}@test.local`, name, roles: ["interviewer"] });
  await updateUserAccount(admin, u.id, { name, roles: ["interviewer"], active: false });
  await updateUserAccount(admin, u.id, { name, roles: ["interviewer"], active: true });
  return u;
}

describe("who may manage accounts", () => {
  it("only admins list, read, create, change or reset", async () => {
    for (const viewer of [
      { id: p.users.recruiter.id, roles: ["recruiter"] as const },
      { id: p.users.manager.id, roles: ["hiring-manager"] as const },
      { id: p.users.a.id, roles: ["interviewer"] as const },
    ]) {
      await expect(listUsers(viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getUser(viewer, admin.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        createUserAccount(viewer, { name: "X Y", email: "x@test.local", roles: ["admin"] }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        updateUserAccount(viewer, viewer.id, { name: "X Y", roles: ["admin"], active: true }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(resetUserPassword(viewer, admin.id, { password: "" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAuditEntries(viewer, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(auditEntriesForExport(viewer, {})).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.user.count({ where: { email: "x@test.local" } })).toBe(0);
  });
});

describe("creating accounts", () => {
  it("generates a password shown once, stores only its hash, and the person can sign in with it", async () => {
    const { user, generatedPassword } = await createUserAccount(admin, {
      name: "  Dana Fox ",
      email: " Dana.Fox@Test.Local ",
      roles: ["interviewer", "recruiter"],
      password: "",
    });
    expect(user).toMatchObject({ name: "Dana Fox", email: "dana.fox@test.local" });
    expect(generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, roles: { select: { role: true } } },
    });
    expect(stored.passwordHash).not.toContain(generatedPassword!);
    expect(stored.roles.map((r) => r.role).sort()).toEqual(["interviewer", "recruiter"]);
    const signedIn = await checkCredentials("dana.fox@test.local", generatedPassword!, ADDR);
    expect(signedIn?.roles.sort()).toEqual(["interviewer", "recruiter"]);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.created", entityId: user.id } });
    expect(entry.actorId).toBe(admin.id);
    expect(entry.after).not.toContain(generatedPassword!);
  });

  it("takes a chosen password, and refuses bad input with field messages, saving nothing", async () => {
    const { generatedPassword, user } = await createUserAccount(admin, {
      name: "Eli Moss",
      email: "eli@test.local",
      roles: ["interviewer"],
      password: "a-long-passphrase-1",
    });
    expect(generatedPassword).toBeNull();
    expect((await checkCredentials("eli@test.local", "a-long-passphrase-1", ADDR))?.id).toBe(user.id);

    const before = await db.user.count();
    const bad = await createUserAccount(admin, {
      name: "E",
      email: "not-an-email",
      roles: [],
      password: "short",
    }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(fieldsOf(bad)).sort()).toEqual(["email", "name", "password", "roles"]);
    const dup = await createUserAccount(admin, {
      name: "Eli Again",
      email: "ELI@test.local",
      roles: ["interviewer"],
    }).catch((e) => e);
    expect(fieldsOf(dup).email[0]).toMatch(/exists/);
    const badRole = await createUserAccount(admin, {
      name: "Eli Again",
      email: "eli2@test.local",
      roles: ["owner"],
    }).catch((e) => e);
    expect(badRole).toBeInstanceOf(ValidationError);
    expect(await db.user.count()).toBe(before);
  });

  it("lists and finds people by name or e-mail, whatever the case", async () => {
    await createUserAccount(admin, { name: "Noor Quist", email: "Noor.Quist@Test.Local", roles: ["interviewer"] });
    expect((await listUsers(admin, "noor")).map((u) => u.name)).toEqual(["Noor Quist"]);
    expect((await listUsers(admin, "NOOR.QUIST@")).map((u) => u.name)).toEqual(["Noor Quist"]);
    expect((await listUsers(admin, "quist")).map((u) => u.name)).toEqual(["Noor Quist"]);
    expect((await listUsers(admin)).length).toBe(await db.user.count());
  });
});

describe("changing accounts", () => {
  it("deactivating stops sign-in and keeps the person's scorecards in the summary; reactivating restores sign-in", async () => {
    const a = await db.user.findUniqueOrThrow({ where: { id: p.users.a.id }, select: { email: true, name: true } });
    await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0, "4"),
      submissionKey: randomUUID(),
    });
    expect(await checkCredentials(a.email, PASSWORD, ADDR)).not.toBeNull();

    const after = await updateUserAccount(admin, p.users.a.id, { name: a.name, roles: ["interviewer"], active: false });
    expect(after.active).toBe(false);
    expect(after.deactivatedAt).toBeInstanceOf(Date);
    expect(await checkCredentials(a.email, PASSWORD, ADDR)).toBeNull();
    const summary = await getCandidateSummary(
      { id: p.users.recruiter.id, roles: ["recruiter"] },
      p.candidates.cand1.id,
    );
    expect(summary?.scorecards.map((s) => s.interviewerName)).toContain(a.name);
    expect(await db.auditLog.count({ where: { action: "user.deactivated", entityId: p.users.a.id } })).toBe(1);

    await updateUserAccount(admin, p.users.a.id, { name: a.name, roles: ["interviewer"], active: true });
    expect(await checkCredentials(a.email, PASSWORD, ADDR)).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: p.users.a.id } })).deactivatedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.reactivated", entityId: p.users.a.id } })).toBe(1);
  });

  it("changes roles and records before and after", async () => {
    const { user: dana } = await createUserAccount(admin, {
      name: "Dana Fox",
      email: "dana.reid@test.local",
      roles: ["interviewer", "recruiter"],
    });
    await updateUserAccount(admin, dana.id, { name: "Dana Fox-Reid", roles: ["hiring-manager"], active: true });
    const u = await getUser(admin, dana.id);
    expect(u).toMatchObject({ name: "Dana Fox-Reid", roles: ["hiring-manager"] });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.updated", entityId: dana.id } });
    expect(JSON.parse(entry.before!)).toMatchObject({
      name: "Dana Fox",
      roles: expect.arrayContaining(["interviewer", "recruiter"]),
    });
    expect(JSON.parse(entry.after!)).toMatchObject({ name: "Dana Fox-Reid", roles: ["hiring-manager"] });
  });

  it("an admin cannot demote or deactivate themself, and the last active admin stays", async () => {
    const self = await updateUserAccount(admin, admin.id, {
      name: "Root Admin",
      roles: ["recruiter"],
      active: true,
    }).catch((e) => e);
    expect(fieldsOf(self).roles[0]).toMatch(/own admin/);
    const off = await updateUserAccount(admin, admin.id, { name: "Root Admin", roles: ["admin"], active: false }).catch(
      (e) => e,
    );
    expect(fieldsOf(off).active[0]).toMatch(/deactivate yourself/);

    // a second admin may not remove the only other one when that would leave none
    const { user: second } = await createUserAccount(admin, {
      name: "Second Admin",
      email: "second@test.local",
      roles: ["admin"],
    });
    const secondViewer = { id: second.id, roles: ["admin"] as const };
    await updateUserAccount(secondViewer, admin.id, { name: "Root Admin", roles: ["admin"], active: false }); // fine: two admins
    await updateUserAccount(secondViewer, admin.id, { name: "Root Admin", roles: ["admin"], active: true });
    await updateUserAccount(admin, second.id, { name: "Second Admin", roles: ["interviewer"], active: true }); // now one admin
    // with Root as the only admin left, nobody can take the role away from them (self-rule aside)
    await db.userRole.create({ data: { userId: second.id, role: "admin" } });
    await db.user.update({ where: { id: admin.id }, data: { active: false } }); // simulate: root gone
    const last = await updateUserAccount(secondViewer, second.id, {
      name: "Second Admin",
      roles: ["interviewer", "admin"],
      active: true,
    });
    expect(last.roles).toContain("admin");
    const err = await updateUserAccount({ id: admin.id, roles: ["admin"] }, second.id, {
      name: "Second Admin",
      roles: ["interviewer"],
      active: true,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((await getUser(secondViewer, second.id))?.roles).toContain("admin");
    await db.user.update({ where: { id: admin.id }, data: { active: true } });
  });

  it("unknown ids are not found", async () => {
    await expect(
      updateUserAccount(admin, "nope", { name: "Nobody Here", roles: ["interviewer"], active: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetUserPassword(admin, "nope", { password: "" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getUser(admin, "nope")).toBeNull();
  });

  it("resetting a password replaces the old one and lifts a lockout", async () => {
    const { user: eli } = await createUserAccount(admin, {
      name: "Eli Reset",
      email: "eli.reset@test.local",
      roles: ["interviewer"],
      password: "a-long-passphrase-1",
    });
    for (let i = 0; i < 12; i++) await checkCredentials("eli.reset@test.local", "wrong password here", "10.2.2.2");
    expect(await checkCredentials("eli.reset@test.local", "a-long-passphrase-1", "10.2.2.2")).toBeNull(); // locked out from there
    const { generatedPassword } = await resetUserPassword(admin, eli.id, { password: "" });
    expect(await checkCredentials("eli.reset@test.local", "a-long-passphrase-1", "10.2.2.3")).toBeNull();
    expect((await checkCredentials("eli.reset@test.local", generatedPassword!, "10.2.2.2"))?.id).toBe(eli.id);
    const short = await resetUserPassword(admin, eli.id, { password: "short" }).catch((e) => e);
    expect(fieldsOf(short).password).toBeDefined();
    expect((await checkCredentials("eli.reset@test.local", generatedPassword!, "10.2.2.5"))?.id).toBe(eli.id);
  });
});

describe("the audit log view", () => {
  it("filters by action prefix, actor, record and day, in pages of 50, newest first", async () => {
    const leaver = await deactivatedAndBack();
    await deactivatedAndBack();
    const all = await listAuditEntries(admin, {});
    expect(all.total).toBe(await db.auditLog.count());
    const ats = all.entries.map((e) => e.at.getTime());
    expect([...ats].sort((x, y) => y - x)).toEqual(ats);

    const users = await listAuditEntries(admin, { action: "user." });
    expect(users.total).toBe(await db.auditLog.count({ where: { action: { startsWith: "user." } } }));
    expect(users.entries.every((e) => e.action.startsWith("user."))).toBe(true);

    const byAdmin = await listAuditEntries(admin, { actor: admin.id, entityType: "User" });
    expect(byAdmin.total).toBeGreaterThan(3);
    expect(byAdmin.entries.every((e) => e.actor?.id === admin.id && e.entityType === "User")).toBe(true);

    const one = await listAuditEntries(admin, { entityType: "User", entityId: leaver.id });
    expect(one.entries.map((e) => e.action)).toEqual(["user.reactivated", "user.deactivated"]);
    expect(one.entries[1].changes).toEqual([{ label: "Active", before: "yes", after: "no" }]);

    const today = new Date().toISOString().slice(0, 10);
    const todays = await db.auditLog.count({
      where: {
        at: { gte: new Date(`${today}T00:00:00Z`), lt: new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000) },
      },
    });
    // everything this file logged is from today, but the bulk entries of the next test (1 January)
    expect(todays).toBe(await db.auditLog.count({ where: { action: { not: "test.bulk" } } }));
    expect((await listAuditEntries(admin, { from: today, to: today })).total).toBe(todays);
    expect((await listAuditEntries(admin, { to: "2000-01-01" })).total).toBe(0);
    expect((await listAuditEntries(admin, { from: "2999-01-01" })).total).toBe(0);
  });

  it("pages through a long log without skipping or repeating", async () => {
    const rows = Array.from({ length: AUDIT_PAGE_SIZE + 7 }, (_, i) => ({
      actorId: admin.id,
      action: "test.bulk",
      entityType: "Test",
      entityId: `t${i}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    }));
    await db.auditLog.createMany({ data: rows });
    const p1 = await listAuditEntries(admin, { action: "test.bulk" });
    const p2 = await listAuditEntries(admin, { action: "test.bulk", page: 2 });
    expect([p1.total, p1.pages, p1.entries.length, p2.entries.length]).toEqual([
      AUDIT_PAGE_SIZE + 7,
      2,
      AUDIT_PAGE_SIZE,
      7,
    ]);
    const ids = [...p1.entries, ...p2.entries].map((e) => e.entityId);
    expect(new Set(ids).size).toBe(AUDIT_PAGE_SIZE + 7);
    expect(ids[0]).toBe(`t${AUDIT_PAGE_SIZE + 6}`);
    const day = await listAuditEntries(admin, { action: "test.bulk", from: "2026-01-01", to: "2026-01-01" });
    expect(day.total).toBe(AUDIT_PAGE_SIZE + 7);
  });

  it("offers the actions, kinds and people seen, and exports the filtered entries as CSV", async () => {
    await createUserAccount(admin, { name: "Ola Chosen", email: "ola@test.local", roles: ["interviewer"] });
    await deactivatedAndBack();
    await submitScorecard(p.users.b.id, p.interviews.b.id, {
      baseVersion: 0,
      values: p.completeValues(1, "4"),
      submissionKey: randomUUID(),
    });
    const choices = await auditFilterChoices(admin);
    expect(choices.actions).toEqual(
      expect.arrayContaining(["user.created", "user.deactivated", "scorecard.submitted"]),
    );
    expect(choices.entityTypes).toEqual(expect.arrayContaining(["User", "Scorecard"]));
    expect(choices.actors.map((a) => a.id)).toContain(admin.id);

    const filter = auditFilterSchema.parse({ action: "user.", actor: admin.id });
    const rows = await auditEntriesForExport(admin, filter);
    const csv = auditCsv(rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("At (UTC),Actor,Actor e-mail,Action,Entity type,Entity id,Before,After");
    expect(lines.length - 1).toBe((await listAuditEntries(admin, filter)).total);
    expect(lines.slice(1).every((l) => l.includes(",Root Admin,root@test.local,user."))).toBe(true);
  });
});
