// Erasure (texts gone, numbers kept, audit snapshots marked, all or nothing), retention,
// who viewed a candidate, token rate limits, and backup → restore into a fresh database, compared
// row by row. Real databases.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, restore } from "@/lib/backup";
import { resolveDatabase } from "@/lib/database-url";
import { authenticateToken, createApiToken } from "@/lib/data/api-tokens";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { recordDecision } from "@/lib/data/decisions";
import { setCandidateStage } from "@/lib/data/openings";
import { ERASED, eraseCandidate, eraseExpiredCandidates, recordCandidateView } from "@/lib/data/privacy";
import { RateLimitedError } from "@/lib/data/rate-limit";
import { amendScorecard, submitScorecard } from "@/lib/data/scorecards";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { createCandidate, createUser } from "@/seed/factories";
import { pgAdmin, withDatabase } from "../setup/databases";
import { dumpDatabase } from "../support/db-dump";
import { startDebrief } from "@/lib/data/debriefs";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager"] as const });
const dir = mkdtempSync(path.join(tmpdir(), "scorecards-backup-"));

beforeAll(async () => {
  p = await createPanel(db);
});

// Each test erases, views or retires a candidate of its own; only the erasure test uses candidate 1,
// after giving it scorecards, an amendment and a decision.
let made = 0;
async function newCandidate() {
  made += 1;
  const { openingId } = await db.candidate.findUniqueOrThrow({
    where: { id: p.candidates.cand2.id },
    select: { openingId: true },
  });
  return createCandidate(db, {
    openingId,
    name: `Someone ${made}`,
    email: `someone-${made}@example.com`,
    stage: "interviewing",
  });
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("erasing a candidate", () => {
  it("is for recruiters and admins, with a reason and a typed confirmation", async () => {
    const c = await newCandidate();
    await expect(
      eraseCandidate(manager(), c.id, { reason: "asked to be forgotten", confirm: "ERASE" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await eraseCandidate(recruiter(), c.id, { reason: "x", confirm: "erase" }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["confirm", "reason"]);
    expect((await db.candidate.findUniqueOrThrow({ where: { id: c.id } })).erasedAt).toBeNull();
  });

  it("removes every text about the person, keeps the numbers, and marks the audit snapshots", async () => {
    const s = await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0, "4"),
      submissionKey: randomUUID(),
    });
    await submitScorecard(p.users.b.id, p.interviews.b.id, {
      baseVersion: 0,
      values: p.completeValues(1, "3"),
      submissionKey: randomUUID(),
    });
    // a debrief's snapshot holds the texts as they stood (docs/decisions/078-debrief-mode.md)
    await startDebrief(manager(), p.candidates.cand1.id, {
      revealMode: "all",
      revealOrder: [p.users.a.id, p.users.b.id],
    });
    await amendScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: s.version,
      values: p.completeValues(0, "5"),
      reason: "Re-read my notes about the candidate's design.",
    });
    await recordDecision(manager(), p.candidates.cand1.id, {
      outcome: "hire",
      rationale: "Candidate One showed strong judgement in every loop.",
    });
    const before = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    await recordCandidateView(recruiter(), p.candidates.cand1.id, "page");
    await eraseCandidate(recruiter(), p.candidates.cand1.id, {
      reason: "The candidate asked to be forgotten.",
      confirm: "ERASE",
    });
    const after = await getCandidateSummary(recruiter(), p.candidates.cand1.id);
    // the numbers others rely on are unchanged
    expect(after.score.score).toBe(before.score.score);
    expect(after.score.recommendation).toBe(before.score.recommendation);
    expect(after.score.redFlags.map((f) => f.redFlagId)).toEqual(before.score.redFlags.map((f) => f.redFlagId));
    expect(after.decisions.map((d) => d.outcome)).toEqual(before.decisions.map((d) => d.outcome));
    // no text about the person is left anywhere, audit log included
    expect(after.candidate).toMatchObject({ name: "Erased candidate", source: "" });
    expect(after.candidate.erasedAt).toBeInstanceOf(Date);
    const dump = JSON.stringify(await dumpDatabase(process.env.DATABASE_URL!));
    for (const text of [
      "Candidate One",
      "one@example.com",
      "strong judgement",
      "Re-read my notes",
      p.completeValues(0, "4").keyTakeaways,
      "Evidence for ",
    ])
      expect(dump, text).not.toContain(text);
    expect(
      after.scorecards.every(
        (s) =>
          s.keyTakeaways === ERASED &&
          Object.values(s.ratings).every((r) => r.evidence === "" || r.evidence === ERASED),
      ),
    ).toBe(true);
    const entries = await db.auditLog.findMany({
      where: {
        OR: [
          { entityType: "Candidate", entityId: p.candidates.cand1.id },
          { entityType: "Scorecard", entityId: { in: after.scorecards.map((s) => s.id) } },
        ],
      },
    });
    const erased = entries.filter((e) => e.action !== "candidate.erased" && e.action !== "candidate.viewed");
    expect(erased.length).toBeGreaterThan(3);
    expect(
      erased.every(
        (e) =>
          (e.before === null || e.before === '{"erased":true}') && (e.after === null || e.after === '{"erased":true}'),
      ),
    ).toBe(true);
    const erasure = entries.find((e) => e.action === "candidate.erased")!;
    expect(erasure.actorId).toBe(p.users.recruiter.id);
    expect(JSON.parse(erasure.after!).reason).toBe("The candidate asked to be forgotten.");
    // the other candidate is untouched
    expect((await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand2.id } })).name).toBe("Candidate Two");
    await expect(
      eraseCandidate(recruiter(), p.candidates.cand1.id, { reason: "again, by mistake", confirm: "ERASE" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("the audit log still refuses any other change, and every delete", async () => {
    const c = await newCandidate();
    await eraseCandidate(recruiter(), c.id, { reason: "The candidate asked to be forgotten.", confirm: "ERASE" });
    const e = await db.auditLog.findFirstOrThrow({ where: { action: "candidate.erased", entityId: c.id } });
    await expect(
      db.auditLog.update({ where: { id: e.id }, data: { after: '{"reason":"rewritten"}' } }),
    ).rejects.toThrow(/append-only|constraint/i);
    await expect(
      db.auditLog.update({ where: { id: e.id }, data: { action: "candidate.viewed", after: '{"erased":true}' } }),
    ).rejects.toThrow(/append-only|constraint/i);
    await expect(db.auditLog.delete({ where: { id: e.id } })).rejects.toThrow(/append-only|constraint/i);
  });

  it("records who viewed a candidate and how", async () => {
    const c = await newCandidate();
    await recordCandidateView(recruiter(), c.id, "page");
    const views = await db.auditLog.findMany({
      where: { action: "candidate.viewed", entityId: c.id },
    });
    expect(views.map((v) => [v.actorId, JSON.parse(v.after!).via])).toEqual([[p.users.recruiter.id, "page"]]);
  });

  it("retention erases only candidates whose process ended long enough ago", async () => {
    const ended = await newCandidate();
    await setCandidateStage(recruiter(), ended.id, { stage: "rejected" });
    expect(await eraseExpiredCandidates(30)).toEqual([]); // changed just now
    expect(await eraseExpiredCandidates(0, new Date(Date.now() + 365 * 86_400_000))).toEqual([]); // 0 = off
    expect(await eraseExpiredCandidates(30, new Date(Date.now() + 31 * 86_400_000))).toEqual([ended.id]);
    const c = await db.candidate.findUniqueOrThrow({ where: { id: ended.id } });
    expect(c.name).toBe("Erased candidate");
    expect(
      (await db.auditLog.findFirstOrThrow({ where: { action: "candidate.erased", entityId: c.id } })).actorId,
    ).toBeNull();
  });
});

describe("token rate limits", () => {
  it("a token gets 429 past its per-minute limit, and a new minute starts afresh", async () => {
    const admin = await createUser(db, { email: "rl-admin@test.local", name: "RL Admin", roles: ["admin"] });
    const { token } = await createApiToken(
      { id: admin.id, roles: ["admin"] },
      { userId: p.users.recruiter.id, name: "Busy integration" },
    );
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5_000);
    for (let i = 0; i < 600; i++) await authenticateToken(`Bearer ${token}`, minute);
    const over = await authenticateToken(`Bearer ${token}`, minute).catch((e) => e);
    expect(over).toBeInstanceOf(RateLimitedError);
    expect(over.status).toBe(429);
    expect(over.retryAfterSeconds).toBe(55);
    expect((await authenticateToken(`Bearer ${token}`, new Date(minute.getTime() + 60_000))).id).toBe(
      p.users.recruiter.id,
    );
  });
});

describe("backup and restore", () => {
  it("a backup restored into a fresh database holds exactly the same rows", async () => {
    const source = resolveDatabase(process.env.DATABASE_URL, process.cwd());
    const original = await dumpDatabase(source.url);
    const file = path.join(dir, source.kind === "sqlite" ? "backup.db" : "backup.dump");
    await backup(source, file);
    await expect(backup(source, file)).rejects.toThrow(/exists already/);
    // the app keeps writing after the backup: the restore must not see it
    await db.auditLog.create({ data: { action: "test.after-backup", entityType: "Test", entityId: "x" } });

    let fresh;
    if (source.kind === "sqlite") {
      fresh = resolveDatabase(`file:${path.join(dir, "restored.db")}`, process.cwd());
    } else {
      const name = `restored_${process.pid}_${Date.now()}`;
      await pgAdmin(source.url, `CREATE DATABASE ${name}`);
      fresh = resolveDatabase(withDatabase(source.url, name), process.cwd());
    }
    try {
      await restore(fresh, file);
      const restored = await dumpDatabase(fresh.url);
      expect(Object.keys(restored).sort()).toEqual(Object.keys(original).sort());
      for (const table of Object.keys(original)) expect(restored[table], table).toEqual(original[table]);
      expect(JSON.stringify(restored)).not.toContain("test.after-backup");
      if (fresh.kind === "sqlite") await expect(restore(fresh, file)).rejects.toThrow(/--force/);
    } finally {
      if (fresh.kind === "postgres")
        await pgAdmin(source.url, `DROP DATABASE IF EXISTS ${new URL(fresh.url).pathname.slice(1)} WITH (FORCE)`);
    }
  });
});
