// The demo data gives every later screen something true to show, and is consistent
// (every rating and focus dimension belongs to the opening's pinned template version).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { submitOpensAt } from "@/lib/domain/submit-window";
import { APP_ROLES } from "@/lib/domain/vocabulary";
import { verifyPassword } from "@/lib/password";
import { submittedObservations } from "@/lib/data/rater-offsets";
import { raterLeniency } from "@/lib/domain/calibration";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/seed/demo";
import { HISTORY_OPENING_TITLE } from "@/seed/demo-history";
import { DEMO_DRILL_TITLE } from "@/seed/demo-drill";
import { loadBlueprintRoles } from "@/seed/roles";

beforeAll(async () => {
  await saveRoleTemplates(loadBlueprintRoles(), { actorId: null });
  expect(await seedDemo(db)).toBe("created");
});

describe("demo data", () => {
  it("has a user for every app role, each signing in with the demo password", async () => {
    const users = await db.user.findMany({
      select: { email: true, passwordHash: true, roles: { select: { role: true } } },
    });
    expect(users).toHaveLength(DEMO_USERS.length);
    const roles = new Set(users.flatMap((u) => u.roles.map((r) => r.role)));
    for (const role of APP_ROLES) expect(roles).toContain(role);
    for (const u of users) expect(await verifyPassword(DEMO_PASSWORD, u.passwordHash!)).toBe(true);
  });

  it("has two open openings on different roles, about six candidates at several stages", async () => {
    const openings = await db.opening.findMany({
      where: { status: "open" },
      select: { templateVersionId: true, _count: { select: { candidates: true } } },
    });
    expect(openings).toHaveLength(2);
    expect(new Set(openings.map((o) => o.templateVersionId)).size).toBe(2);
    const candidates = await db.candidate.findMany({ where: { opening: { status: "open" } }, select: { stage: true } });
    expect(candidates.length).toBeGreaterThanOrEqual(6);
    expect(candidates.length).toBeLessThanOrEqual(8);
    expect(new Set(candidates.map((c) => c.stage)).size).toBeGreaterThanOrEqual(3);
  });

  it("has a closed earlier round whose shared ratings show Riley rating high and Avery low", async () => {
    const closed = await db.opening.findMany({
      where: { status: "closed" },
      select: { title: true, closedAt: true, _count: { select: { candidates: true } } },
    });
    expect(closed).toEqual([{ title: HISTORY_OPENING_TITLE, closedAt: expect.any(Date), _count: { candidates: 8 } }]);
    const leniency = raterLeniency(await submittedObservations(db));
    const of = async (email: string) =>
      leniency.get((await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id)!;
    const riley = await of("riley.novak@demo.test");
    const avery = await of("avery.brooks@demo.test");
    expect(riley.enough && avery.enough).toBe(true);
    expect(riley.low!).toBeGreaterThan(0.3);
    expect(avery.high!).toBeLessThan(0);
    expect(riley.offset!).toBeGreaterThan(avery.offset!);
  });

  it("has submitted and draft scorecards, a red flag, Not assessed ratings and evidence notes", async () => {
    expect(await db.scorecard.count({ where: { status: "submitted" } })).toBeGreaterThanOrEqual(10);
    expect(await db.scorecard.count({ where: { status: "draft" } })).toBeGreaterThanOrEqual(1);
    expect(await db.scorecard.count({ where: { status: "submitted", submittedAt: null } })).toBe(0);
    expect(await db.redFlagObservation.count()).toBeGreaterThanOrEqual(1);
    expect(await db.dimensionRating.count({ where: { notAssessed: true, rating: null } })).toBeGreaterThanOrEqual(1);
    expect(await db.dimensionRating.count({ where: { evidence: "" } })).toBe(0);
  });

  it("submits scorecards only for interviews that had started (submitting opens at the start)", async () => {
    const submitted = await db.scorecard.findMany({
      where: { status: "submitted" },
      select: { submittedAt: true, interview: { select: { scheduledAt: true } } },
    });
    const early = submitted.filter(
      (s) => s.submittedAt! < submitOpensAt(s.interview.scheduledAt) || s.interview.scheduledAt > new Date(),
    );
    expect(submitted.length).toBeGreaterThan(0);
    expect(early).toEqual([]);
  });

  it("gives the demo interviewer interviews to fill now, upcoming and submitted", async () => {
    const now = new Date();
    const mine = await db.interview.findMany({
      where: { interviewer: { email: "interviewer@demo.test" } },
      select: { scheduledAt: true, scorecard: { select: { status: true } } },
    });
    expect(mine.some((i) => i.scheduledAt < now && i.scorecard?.status !== "submitted")).toBe(true);
    expect(mine.some((i) => i.scheduledAt > now)).toBe(true);
    expect(mine.some((i) => i.scorecard?.status === "submitted")).toBe(true);
  });

  it("keeps every rating, red flag and focus dimension within the opening's template version", async () => {
    const scorecards = await db.scorecard.findMany({
      select: {
        candidateId: true,
        authorId: true,
        interview: {
          select: {
            candidateId: true,
            interviewerId: true,
            exercise: { select: { versionId: true } },
            focus: { select: { dimension: { select: { versionId: true } } } },
          },
        },
        candidate: { select: { opening: { select: { templateVersionId: true } } } },
        ratings: { select: { rating: true, dimension: { select: { versionId: true } } } },
        redFlags: { select: { redFlag: { select: { versionId: true } } } },
      },
    });
    for (const s of scorecards) {
      const version = s.candidate.opening.templateVersionId;
      expect(s.candidateId).toBe(s.interview.candidateId);
      expect(s.authorId).toBe(s.interview.interviewerId);
      expect(s.interview.exercise?.versionId).toBe(version);
      for (const f of s.interview.focus) expect(f.dimension.versionId).toBe(version);
      for (const r of s.ratings) {
        expect(r.dimension.versionId).toBe(version);
        if (r.rating !== null) expect([1, 2, 3, 4, 5]).toContain(r.rating);
      }
      for (const f of s.redFlags) expect(f.redFlag.versionId).toBe(version);
    }
  });

  it("is seeded once: running it again changes nothing", async () => {
    const before = await db.scorecard.count();
    expect(await seedDemo(db)).toBe("exists");
    expect(await db.scorecard.count()).toBe(before);
  });

  it("has one published calibration drill on the Lead AI role's architecture exercise, with a consensus on its dimensions and no attempts", async () => {
    const drill = await db.drill.findFirstOrThrow({
      where: { title: DEMO_DRILL_TITLE },
      select: {
        status: true,
        exercise: { select: { title: true, version: { select: { template: { select: { slug: true } } } } } },
        consensus: { select: { dimension: { select: { name: true } } } },
        _count: { select: { attempts: true } },
      },
    });
    expect(drill).toMatchObject({
      status: "published",
      exercise: { title: "Architecture case study", version: { template: { slug: "lead-ai-platform-engineer" } } },
      _count: { attempts: 0 },
    });
    expect(drill.consensus.map((c) => c.dimension.name).sort()).toEqual(
      ["Architecture & design", "ML systems / MLOps", "Reliability & operations", "Security & governance"].sort(),
    );
  });
});
