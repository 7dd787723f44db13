// The loop builder's planning (docs/decisions/050-loop-time-clashes.md,
// docs/decisions/051-standard-loop-pool-durations-stage.md) on a real database: the standard loop
// prefers the opening's interviewer pool, never gives another opening's hiring manager an
// interview unless pooled, takes each exercise's length and moves the candidate to interviewing;
// clashes of the candidate and of an interviewer booked elsewhere are found, before saving.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setInterviewerPool, getInterviewerPool } from "@/lib/data/interviewer-pool";
import { clashesFor, clashesOfLoop } from "@/lib/data/loop-clashes";
import { addInterview, getLoop } from "@/lib/data/loops";
import { addCandidate, createOpening } from "@/lib/data/openings";
import { createStandardLoop } from "@/lib/data/standard-loop";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
let otherManager = "";
let pooled: string[] = [];

beforeAll(async () => {
  p = await createPanel(db);
  // another opening's hiring manager who also interviews, and has nothing upcoming: the old
  // standard loop picked them first
  const hm2 = await createUser(db, {
    email: "hm2@test.local",
    name: "Other Manager",
    roles: ["hiring-manager", "interviewer"],
  });
  otherManager = hm2.id;
  await createOpening(recruiter(), {
    title: "Another opening",
    roleSlug: "lead-ai-platform-engineer",
    hiringManagerId: hm2.id,
    recruiterId: p.users.recruiter.id,
  });
  // two pooled people, busier than the rest: the pool still comes first
  pooled = [
    (await createUser(db, { email: "pool1@test.local", name: "Pool One", roles: ["interviewer"] })).id,
    (await createUser(db, { email: "pool2@test.local", name: "Pool Two", roles: ["interviewer"] })).id,
  ];
});

const openingOf = async (candidateId: string) =>
  (await db.candidate.findUniqueOrThrow({ where: { id: candidateId } })).openingId;

describe("the standard loop", () => {
  it("pool first, no other opening's hiring manager, lengths from the exercises, stage to interviewing (audited)", async () => {
    const openingId = await openingOf(p.candidates.cand1.id);
    await setInterviewerPool(recruiter(), openingId, { interviewerIds: pooled });
    expect((await getInterviewerPool(openingId)).sort()).toEqual([...pooled].sort());
    const c = await addCandidate(recruiter(), openingId, { name: "Stan Dard", email: "stan@example.com" });
    expect((await db.candidate.findUniqueOrThrow({ where: { id: c.id } })).stage).toBe("applied");
    const start = new Date("2027-03-01T09:00:00Z");
    await createStandardLoop(recruiter(), c.id, { startAt: start.toISOString() });
    const loop = await getLoop(recruiter(), c.id);
    const ivs = loop.candidate.interviews;
    expect(ivs).toHaveLength(4);
    expect(
      ivs
        .slice(0, 2)
        .map((i) => i.interviewer.id)
        .sort(),
    ).toEqual([...pooled].sort());
    expect(ivs.map((i) => i.interviewer.id)).not.toContain(otherManager);
    // Lead AI Platform Engineer: 60–90, 45–60, 45 and 30 minutes; 15-minute breaks
    expect(ivs.map((i) => i.durationMinutes)).toEqual([90, 60, 45, 30]);
    expect(ivs.map((i) => i.scheduledAt.toISOString())).toEqual([
      "2027-03-01T09:00:00.000Z",
      "2027-03-01T10:45:00.000Z",
      "2027-03-01T12:00:00.000Z",
      "2027-03-01T13:00:00.000Z",
    ]);
    expect(loop.candidate.stage).toBe("interviewing");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "candidate.stage-changed", entityId: c.id } });
    expect(JSON.parse(entry.after!)).toMatchObject({ stage: "interviewing" });
  });

  it("a pooled hiring manager of another opening may be given one", async () => {
    const openingId = await openingOf(p.candidates.cand1.id);
    await setInterviewerPool(recruiter(), openingId, { interviewerIds: [otherManager] });
    const c = await addCandidate(recruiter(), openingId, { name: "Poole Hm", email: "poolehm@example.com" });
    await createStandardLoop(recruiter(), c.id, { startAt: "2027-03-08T09:00:00Z" });
    const loop = await getLoop(recruiter(), c.id);
    expect(loop.candidate.interviews[0].interviewer.id).toBe(otherManager);
  });

  it("the pool: active interviewers only, recruiters and admins only", async () => {
    const openingId = await openingOf(p.candidates.cand1.id);
    await expect(
      setInterviewerPool(recruiter(), openingId, { interviewerIds: [p.users.recruiter.id] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      setInterviewerPool({ id: p.users.manager.id, roles: ["hiring-manager"] }, openingId, { interviewerIds: [] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("time clashes", () => {
  it("the candidate's own interview at that time, and the interviewer booked with another candidate", async () => {
    const cand = p.candidates.cand2.id;
    const at = "2027-04-05T10:00:00Z";
    await addInterview(recruiter(), cand, {
      interviewerId: p.users.c.id,
      focusDimensionIds: [p.version.dimensions[0].id],
      scheduledAt: at,
    });
    // interviewer A booked 10:30 with candidate one
    await addInterview(recruiter(), p.candidates.cand1.id, {
      interviewerId: p.users.a.id,
      focusDimensionIds: [p.version.dimensions[0].id],
      scheduledAt: "2027-04-05T10:30:00Z",
      durationMinutes: 45,
    });
    const clashes = await clashesFor(recruiter(), cand, {
      interviewerId: p.users.a.id,
      scheduledAt: "2027-04-05T10:15:00Z",
      durationMinutes: "60",
    });
    expect(clashes.map((c) => [c.kind, c.interviewerName, c.candidate?.name])).toEqual([
      ["candidate", "Interviewer C", "Candidate Two"],
      ["interviewer", "Interviewer A", "Candidate One"],
    ]);
    // back to back is fine; the interview being changed is not its own clash
    expect(
      await clashesFor(recruiter(), cand, {
        interviewerId: p.users.b.id,
        scheduledAt: "2027-04-05T11:00:00Z",
        durationMinutes: 30,
      }),
    ).toEqual([]);
    const own = (await getLoop(recruiter(), cand)).candidate.interviews.find(
      (i) => i.scheduledAt.toISOString() === "2027-04-05T10:00:00.000Z",
    )!;
    expect(
      await clashesFor(recruiter(), cand, {
        interviewerId: p.users.c.id,
        scheduledAt: at,
        durationMinutes: 60,
        interviewId: own.id,
      }),
    ).toEqual([]);
    // the builder's list marks the planned interview that clashes
    const loop = (await getLoop(recruiter(), cand)).candidate.interviews;
    const marked = await clashesOfLoop(
      recruiter(),
      cand,
      loop.map((i) => ({ ...i, interviewerId: i.interviewer.id })),
    );
    expect(marked.size).toBe(0);
    await expect(
      clashesFor({ id: p.users.a.id, roles: ["interviewer"] }, cand, { interviewerId: p.users.a.id, scheduledAt: at }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(clashesFor(recruiter(), cand, { interviewerId: "", scheduledAt: "soon" })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
