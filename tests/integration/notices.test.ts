// The in-app notice of scorecards owed (which interviews, counted how, in one
// statement) and a person's own settings (time zone, reminder pause): validated, audited, and only
// ever the signed-in user's, through PATCH /api/me/settings too. Real database, real route
// handler; only the session cookie's decoding is stood in for (no browser here to sign in).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getMySettings, updateMySettings } from "@/lib/data/my-settings";
import { scorecardNoticeFor } from "@/lib/data/notices";
import { updateUserAccount } from "@/lib/data/user-admin";
import { ValidationError } from "@/lib/errors";
import { createCandidate, createInterview, createOpening, createScorecard, createUser } from "@/seed/factories";
import { createPanel } from "../support/panel";

const session = vi.hoisted(() => ({
  current: null as null | { user: { id: string }; sessionId?: string; generation?: number; signedInAt?: number },
}));
// a session as the app issues it (docs/decisions/016): its claims, of the user's current generation
const claims = { sessionId: "notices-test", generation: 0, signedInAt: Math.floor(Date.now() / 1000) };
// the decoded session cookie (lib/auth.ts reads the request's cookies with next-auth's getToken)
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => [] }) }));
vi.mock("next-auth/jwt", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getToken: async () => (session.current ? { ...session.current, sub: session.current.user.id } : null),
}));

let p: Awaited<ReturnType<typeof createPanel>>;
const now = new Date();
const HOUR = 3_600_000;
const before = (ms: number) => new Date(now.getTime() - ms);
const ids: Record<string, string> = {};
let ivr: { id: string; roles: ["interviewer"] };
let busy: { id: string; roles: ["interviewer"] };
let admin: { id: string; roles: ["admin"] };

/** an interview of the given length, ending `endedMsAgo` before now */
async function plan(interviewerId: string, candidateId: string, endedMsAgo: number, minutes = 60) {
  return createInterview(db, {
    candidateId,
    interviewerId,
    scheduledAt: before(endedMsAgo + minutes * 60_000),
    durationMinutes: minutes,
    focusDimensionIds: [],
  });
}

beforeAll(async () => {
  p = await createPanel(db);
  const opening = await db.opening.findFirstOrThrow({ select: { id: true } });
  const person = (name: string) =>
    createCandidate(db, {
      openingId: opening.id,
      name,
      email: `${name.split(" ")[0].toLowerCase()}@example.com`,
      stage: "interviewing",
    });
  ivr = {
    id: (await createUser(db, { email: "notice-ivr@test.local", name: "Notice Interviewer", roles: ["interviewer"] }))
      .id,
    roles: ["interviewer"],
  };
  busy = {
    id: (await createUser(db, { email: "notice-busy@test.local", name: "Busy Interviewer", roles: ["interviewer"] }))
      .id,
    roles: ["interviewer"],
  };
  admin = {
    id: (await createUser(db, { email: "notice-admin@test.local", name: "Notice Admin", roles: ["admin"] })).id,
    roles: ["admin"],
  };

  const [ada, ben, cy, dee, eve, fay, gus] = await Promise.all(
    ["Ada Owed", "Ben Edge", "Cy Early", "Dee Long", "Eve Cancelled", "Fay Submitted", "Gus Erased"].map(person),
  );
  ids.old = (await plan(ivr.id, ada.id, 3 * 24 * HOUR)).id; // 3 days ago, draft: owed, overdue
  await createScorecard(db, {
    interview: { id: ids.old, candidateId: ada.id, interviewerId: ivr.id },
    status: "draft",
    ratings: [],
  });
  ids.edge = (await plan(ivr.id, ben.id, HOUR)).id; // ended exactly an hour ago: due
  ids.early = (await plan(ivr.id, cy.id, HOUR - 60_000)).id; // ended 59 minutes ago: not yet
  ids.long = (await plan(ivr.id, dee.id, 30 * 60_000, 150)).id; // began 3 h ago and lasted 150 minutes: ended 30 minutes ago
  const cancelled = await plan(ivr.id, eve.id, 5 * HOUR);
  await db.interview.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });
  const submitted = await plan(ivr.id, fay.id, 5 * HOUR);
  await createScorecard(db, { interview: submitted, status: "submitted", ratings: [] });
  await plan(ivr.id, gus.id, 5 * HOUR);
  await db.candidate.update({ where: { id: gus.id }, data: { name: "Erased candidate", erasedAt: now } });
  const closed = await createOpening(db, {
    title: "Filled already",
    templateVersionId: p.version.id,
    hiringManagerId: p.users.manager.id,
    recruiterId: p.users.recruiter.id,
  });
  await db.opening.update({ where: { id: closed.id }, data: { status: "closed", closedAt: now } });
  await plan(
    ivr.id,
    (await createCandidate(db, { openingId: closed.id, name: "Hal Closed", email: "hal@example.com" })).id,
    5 * HOUR,
  );

  // the busy one: 30 owed from weeks ago (counted in SQL), 2 due of late, 1 still running
  for (let k = 0; k < 30; k++) await plan(busy.id, ada.id, (10 + k) * 24 * HOUR);
  // right at the line between "counted" (began a day and an hour ago or more) and "judged row by row"
  ids.busyAtLine = (
    await createInterview(db, {
      candidateId: ben.id,
      interviewerId: busy.id,
      scheduledAt: before(25 * HOUR),
      durationMinutes: 60,
      focusDimensionIds: [],
    })
  ).id;
  await plan(busy.id, ben.id, 2 * HOUR);
  await plan(busy.id, cy.id, -10 * 60_000); // ends in 10 minutes
});

afterEach(() => {
  session.current = null;
  vi.restoreAllMocks();
});

describe("the notice of scorecards owed", () => {
  it("lists the interviews ended an hour ago or more without a submitted scorecard, oldest first, in one statement", async () => {
    const spy = vi.spyOn(db, "$queryRaw");
    const n = await scorecardNoticeFor(ivr, now);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(n?.count).toBe(2);
    expect(n?.title).toBe("2 scorecards are waiting for you");
    expect(n?.detail).toBe("The oldest is for Ada Owed: that interview ended 3 days ago.");
    // not: ended 59 minutes ago, within an hour of a long interview's end, cancelled, submitted, erased, opening closed
    expect(n?.items?.map((i) => [i.id, i.candidateName, i.endedAgo, i.overdue])).toEqual([
      [ids.old, "Ada Owed", "3 days", true],
      [ids.edge, "Ben Edge", "1 hour", false],
    ]);
    expect(n?.items?.[0].href).toBe(`/interviews/${ids.old}`);
  });

  it("counts every owed one however many there are, names only the oldest, and counts none twice", async () => {
    const n = await scorecardNoticeFor(busy, now);
    expect(n?.count).toBe(32); // 30 old + the one at the line + one ended 2 h ago; not the one still running
    expect(n?.items).toBeNull();
    expect(n?.oldest.candidateName).toBe("Ada Owed");
    expect(n?.oldest.endedAgo).toBe("39 days");
    expect(n?.oldest.overdue).toBe(true);
    // a minute later the one that began exactly at the line is among the counted ones: still 32
    expect((await scorecardNoticeFor(busy, new Date(now.getTime() + 60_000)))?.count).toBe(32);
    // a minute earlier it is judged as a row: still owed, still 32
    expect((await scorecardNoticeFor(busy, new Date(now.getTime() - 60_000)))?.count).toBe(32);
  });

  it("a backlog of more than 99 is read up to 100 and shown as 99+", async () => {
    const backlog = {
      id: (
        await createUser(db, {
          email: "notice-backlog@test.local",
          name: "Backlog Interviewer",
          roles: ["interviewer"],
        })
      ).id,
      roles: ["interviewer"] as ["interviewer"],
    };
    const cand = await db.candidate.findFirstOrThrow({ where: { name: "Ada Owed" }, select: { id: true } });
    for (let k = 0; k < 120; k++) await plan(backlog.id, cand.id, (2 + k) * 24 * HOUR);
    const n = await scorecardNoticeFor(backlog, now);
    expect(n?.title).toBe("99+ scorecards are waiting for you");
    expect(n?.count).toBe(100);
    expect(n?.oldest.endedAgo).toBe("121 days");
  });

  it("is gone while reminders are paused and back when they resume; never for someone who is not an interviewer", async () => {
    await updateMySettings(ivr, { timeZone: "UTC", remindersPaused: true });
    expect(await scorecardNoticeFor(ivr, now)).toBeNull();
    await updateMySettings(ivr, { timeZone: "UTC", remindersPaused: false });
    expect((await scorecardNoticeFor(ivr, now))?.count).toBe(2);
    expect(await scorecardNoticeFor({ id: ivr.id, roles: ["recruiter"] }, now)).toBeNull();
    expect(await scorecardNoticeFor({ id: p.users.recruiter.id, roles: ["recruiter"] }, now)).toBeNull();
  });

  it("drops an interview once its scorecard is submitted", async () => {
    await db.scorecard.update({ where: { interviewId: ids.old }, data: { status: "submitted", submittedAt: now } });
    const n = await scorecardNoticeFor(ivr, now);
    expect(n?.items?.map((i) => i.id)).toEqual([ids.edge]);
    expect(n?.title).toBe("1 scorecard is waiting for you");
    await db.scorecard.update({ where: { interviewId: ids.old }, data: { status: "draft", submittedAt: null } });
  });
});

describe("your settings", () => {
  const stored = (id: string) =>
    db.user.findUniqueOrThrow({ where: { id }, select: { timeZone: true, remindersPaused: true } });
  const entries = (id: string) =>
    db.auditLog.findMany({
      where: { entityType: "User", entityId: id, action: "user.settings_changed" },
      orderBy: { at: "asc" },
    });

  it("stores a valid zone and the pause, and records the change with who made it", async () => {
    const me = { id: p.users.a.id };
    expect(await getMySettings(me)).toEqual({ timeZone: "UTC", remindersPaused: false });
    const saved = await updateMySettings(me, { timeZone: " europe/berlin ", remindersPaused: true });
    expect(saved).toEqual({ timeZone: "Europe/Berlin", remindersPaused: true });
    expect(await stored(me.id)).toEqual(saved);
    const [entry] = await entries(me.id);
    expect(entry.actorId).toBe(me.id);
    expect(JSON.parse(entry.before!)).toEqual({ timeZone: "UTC", remindersPaused: false });
    expect(JSON.parse(entry.after!)).toEqual({ timeZone: "Europe/Berlin", remindersPaused: true });
    // saving the same again changes nothing and logs nothing
    await updateMySettings(me, { timeZone: "Europe/Berlin", remindersPaused: true });
    expect(await entries(me.id)).toHaveLength(1);
  });

  it("refuses a zone Intl does not know, naming the field, and stores nothing", async () => {
    const me = { id: p.users.b.id };
    for (const timeZone of ["Mars/Olympus_Mons", "", "+01:00", "x".repeat(100)]) {
      const err = await updateMySettings(me, { timeZone, remindersPaused: true }).catch((e) => e);
      expect(err, timeZone).toBeInstanceOf(ValidationError);
      expect(Object.keys((err as ValidationError).fieldErrors)).toEqual(["timeZone"]);
    }
    expect(await stored(me.id)).toEqual({ timeZone: "UTC", remindersPaused: false });
    expect(await entries(me.id)).toHaveLength(0);
  });

  it("cannot be aimed at someone else: a body naming another user is refused whole", async () => {
    const me = { id: p.users.c.id };
    for (const key of ["userId", "id", "email"]) {
      const err = await updateMySettings(me, {
        timeZone: "Asia/Tokyo",
        remindersPaused: true,
        [key]: key === "email" ? "interviewer-b@test.local" : p.users.b.id,
      }).catch((e) => e);
      expect(err, key).toBeInstanceOf(ValidationError);
    }
    expect(await stored(p.users.b.id)).toEqual({ timeZone: "UTC", remindersPaused: false });
    expect(await stored(me.id)).toEqual({ timeZone: "UTC", remindersPaused: false });
  });
});

describe("PATCH /api/me/settings", () => {
  const patch = async (body: unknown) => {
    const { PATCH } = await import("@/app/api/me/settings/route");
    const res = await PATCH(
      new Request("http://127.0.0.1:3000/api/me/settings", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
    return { status: res.status, body: await res.json() };
  };
  const stored = (id: string) =>
    db.user.findUniqueOrThrow({ where: { id }, select: { timeZone: true, remindersPaused: true } });

  it("writes the signed-in user only, whoever the body names", async () => {
    session.current = { user: { id: p.users.manager.id }, ...claims };
    const ok = await patch({ timeZone: "America/New_York", remindersPaused: true });
    expect(ok).toEqual({ status: 200, body: { timeZone: "America/New_York", remindersPaused: true } });
    expect(await stored(p.users.manager.id)).toEqual({ timeZone: "America/New_York", remindersPaused: true });
    const aimed = await patch({ timeZone: "Asia/Tokyo", remindersPaused: false, userId: p.users.recruiter.id });
    expect(aimed.status).toBe(422);
    expect(await stored(p.users.recruiter.id)).toEqual({ timeZone: "UTC", remindersPaused: false });
    expect(await stored(p.users.manager.id)).toEqual({ timeZone: "America/New_York", remindersPaused: true });
  });

  it("answers an invalid zone with 422 naming the field, and a visitor with no session with 401; nothing stored", async () => {
    session.current = { user: { id: p.users.recruiter.id }, ...claims };
    const bad = await patch({ timeZone: "Nowhere/Special", remindersPaused: true });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.timeZone[0]).toMatch(/Not a time zone we know/);
    session.current = null;
    const anon = await patch({ timeZone: "Asia/Tokyo", remindersPaused: true });
    expect(anon.status).toBe(401);
    expect(await stored(p.users.recruiter.id)).toEqual({ timeZone: "UTC", remindersPaused: false });
  });
});

describe("an admin sets someone's time zone", () => {
  it("stores it with the account change and its audit entry; a bad zone changes nothing; no zone leaves it as it is", async () => {
    const id = busy.id;
    const base = { name: "Busy Interviewer", roles: ["interviewer"], active: true };
    await updateUserAccount(admin, id, { ...base, timeZone: "Asia/Kolkata" });
    expect((await db.user.findUniqueOrThrow({ where: { id }, select: { timeZone: true } })).timeZone).toBe(
      "Asia/Kolkata",
    );
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "user.updated", entityId: id },
      orderBy: { at: "desc" },
    });
    expect(JSON.parse(entry.before!).timeZone).toBe("UTC");
    expect(JSON.parse(entry.after!).timeZone).toBe("Asia/Kolkata");

    const err = await updateUserAccount(admin, id, {
      ...base,
      name: "Renamed Meanwhile",
      timeZone: "Atlantis/Capital",
    }).catch((e) => e);
    expect(Object.keys((err as ValidationError).fieldErrors)).toEqual(["timeZone"]);
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { name: true, timeZone: true } })).toEqual({
      name: "Busy Interviewer",
      timeZone: "Asia/Kolkata",
    });
    await updateUserAccount(admin, id, { ...base, name: "Busy Person" });
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { name: true, timeZone: true } })).toEqual({
      name: "Busy Person",
      timeZone: "Asia/Kolkata",
    });
  });
});
