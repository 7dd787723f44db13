// Calendar invites and the private feed (docs/decisions/069-calendar-invites-and-feed.md) on a real
// database and a real SMTP server (tests/support/mailbox.ts, parsed with mailparser); every
// invite and feed is read with ical.js, not with the generator that wrote it. Planning, moving,
// handing over and cancelling an interview each queue their invite in the same transaction; the
// worker sends the newest one per person, once, even with two workers at once.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { calendarFeedFor, calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/data/calendar";
import { addInterview, cancelInterview, updateInterview } from "@/lib/data/loops";
import { runReminders } from "@/lib/data/reminders";
import { db } from "@/lib/db";
import { createMailer, type Mailer } from "@/lib/mail";
import { startMailbox, type Mailbox, type ReceivedMail } from "../support/mailbox";
import { createPanel } from "../support/panel";

vi.mock("@/lib/auth", () => import("@/tests/support/auth-stand-in"));
import { session } from "@/tests/support/auth-stand-in";
import * as feedRoute from "@/app/api/me/calendar-feed/route";
import { GET as feedFile } from "@/app/calendar/[file]/route";

let box: Mailbox;
let mailer: Mailer;
let p: Awaited<ReturnType<typeof createPanel>>;
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter" as const] });
const now = new Date();
const inDays = (d: number, hourUtc = 14) => {
  const t = new Date(now.getTime() + d * 86_400_000);
  t.setUTCHours(hourUtc, 0, 0, 0);
  return t;
};

beforeAll(async () => {
  box = await startMailbox();
  mailer = createMailer(box.url, "Scorecards <scorecards@test.local>");
  p = await createPanel(db);
  await db.user.update({ where: { id: p.users.a.id }, data: { timeZone: "Europe/Berlin" } });
  await db.user.update({ where: { id: p.users.b.id }, data: { timeZone: "America/New_York" } });
});
afterAll(async () => {
  mailer.close();
  await box.close();
});

const plan = (interviewerId: string, at: Date, exercise = 0) => ({
  interviewerId,
  exerciseId: p.version.exercises[exercise].id,
  focusDimensionIds: p.version.exercises[exercise].dimensions.map((d) => d.dimensionId),
  scheduledAt: at.toISOString(),
  durationMinutes: 45,
});

/** The invites one person has received (the panel's past interviews also bring scorecard reminders). */
const invites = (to: string) => box.to(to).filter((m) => m.calendar);

function read(mail: ReceivedMail) {
  const cal = new ICAL.Component(ICAL.parse(mail.calendar!.content));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    tzid: vevent.getFirstProperty("dtstart")!.getParameter("tzid"),
    status: vevent.getFirstPropertyValue("status"),
    description: event.description,
  };
}

const work = () => runReminders({ mailer, now: new Date() });

describe("invites by e-mail", () => {
  let interviewId = "";
  let uid = "";

  it("planning sends the interviewer a REQUEST in their zone, with the kit and scorecard links and no feedback", async () => {
    const at = inDays(3);
    interviewId = (await addInterview(recruiter(), p.candidates.cand2.id, plan(p.users.a.id, at))).id;
    const row = await db.reminder.findFirstOrThrow({ where: { interviewId, kind: "invite" } });
    expect(row).toMatchObject({
      userId: p.users.a.id,
      status: "pending",
      key: `invite:${interviewId}:0:${p.users.a.id}`,
    });
    const counts = await work();
    expect(counts.sent).toBeGreaterThanOrEqual(1);
    const [mail] = invites("interviewer-a@test.local");
    expect(mail.calendar!.method).toBe("REQUEST");
    const got = read(mail);
    uid = got.uid;
    expect(got).toMatchObject({
      method: "REQUEST",
      sequence: 0,
      start: at.toISOString(),
      end: new Date(at.getTime() + 45 * 60_000).toISOString(),
      tzid: "Europe/Berlin",
      status: "CONFIRMED",
    });
    expect(uid).toMatch(new RegExp(`^interview-${interviewId}@`));
    expect(got.description).toContain("Candidate: Candidate Two");
    expect(got.description).toContain(`/interviews/${interviewId}#kit-heading`);
    expect(got.description).toContain(`/interviews/${interviewId}#scorecard-heading`);
    expect(mail.text).toContain(`/interviews/${interviewId}#kit-heading`);
    expect(mail.subject).toMatch(/^Interview: Candidate Two — Test opening, /);
    // no ratings, evidence or takeaways of anyone, ever
    for (const text of [mail.calendar!.content, mail.text, mail.html])
      expect(text).not.toMatch(/Evidence for|Clear thinker|strong_yes|recommendation/i);
    await expect(db.reminder.findUniqueOrThrow({ where: { id: row.id } })).resolves.toMatchObject({ status: "sent" });
    // a second pass sends nothing again
    await work();
    expect(invites("interviewer-a@test.local")).toHaveLength(1);
  });

  it("moving it sends the same UID with SEQUENCE 1 and the new times; a change of focus alone sends nothing", async () => {
    const at = inDays(4, 9);
    await updateInterview(recruiter(), interviewId, plan(p.users.a.id, at));
    await work();
    const mails = invites("interviewer-a@test.local");
    expect(mails).toHaveLength(2);
    expect(read(mails[1])).toMatchObject({ method: "REQUEST", uid, sequence: 1, start: at.toISOString() });
    expect(mails[1].subject).toMatch(/^Updated: interview with Candidate Two/);
    const focus = plan(p.users.a.id, at);
    await updateInterview(recruiter(), interviewId, {
      ...focus,
      focusDimensionIds: focus.focusDimensionIds.slice(0, 1),
    });
    await work();
    expect(invites("interviewer-a@test.local")).toHaveLength(2);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).sequence).toBe(1);
  });

  it("handing it to another interviewer cancels it for the first and invites the second, in their own zone", async () => {
    const at = inDays(4, 9);
    await updateInterview(recruiter(), interviewId, plan(p.users.b.id, at));
    await work();
    const a = invites("interviewer-a@test.local");
    expect(a).toHaveLength(3);
    expect(a[2].calendar!.method).toBe("CANCEL");
    expect(read(a[2])).toMatchObject({ method: "CANCEL", uid, sequence: 2, status: "CANCELLED" });
    const [b] = invites("interviewer-b@test.local");
    expect(read(b)).toMatchObject({
      method: "REQUEST",
      uid,
      sequence: 2,
      tzid: "America/New_York",
      start: at.toISOString(),
    });
  });

  it("cancelling sends the interviewer a CANCEL with a higher SEQUENCE; cancelling again sends nothing", async () => {
    await cancelInterview(recruiter(), interviewId);
    await work();
    const b = invites("interviewer-b@test.local");
    expect(b).toHaveLength(2);
    expect(read(b[1])).toMatchObject({ method: "CANCEL", uid, sequence: 3, status: "CANCELLED" });
    await cancelInterview(recruiter(), interviewId);
    await work();
    expect(invites("interviewer-b@test.local")).toHaveLength(2);
    expect(invites("interviewer-a@test.local")).toHaveLength(3);
  });

  it("changes made before the worker runs: only the newest invite goes; planned and cancelled unseen, none", async () => {
    const c = "interviewer-c@test.local";
    const before = invites(c).length;
    const id = (await addInterview(recruiter(), p.candidates.cand2.id, plan(p.users.c.id, inDays(5)))).id;
    await updateInterview(recruiter(), id, plan(p.users.c.id, inDays(6)));
    const last = inDays(7, 16);
    await updateInterview(recruiter(), id, plan(p.users.c.id, last));
    await work();
    const got = invites(c).slice(before);
    expect(got).toHaveLength(1);
    expect(read(got[0])).toMatchObject({ method: "REQUEST", sequence: 2, start: last.toISOString() });
    const rows = await db.reminder.findMany({ where: { interviewId: id, kind: "invite" }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([
      ["skipped", "superseded by a later change to the interview"],
      ["skipped", "superseded by a later change to the interview"],
      ["sent", null],
    ]);

    const gone = (await addInterview(recruiter(), p.candidates.cand2.id, plan(p.users.c.id, inDays(8)))).id;
    await cancelInterview(recruiter(), gone);
    await work();
    expect(invites(c).slice(before)).toHaveLength(1);
    const cancelRow = await db.reminder.findFirstOrThrow({ where: { interviewId: gone, key: { contains: ":1:" } } });
    expect(cancelRow).toMatchObject({ status: "skipped", lastError: "never invited: nothing to cancel" });
  });

  it("two workers at once send each invite once", async () => {
    const c = "interviewer-c@test.local";
    const before = invites(c).length;
    const ids: string[] = [];
    for (let d = 10; d < 14; d++)
      ids.push((await addInterview(recruiter(), p.candidates.cand2.id, plan(p.users.c.id, inDays(d)))).id);
    box.delayMs = 50;
    await Promise.all([work(), work()]);
    box.delayMs = 0;
    const got = invites(c).slice(before);
    expect(got.map((m) => /^interview-([^@]+)@/.exec(read(m).uid)![1]).sort()).toEqual([...ids].sort());
    expect(new Set(got.map((m) => m.messageId)).size).toBe(4);
    expect(await db.reminder.count({ where: { interviewId: { in: ids }, kind: "invite", status: "sent" } })).toBe(4);
  });

  it("without SMTP the invites are recorded as skipped, and an interview already over is not invited to", async () => {
    const id = (await addInterview(recruiter(), p.candidates.cand2.id, plan(p.users.c.id, inDays(20)))).id;
    await runReminders({ mailer: null });
    const row = await db.reminder.findFirstOrThrow({ where: { interviewId: id, kind: "invite" } });
    expect(row.status).toBe("skipped");
    expect(row.lastError).toMatch(/no SMTP_URL/);
    const past = (await addInterview(recruiter(), p.candidates.cand2.id, plan(p.users.c.id, inDays(-2)))).id;
    await work();
    const pastRow = await db.reminder.findFirstOrThrow({ where: { interviewId: past, kind: "invite" } });
    expect(pastRow).toMatchObject({ status: "skipped", lastError: "the interview is over" });
  });
});

describe("the private feed", () => {
  const secretOf = (url: string) => /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1];
  const fetchFeed = (secret: string) =>
    feedFile(new Request(`http://localhost/calendar/${secret}.ics`), {
      params: Promise.resolve({ file: `${secret}.ics` }),
    });

  it("lists the person's own planned interviews with the invites' UID and SEQUENCE, in their zone", async () => {
    const { url } = await createCalendarFeed({ id: p.users.c.id, roles: ["interviewer"] });
    const res = await fetchFeed(secretOf(url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const mine = await db.interview.findMany({
      where: { interviewerId: p.users.c.id, status: "scheduled", scheduledAt: { gte: inDays(-30) } },
      select: { id: true, sequence: true },
    });
    const idOf = (uid: string) => /^interview-([^@]+)@/.exec(uid)![1];
    expect(events.map((e) => idOf(e.uid)).sort()).toEqual(mine.map((i) => i.id).sort());
    for (const i of mine) expect(events.find((e) => e.uid.includes(i.id))!.sequence).toBe(i.sequence);
    // nobody else's interviews, and nobody's feedback
    const others = await db.interview.findMany({
      where: { interviewerId: { not: p.users.c.id } },
      select: { id: true },
    });
    for (const o of others) expect(events.some((e) => e.uid.includes(o.id))).toBe(false);
    expect(events.flatMap((e) => e.attendees)).toHaveLength(0);
  });

  it("a new address stops the old one; turning it off, or deactivating the person, answers 404", async () => {
    const viewer = { id: p.users.a.id, roles: ["interviewer" as const] };
    const first = secretOf((await createCalendarFeed(viewer)).url);
    expect((await fetchFeed(first)).status).toBe(200);
    const second = secretOf((await createCalendarFeed(viewer)).url);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    await revokeCalendarFeed(viewer);
    expect((await fetchFeed(second)).status).toBe(404);
    expect(await calendarFeedStatus(viewer)).toEqual({ active: false, createdAt: null });
    expect(await db.auditLog.count({ where: { entityId: viewer.id, action: { startsWith: "calendar-feed." } } })).toBe(
      3,
    );

    const third = secretOf((await createCalendarFeed(viewer)).url);
    await db.user.update({ where: { id: viewer.id }, data: { active: false } });
    expect((await fetchFeed(third)).status).toBe(404);
    await db.user.update({ where: { id: viewer.id }, data: { active: true } });
    expect(await calendarFeedFor(third)).not.toBeNull();
    // malformed names and unknown secrets: the same 404
    expect((await fetchFeed("x".repeat(43))).status).toBe(404);
    const odd = await feedFile(new Request("http://localhost/calendar/feed.ics"), {
      params: Promise.resolve({ file: "feed.ics" }),
    });
    expect(odd.status).toBe(404);
  });

  it("Settings' API: signed out 401; POST shows the address once, GET never does, DELETE turns it off", async () => {
    const call = (method: string) =>
      (feedRoute as Record<string, (r: Request) => Promise<Response>>)[method](
        new Request("http://localhost/api/me/calendar-feed", { method, headers: { origin: "http://localhost" } }),
      );
    session.user = null;
    expect((await call("POST")).status).toBe(401);
    session.user = {
      id: p.users.b.id,
      email: "interviewer-b@test.local",
      name: "Interviewer B",
      roles: ["interviewer"],
    };
    const made = await (await call("POST")).json();
    expect(made.url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const status = await (await call("GET")).json();
    expect(status.active).toBe(true);
    expect(JSON.stringify(status)).not.toContain(secretOf(made.url));
    const stored = await db.user.findUniqueOrThrow({ where: { id: p.users.b.id } });
    expect(stored.calendarFeedHash).not.toContain(secretOf(made.url));
    // a cross-site POST is refused and makes nothing
    const cross = await feedRoute.POST(
      new Request("http://localhost/api/me/calendar-feed", {
        method: "POST",
        headers: { origin: "https://evil.example" },
      }),
    );
    expect(cross.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: p.users.b.id } })).calendarFeedHash).toBe(
      stored.calendarFeedHash,
    );
    expect((await call("DELETE")).status).toBe(200);
    expect((await fetchFeed(secretOf(made.url))).status).toBe(404);
    session.user = null;
  });
});
