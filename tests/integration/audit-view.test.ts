// The audit log as people read it (README "Audit log"): records and the ids inside snapshots by
// name, erased candidates as erased, and the action filter's documented forms (user.*) in the
// view and the CSV export alike. Real database, no mocks.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEntriesForExport, listAuditEntries } from "@/lib/data/audit-view";
import { ERASED_CANDIDATE } from "@/lib/data/audit-names";
import { eraseCandidate } from "@/lib/data/privacy";
import { submitScorecard } from "@/lib/data/scorecards";
import { updateUserAccount } from "@/lib/data/user-admin";
import { db } from "@/lib/db";
import { auditFilterSchema } from "@/lib/validations/audit";
import { ERASE_CONFIRMATION } from "@/lib/validations/privacy";
import { createUser } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let admin: { id: string; roles: ["admin"] };

beforeAll(async () => {
  p = await createPanel(db);
  const a = await createUser(db, { email: "audit-reader@test.local", name: "Audit Reader", roles: ["admin"] });
  admin = { id: a.id, roles: ["admin"] };
  const u = await createUser(db, { email: "audit-subject@test.local", name: "Pat Subject", roles: ["interviewer"] });
  await updateUserAccount(admin, u.id, { name: "Pat Subject", roles: ["interviewer", "recruiter"], active: false });
});

describe("the audit view in words", () => {
  it("names the record and shows each changed field in words", async () => {
    const { entries } = await listAuditEntries(admin, { action: "user.deactivated" });
    const e = entries.find((x) => x.entityName === "Pat Subject");
    expect(e).toBeDefined();
    expect(e!.changes).toEqual(
      expect.arrayContaining([
        { label: "Roles", before: "Interviewer", after: "Interviewer, Recruiter" },
        { label: "Active", before: "yes", after: "no" },
      ]),
    );
  });

  it("resolves a scorecard's dimension ids to their names, and an erased candidate shows as erased", async () => {
    await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0, "4"),
      submissionKey: randomUUID(),
    });
    const dims = await db.dimension.findMany({
      where: { versionId: p.version.id },
      select: { id: true, name: true },
    });
    const sc = await db.scorecard.findUniqueOrThrow({
      where: { interviewId: p.interviews.a.id },
      select: { id: true },
    });
    const read = async () =>
      (await listAuditEntries(admin, { action: "scorecard.submitted", entityId: sc.id })).entries[0];
    const e = await read();
    const labels = e.changes.map((c) => c.label);
    const rated = dims.filter((d) => labels.includes(`Rating · ${d.name}`));
    expect(rated.length).toBeGreaterThan(0);
    expect(e.changes.find((c) => c.label === `Rating · ${rated[0].name}`)?.after).toBe("4 Exceeds bar");
    expect(e.changes.map((c) => c.label).join("\n")).not.toContain(rated[0].id);
    expect(e.changes.find((c) => c.label === "Recommendation")?.after).toBe("Yes");
    expect(e.entityName).toBe("Interviewer A's scorecard on Candidate One");

    await eraseCandidate(admin, p.candidates.cand1.id, {
      reason: "Asked to be forgotten (audit view test)",
      confirm: ERASE_CONFIRMATION,
    });
    expect((await read()).entityName).toBe(`Interviewer A's scorecard on ${ERASED_CANDIDATE}`);
    const erased = (await listAuditEntries(admin, { action: "candidate.erased" })).entries[0];
    expect(erased.entityName).toBe(ERASED_CANDIDATE);
  });
});

describe("the action filter's forms", () => {
  it("user.*, user* and user. are the family; a plain action is exact; the CSV agrees", async () => {
    const family = await db.auditLog.count({ where: { action: { startsWith: "user." } } });
    expect(family).toBeGreaterThan(0);
    for (const action of ["user.*", "user.", "user*"]) {
      const filter = auditFilterSchema.parse({ action });
      expect((await listAuditEntries(admin, filter)).total, action).toBe(family);
      expect((await auditEntriesForExport(admin, filter)).length, action).toBe(family);
    }
    const exact = await listAuditEntries(admin, { action: "user.deactivated" });
    expect(exact.total).toBe(await db.auditLog.count({ where: { action: "user.deactivated" } }));
    expect((await listAuditEntries(admin, { action: "user" })).total).toBe(0);
    expect((await listAuditEntries(admin, { action: "*" })).total).toBe(await db.auditLog.count());
  });
  it("refuses a star anywhere but the end, with the forms it takes", () => {
    const r = auditFilterSchema.safeParse({ action: "*.created" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["action"], message: expect.stringContaining("user.*") });
  });
});
