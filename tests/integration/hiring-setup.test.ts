// Versioning (editing never changes openings on the old version; moving an opening
// recomputes as previewed), weight validation, openings, candidates, loops and permissions.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { addInterview, cancelInterview, getLoop } from "@/lib/data/loops";
import { createStandardLoop } from "@/lib/data/standard-loop";
import { migrateOpening, previewOpeningMigration } from "@/lib/data/opening-migration";
import { addCandidate, createOpening, findCandidates, setCandidateStage, updateOpening } from "@/lib/data/openings";
import { diffRoleVersions, importRolesFile, saveRoleFromEditor } from "@/lib/data/role-editor";
import { exportRoleTemplates } from "@/lib/data/role-templates";
import { getInterviewKit } from "@/lib/data/interview-kit";
import { submitScorecard } from "@/lib/data/scorecards";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let admin: { id: string; roles: ["admin"] };
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
const SLUG = "lead-ai-platform-engineer";

beforeAll(async () => {
  p = await createPanel(db);
  const a = await createUser(db, { email: "admin@test.local", name: "Admin", roles: ["admin"] });
  admin = { id: a.id, roles: ["admin"] };
  await submitScorecard(p.users.a.id, p.interviews.a.id, {
    baseVersion: 0,
    values: p.completeValues(0, "4"),
    submissionKey: randomUUID(),
  });
  await submitScorecard(p.users.b.id, p.interviews.b.id, {
    baseVersion: 0,
    values: p.completeValues(1, "2"),
    submissionKey: randomUUID(),
  });
});

const currentRole = async () => (await exportRoleTemplates()).roles.find((r) => r.slug === SLUG)!;
// Tests save versions of the role in any order, so each reads the version number it starts from.
const latestVersion = async () =>
  (
    await db.roleTemplateVersion.findFirstOrThrow({
      where: { template: { slug: SLUG } },
      orderBy: { version: "desc" },
      select: { version: true },
    })
  ).version;
let openings = 0;
/** A new opening on the role's current version, for a test's own candidates. */
const newOpening = () =>
  createOpening(recruiter(), {
    title: `Opening ${++openings}`,
    roleSlug: SLUG,
    hiringManagerId: p.users.manager.id,
    recruiterId: p.users.recruiter.id,
  });

describe("permissions", () => {
  it("an interviewer or hiring manager reaches none of the setup; a recruiter cannot edit templates", async () => {
    for (const viewer of [
      { id: p.users.a.id, roles: ["interviewer"] as const },
      { id: p.users.manager.id, roles: ["hiring-manager"] as const },
    ]) {
      await expect(createOpening(viewer, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addCandidate(viewer, "x", {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getLoop(viewer, p.candidates.cand1.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(findCandidates(viewer, "Candidate")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        saveRoleFromEditor(viewer, await currentRole(), { mode: "edit", slug: SLUG }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      saveRoleFromEditor(recruiter(), await currentRole(), { mode: "edit", slug: SLUG }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importRolesFile(recruiter(), { roles: [] }, { apply: false })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("role template versions", () => {
  it("weights must sum to 100; nothing is saved otherwise", async () => {
    const versions = await db.roleTemplateVersion.count({ where: { template: { slug: SLUG } } });
    const role = await currentRole();
    role.dimensions[0].weight -= 10;
    const error = await saveRoleFromEditor(admin, role, { mode: "edit", slug: SLUG }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.dimensions[0]).toMatch(/weights must sum to 100 \(they sum to 90\)/);
    expect(await db.roleTemplateVersion.count({ where: { template: { slug: SLUG } } })).toBe(versions);
  });

  it("editing makes a new version with a diff; openings on the old version keep their scores", async () => {
    const before = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    const from = await latestVersion();
    expect(before.role.version).toBeLessThanOrEqual(from);
    const role = await currentRole();
    const [a, b] = role.dimensions;
    role.dimensions[0] = { ...a, weight: a.weight + 10 };
    role.dimensions[1] = { ...b, weight: b.weight - 10 };
    role.redFlags.push("Cannot explain their own design decisions");
    const saved = await saveRoleFromEditor(admin, role, {
      mode: "edit",
      slug: SLUG,
      changeNote: "more weight on the first dimension",
    });
    expect(saved).toMatchObject({ status: "created", version: from + 1 });
    const after = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    expect(after.role.version).toBe(before.role.version);
    expect(after.score.score).toBe(before.score.score);
    const diff = await diffRoleVersions(SLUG, from, from + 1);
    expect(diff).toEqual(
      expect.arrayContaining([
        { kind: "weight", name: a.name, from: a.weight, to: a.weight + 10 },
        { kind: "list-added", list: "red flag", text: "Cannot explain their own design decisions" },
      ]),
    );
    // the audit log says who made the new version and what changed, in the diff page's words
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "role-template.version-created", entityId: saved.versionId },
    });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.parse(entry.before!)).toEqual({ version: from });
    expect(JSON.parse(entry.after!)).toMatchObject({
      version: from + 1,
      changeNote: "more weight on the first dimension",
    });
    expect(JSON.parse(entry.after!).changes).toEqual(
      expect.arrayContaining(["Red flag added: Cannot explain their own design decisions"]),
    );
    const v2 = (await currentRole()).dimensions;
    expect(v2[0].weightOrigin).toBe("edited");
    expect(v2[2].weightOrigin).toBe(role.dimensions[2].weightOrigin);
    // saving identical content makes no new version
    expect((await saveRoleFromEditor(admin, await currentRole(), { mode: "edit", slug: SLUG })).status).toBe(
      "unchanged",
    );
  });

  it("moving an opening to the new version recomputes exactly as previewed, and kits still open", async () => {
    const openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
    // a newer version than the opening's: ten weight points moved to the second dimension
    const role = await currentRole();
    role.dimensions[0].weight -= 10;
    role.dimensions[1].weight += 10;
    const newer = await saveRoleFromEditor(admin, role, { mode: "edit", slug: SLUG });
    const preview = await previewOpeningMigration(recruiter(), openingId);
    if (preview.upToDate) throw new Error("expected a newer version");
    expect(preview.to.version).toBe(newer.version);
    expect(preview.changes.length).toBeGreaterThan(0);
    const one = preview.candidates.find((c) => c.id === p.candidates.cand1.id)!;
    await expect(migrateOpening(recruiter(), openingId, "not-the-previewed-version")).rejects.toBeInstanceOf(
      ConflictError,
    );
    await migrateOpening(recruiter(), openingId, preview.to.id);
    const s = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    expect(s.role.version).toBe(newer.version);
    expect(one.withheld).toBe(false);
    expect(s.score.score).toBeCloseTo(one.after!.score!, 12);
    expect(s.score.recommendation).toBe(one.after!.recommendation);
    expect(s.score.scorecardCount).toBe(2);
    const kit = await getInterviewKit(p.users.a.id, p.interviews.a.id);
    expect(kit!.kit.focusDimensionIds.length).toBeGreaterThan(0);
    expect(Object.values(kit!.scorecard!.values.ratings).some((r) => r.score === "4")).toBe(true);
    expect((await previewOpeningMigration(recruiter(), openingId)).upToDate).toBe(true);
    expect(await db.auditLog.count({ where: { action: "opening.template-version-moved", entityId: openingId } })).toBe(
      1,
    );
  });

  it("import: a bad file names each bad field and changes nothing; a good one previews then saves", async () => {
    const bad = await importRolesFile(
      admin,
      { roles: [{ slug: "Bad Slug", title: "", dimensions: [] }] },
      { apply: true },
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.path)).toEqual(
        expect.arrayContaining(["roles[0].slug", "roles[0].title", "roles[0].dimensions"]),
      );
    const from = await latestVersion();
    const role = await currentRole();
    role.title = "Lead AI Platform Engineer (revised)";
    const preview = await importRolesFile(admin, { roles: [role] }, { apply: false });
    expect(preview.ok && preview.preview[0]).toMatchObject({ status: "changed", changes: [{ kind: "title" }] });
    expect(await latestVersion()).toBe(from);
    const applied = await importRolesFile(admin, { roles: [role] }, { apply: true });
    expect(applied.ok && applied.saved![0]).toMatchObject({ status: "created", version: from + 1 });
  });
});

describe("openings, candidates and loops", () => {
  it("an opening is pinned to the role's current version; bad input stores nothing", async () => {
    const bad = await createOpening(recruiter(), {
      title: "",
      roleSlug: SLUG,
      hiringManagerId: p.users.a.id,
      recruiterId: p.users.recruiter.id,
    }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors)).toEqual(["title"]);
    const notManager = await createOpening(recruiter(), {
      title: "Second opening",
      roleSlug: SLUG,
      hiringManagerId: p.users.a.id,
      recruiterId: p.users.recruiter.id,
    }).catch((e) => e);
    expect(notManager.fieldErrors.hiringManagerId).toBeDefined();
    const before = await db.opening.count();
    const o = await createOpening(recruiter(), {
      title: "Second opening",
      roleSlug: SLUG,
      hiringManagerId: p.users.manager.id,
      recruiterId: p.users.recruiter.id,
    });
    expect(await db.opening.count()).toBe(before + 1);
    const stored = await db.opening.findUniqueOrThrow({
      where: { id: o.id },
      select: { templateVersion: { select: { version: true } } },
    });
    expect(stored.templateVersion.version).toBe(await latestVersion());
  });

  it("candidates: added once per opening, moved through stages, found by name or e-mail", async () => {
    const { id: openingId } = await newOpening();
    const c = await addCandidate(recruiter(), openingId, {
      name: "Priya Raman",
      email: "Priya.Raman@Example.com",
      source: "referral",
    });
    const dup = await addCandidate(recruiter(), openingId, { name: "Priya R", email: "priya.raman@example.com" }).catch(
      (e) => e,
    );
    expect(dup.fieldErrors.email).toEqual(["This person is already a candidate in this opening"]);
    const badEmail = await addCandidate(recruiter(), openingId, { name: "No Mail", email: "not-an-email" }).catch(
      (e) => e,
    );
    expect(badEmail.fieldErrors.email).toEqual(["Enter a valid e-mail address"]);
    await setCandidateStage(recruiter(), c.id, { stage: "interviewing" });
    await expect(setCandidateStage(recruiter(), c.id, { stage: "promoted" })).rejects.toBeInstanceOf(ValidationError);
    for (const q of ["priya", "Priya Raman", "RAMAN", "example.com"])
      expect(
        (await findCandidates(recruiter(), q)).map((x) => x.id),
        q,
      ).toContain(c.id);
    expect(await findCandidates(recruiter(), "nobody-like-this")).toEqual([]);
  });

  it("the loop: standard loop from the exercises, coverage by weight, double bookings, validation", async () => {
    const { id: openingId } = await newOpening();
    const c = await addCandidate(recruiter(), openingId, { name: "Lena Loop", email: "lena.loop@example.com" });
    await setCandidateStage(recruiter(), c.id, { stage: "interviewing" });
    const version = await db.opening.findUniqueOrThrow({
      where: { id: openingId },
      select: { templateVersion: { select: { exercises: { select: { id: true } } } } },
    });
    const made = await createStandardLoop(recruiter(), c.id, {
      startAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(made.created).toHaveLength(version.templateVersion.exercises.length);
    let loop = await getLoop(recruiter(), c.id);
    expect(loop.candidate.interviews.every((i) => i.focus.length > 0)).toBe(true);
    expect(loop.coverage.coverage).toBeCloseTo(1, 9);
    expect(loop.coverage.text).toMatch(/covers 100% of the weight/);

    // an interviewer booked twice is flagged (the standard loop repeats interviewers only when
    // there are fewer interviewers than exercises)
    const interviewers = await db.user.count({ where: { active: true, roles: { some: { role: "interviewer" } } } });
    const baseline = loop.doubleBooked;
    if (interviewers >= made.created.length) expect(baseline).toEqual([]);
    const first =
      loop.candidate.interviews.find((i) => !baseline.includes(i.interviewer.id)) ?? loop.candidate.interviews[0];
    await addInterview(recruiter(), c.id, {
      interviewerId: first.interviewer.id,
      exerciseId: null,
      focusDimensionIds: [loop.dimensions[0].id],
      scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    loop = await getLoop(recruiter(), c.id);
    expect(loop.doubleBooked).toContain(first.interviewer.id);

    // a focus dimension of another role, or no focus at all, is refused
    const other = await addInterview(recruiter(), c.id, {
      interviewerId: first.interviewer.id,
      focusDimensionIds: ["not-a-dimension"],
      scheduledAt: new Date().toISOString(),
    }).catch((e) => e);
    expect(other.fieldErrors.focusDimensionIds).toBeDefined();
    const none = await addInterview(recruiter(), c.id, {
      interviewerId: first.interviewer.id,
      focusDimensionIds: [],
      scheduledAt: "tomorrow",
    }).catch((e) => e);
    expect(Object.keys(none.fieldErrors).sort()).toEqual(["focusDimensionIds", "scheduledAt"]);

    // cancelling frees the coverage; a closed opening takes no new interviews or candidates
    await cancelInterview(recruiter(), loop.candidate.interviews.at(-1)!.id);
    expect((await getLoop(recruiter(), c.id)).doubleBooked).toEqual(baseline);
    const o = await db.opening.findUniqueOrThrow({
      where: { id: openingId },
      select: { title: true, hiringManagerId: true, recruiterId: true },
    });
    await updateOpening(recruiter(), openingId, { ...o, status: "closed" });
    await expect(
      addCandidate(recruiter(), openingId, { name: "Late Comer", email: "late@example.com" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
