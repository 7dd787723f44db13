// Reminders for missing scorecards and the recruiters' daily digest. A real SMTP server
// on 127.0.0.1 (tests/support/mailbox.ts), a real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL), the real worker script run as two processes at once. The clock is passed
// in: each block of tests lives in its own weeks of 2027, far enough apart that no block's
// interviews are still owed a reminder in another's.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cancelInterview } from "@/lib/data/loops";
import { eraseCandidate } from "@/lib/data/privacy";
import { runReminders, type ReminderCounts, type RunRemindersOptions } from "@/lib/data/reminders";
import { submitScorecard } from "@/lib/data/scorecards";
import { db } from "@/lib/db";
import { ERASE_CONFIRMATION } from "@/lib/validations/privacy";
import { createMailer, type Mailer } from "@/lib/mail";
import { createCandidate, createInterview, createOpening, createScorecard, createUser } from "@/seed/factories";
import { startMailbox, type Mailbox } from "../support/mailbox";
import { createPanel } from "../support/panel";

const FROM = "Scorecards <scorecards@test.local>";
const root = path.resolve(import.meta.dirname, "../..");
let box: Mailbox;
let mailer: Mailer;
let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
let recruiterViewer: { id: string; roles: ["recruiter"] };

beforeAll(async () => {
  box = await startMailbox();
  mailer = createMailer(box.url, FROM);
  p = await createPanel(db);
  openingId = (
    await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id }, select: { openingId: true } })
  ).openingId;
  recruiterViewer = { id: p.users.recruiter.id, roles: ["recruiter"] };
  // the panel's own recruiter would get a digest of the panel's overdue interviews on every
  // business day the tests visit: paused, so every e-mail below is one a test asks for
  await db.user.update({ where: { id: p.users.recruiter.id }, data: { remindersPaused: true } });
  await db.interview.updateMany({ data: { status: "cancelled" } });
});
afterAll(async () => {
  mailer.close();
  await box.close();
});

let seq = 0;
async function person(timeZone: string, opts: { paused?: boolean; roles?: ("interviewer" | "recruiter")[] } = {}) {
  seq++;
  const u = await createUser(db, {
    email: `reminders-${seq}@test.local`,
    name: `Person ${seq}`,
    roles: opts.roles ?? ["interviewer"],
  });
  await db.user.update({ where: { id: u.id }, data: { timeZone, remindersPaused: !!opts.paused } });
  return u;
}

/** An interview (exercise 1 of the role) that ends at `endsAt`, with a candidate of its own. */
async function interview(
  interviewerId: string,
  endsAt: string,
  opts: { openingId?: string; minutes?: number; name?: string } = {},
) {
  seq++;
  const minutes = opts.minutes ?? 60;
  const ex = p.version.exercises[0];
  const candidate = await createCandidate(db, {
    openingId: opts.openingId ?? openingId,
    name: opts.name ?? `Candidate ${seq}`,
    email: `candidate-${seq}@example.com`,
    stage: "interviewing",
  });
  const i = await createInterview(db, {
    candidateId: candidate.id,
    interviewerId,
    exerciseId: ex.id,
    scheduledAt: new Date(new Date(endsAt).getTime() - minutes * 60_000),
    durationMinutes: minutes,
    focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
  });
  return { ...i, candidate };
}

const run = (now: string, opts: RunRemindersOptions = {}) =>
  runReminders({ now: new Date(now), mailer, followUpDays: 3, ...opts });
const ids = (mails: { messageId: string }[]) => mails.map((m) => m.messageId);
const msgId = (interviewId: string, n: number) => `<scorecard.${interviewId}.${n}@test.local>`;
const rowsOf = (interviewId: string) =>
  db.reminder.findMany({
    // calendar invites are the same queue's other kind (calendar-invites.test.ts)
    where: { interviewId, kind: { not: "invite" } },
    orderBy: { key: "asc" },
    select: { key: true, status: true, attempts: true, lastError: true },
  });

describe("an interviewer's reminders: timing across zones and weekends", () => {
  // One timeline in one test: each step is what the passes before it left, and any other test's
  // interviews ending at the same time would be reminded by these passes too.
  it("nothing before an hour after the end; then the first, once; then follow-ups at 09:00 local on business days", async () => {
    // both interviews end Friday 8 January 2027, 20:00Z = 15:00 in New York (EST)
    const ny = await person("America/New_York");
    const utc = await person("UTC");
    const nyInterview = await interview(ny.id, "2027-01-08T20:00:00Z", { name: "Nadia Hassan" });
    const utcInterview = await interview(utc.id, "2027-01-08T20:00:00Z", { name: "Marcus Webb" });

    // nothing before the interview ended an hour ago
    for (const t of ["2027-01-08T19:30:00Z", "2027-01-08T20:00:00Z", "2027-01-08T20:59:59Z"]) await run(t);
    expect(box.to(ny.email)).toHaveLength(0);
    expect(box.to(utc.email)).toHaveLength(0);
    expect(await db.reminder.count({ where: { interviewId: { in: [nyInterview.id, utcInterview.id] } } })).toBe(0);

    // the first an hour after the end: to the interviewer, naming the candidate, linking the scorecard; once
    const c = await run("2027-01-08T21:00:00Z");
    expect(c).toMatchObject({ queued: 2, sent: 2, missed: 0, failed: 0 });
    const [m] = box.to(ny.email);
    expect(m.to).toEqual([ny.email]);
    expect(m.from).toContain("scorecards@test.local");
    expect(m.subject).toBe("Scorecard due: Nadia Hassan — Test opening");
    expect(m.text).toMatch(new RegExp(`https?://\\S+/interviews/${nyInterview.id}\\b`));
    expect(m.html).toContain(`/interviews/${nyInterview.id}"`);
    expect(m.text).toMatch(/https?:\/\/\S+\/settings/);
    expect(m.text).toContain("Nadia Hassan");
    expect(m.text).toContain("Fri 8 Jan 2027, 14:00 (America/New_York)"); // 19:00Z, in the interviewer's zone
    expect(m.messageId).toBe(msgId(nyInterview.id, 0));
    expect(m.autoSubmitted).toBe("auto-generated");
    expect(box.to(utc.email)[0].text).toContain("Fri 8 Jan 2027, 19:00 (UTC)");
    // the next pass, and one a minute later, send nothing more
    expect((await run("2027-01-08T21:00:00Z")).sent).toBe(0);
    expect((await run("2027-01-08T21:01:00Z")).sent).toBe(0);
    expect(box.to(ny.email)).toHaveLength(1);

    // follow-ups at 09:00 on business days in the interviewer's own zone, never at the weekend, and none after followUpDays
    for (const t of ["2027-01-09T09:00:00Z", "2027-01-09T15:00:00Z", "2027-01-10T14:00:00Z", "2027-01-11T08:59:00Z"])
      await run(t);
    expect(box.to(ny.email)).toHaveLength(1);
    expect(box.to(utc.email)).toHaveLength(1);
    // Monday 09:00Z: the UTC interviewer's follow-up; 09:00 in New York is 14:00Z
    await run("2027-01-11T09:00:00Z");
    expect(ids(box.to(utc.email))).toEqual([msgId(utcInterview.id, 0), msgId(utcInterview.id, 1)]);
    await run("2027-01-11T13:59:59Z");
    expect(box.to(ny.email)).toHaveLength(1);
    await run("2027-01-11T14:00:00Z");
    const nyMails = box.to(ny.email);
    expect(ids(nyMails)).toEqual([msgId(nyInterview.id, 0), msgId(nyInterview.id, 1)]);
    expect(nyMails[1].subject).toBe("Reminder: your scorecard for Nadia Hassan is still due — Test opening");
    for (const t of [
      "2027-01-12T14:00:00Z",
      "2027-01-13T14:00:00Z",
      "2027-01-14T14:00:00Z",
      "2027-01-15T14:00:00Z",
      "2027-01-18T14:00:00Z",
    ])
      await run(t);
    expect(ids(box.to(ny.email))).toEqual([0, 1, 2, 3].map((n) => msgId(nyInterview.id, n)));
    expect(ids(box.to(utc.email))).toEqual([0, 1, 2, 3].map((n) => msgId(utcInterview.id, n)));
    expect(box.to(ny.email)[3].text).toContain("This is the last reminder");
    expect((await rowsOf(nyInterview.id)).map((r) => r.status)).toEqual(["sent", "sent", "sent", "sent"]);
  });
});

describe("when reminders stop", () => {
  it("nothing after the scorecard is submitted, even for a reminder already queued", async () => {
    const u = await person("UTC");
    const i = await interview(u.id, "2027-02-01T10:00:00Z");
    await run("2027-02-01T11:00:00Z");
    expect(box.to(u.email)).toHaveLength(1);
    expect(await run("2027-02-02T09:00:00Z", { limit: 0 })).toMatchObject({ queued: 1, sent: 0 }); // queued, not sent yet
    // the runs' clock is 2027, after the interview; submitting checks the real clock against the
    // interview's start (lib/domain/submit-window.ts), so that clock is set to the same day
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-02-02T09:00:30Z") });
    try {
      await submitScorecard(u.id, i.id, {
        baseVersion: 0,
        values: p.completeValues(0, "4"),
        submissionKey: randomUUID(),
      });
    } finally {
      vi.useRealTimers();
    }
    expect(await run("2027-02-02T09:01:00Z")).toMatchObject({ sent: 0, skipped: 1 });
    for (const t of ["2027-02-03T09:00:00Z", "2027-02-04T09:00:00Z"]) expect((await run(t)).queued).toBe(0);
    expect(box.to(u.email)).toHaveLength(1);
    expect((await rowsOf(i.id)).map((r) => [r.status, r.lastError])).toEqual([
      ["sent", null],
      ["skipped", "scorecard submitted"],
    ]);
  });

  it("nothing after the interview is cancelled", async () => {
    const u = await person("Europe/Berlin");
    const i = await interview(u.id, "2027-02-22T10:00:00Z");
    await run("2027-02-22T11:00:00Z");
    await run("2027-02-23T08:00:00Z", { limit: 0 }); // 09:00 CET: queued
    await cancelInterview(recruiterViewer, i.id);
    // skipped: the queued reminder, and the cancellation's invite (never invited, nothing to cancel)
    expect(await run("2027-02-23T08:01:00Z")).toMatchObject({ sent: 0, skipped: 2 });
    for (const t of ["2027-02-24T08:00:00Z", "2027-02-25T08:00:00Z"]) await run(t);
    expect(ids(box.to(u.email))).toEqual([msgId(i.id, 0)]);
    expect((await rowsOf(i.id)).map((r) => r.lastError)).toEqual([null, "interview cancelled"]);
  });

  it("nothing while the user has paused reminders; after resuming, only the current one", async () => {
    const u = await person("Asia/Kolkata", { paused: true });
    const i = await interview(u.id, "2027-03-15T08:00:00Z");
    for (const t of ["2027-03-15T09:00:00Z", "2027-03-16T03:30:00Z"]) await run(t); // +1 h; Tue 09:00 IST
    expect(box.to(u.email)).toHaveLength(0);
    expect(await rowsOf(i.id)).toEqual([]);
    await db.user.update({ where: { id: u.id }, data: { remindersPaused: false } });
    await run("2027-03-16T04:00:00Z");
    expect(ids(box.to(u.email))).toEqual([msgId(i.id, 1)]);
    // paused again with the next one queued: it is dropped at send time
    await run("2027-03-17T03:30:00Z", { limit: 0 });
    await db.user.update({ where: { id: u.id }, data: { remindersPaused: true } });
    expect(await run("2027-03-17T03:31:00Z")).toMatchObject({ sent: 0, skipped: 1 });
    expect(box.to(u.email)).toHaveLength(1);
    expect((await rowsOf(i.id)).map((r) => r.status)).toEqual(["skipped", "sent", "skipped"]);
  });

  it("a worker down for days sends the current reminder only, never the missed ones", async () => {
    const u = await person("America/New_York");
    const i = await interview(u.id, "2027-04-26T18:00:00Z"); // Monday 14:00 EDT
    // first pass on Thursday 11:00 EDT: follow-up 3 (Thu 09:00 EDT = 13:00Z) is the current one
    expect(await run("2027-04-29T15:00:00Z")).toMatchObject({ queued: 1, missed: 3, sent: 1 });
    expect(ids(box.to(u.email))).toEqual([msgId(i.id, 3)]);
    expect(box.to(u.email)[0].text).toContain("This is the last reminder");
    expect((await rowsOf(i.id)).map((r) => r.status)).toEqual(["skipped", "skipped", "skipped", "sent"]);
    // and once the schedule is over, nothing more
    for (const t of ["2027-04-30T15:00:00Z", "2027-05-03T15:00:00Z"]) await run(t);
    expect(box.to(u.email)).toHaveLength(1);
  });
});

describe("the recruiter's daily digest", () => {
  it("lists each open opening's overdue scorecards, grouped by opening, once per business day at 09:00 local", async () => {
    const r = await person("Europe/Berlin", { roles: ["recruiter"] });
    const x = await person("UTC");
    const open = (title: string) =>
      createOpening(db, {
        title,
        templateVersionId: p.version.id,
        hiringManagerId: p.users.manager.id,
        recruiterId: r.id,
      });
    const [alpha, beta, closed, held] = [
      await open("Digest opening Alpha"),
      await open("Digest opening Beta"),
      await open("Digest opening Closed"),
      await open("Digest opening Held"),
    ];
    await db.opening.update({ where: { id: closed.id }, data: { status: "closed" } });
    await db.opening.update({ where: { id: held.id }, data: { status: "on-hold" } });
    const alice = await interview(x.id, "2027-04-01T10:00:00Z", { openingId: alpha.id, name: "Alice Overdue" });
    await interview(x.id, "2027-04-05T05:00:00Z", { openingId: alpha.id, name: "Bob Recent" });
    const carol = await interview(x.id, "2027-04-01T10:00:00Z", { openingId: alpha.id, name: "Carol Submitted" });
    await createScorecard(db, { interview: carol, ratings: [] });
    const dan = await interview(x.id, "2027-04-01T10:00:00Z", { openingId: alpha.id, name: "Dan Erased" });
    await eraseCandidate(recruiterViewer, dan.candidate.id, {
      reason: "candidate asked to be forgotten",
      confirm: ERASE_CONFIRMATION,
    });
    const eve = await interview(x.id, "2027-04-01T10:00:00Z", { openingId: alpha.id, name: "Eve Cancelled" });
    await cancelInterview(recruiterViewer, eve.id);
    const frank = await interview(x.id, "2027-04-02T15:00:00Z", { openingId: beta.id, name: "Frank Overdue" });
    const gina = await interview(x.id, "2027-03-31T10:00:00Z", { openingId: beta.id, name: "Gina Draft" });
    await createScorecard(db, { interview: gina, status: "draft", ratings: [] });
    await interview(x.id, "2027-04-01T10:00:00Z", { openingId: closed.id, name: "Hank Closed" });
    await interview(x.id, "2027-04-01T10:00:00Z", { openingId: held.id, name: "Ivy Held" });
    // a recruiter with nothing overdue, and a paused one with something overdue: no digest
    const calm = await person("Europe/Berlin", { roles: ["recruiter"] });
    const calmOpening = await createOpening(db, {
      title: "Calm opening",
      templateVersionId: p.version.id,
      hiringManagerId: p.users.manager.id,
      recruiterId: calm.id,
    });
    await interview(x.id, "2027-04-09T10:00:00Z", { openingId: calmOpening.id });
    const paused = await person("Europe/Berlin", { roles: ["recruiter"], paused: true });
    const pausedOpening = await createOpening(db, {
      title: "Paused recruiter's opening",
      templateVersionId: p.version.id,
      hiringManagerId: p.users.manager.id,
      recruiterId: paused.id,
    });
    await interview(x.id, "2027-04-01T10:00:00Z", { openingId: pausedOpening.id });

    // Monday 5 April: 09:00 in Berlin (CEST) is 07:00Z
    await run("2027-04-05T06:59:00Z");
    expect(box.to(r.email)).toHaveLength(0);
    expect((await run("2027-04-05T07:00:00Z")).digestsQueued).toBe(1);
    const [d] = box.to(r.email);
    expect(d.subject).toBe("Overdue scorecards: 3 scorecards in 2 openings");
    expect(d.messageId).toBe(`<digest.${r.id}.2027-04-05@test.local>`);
    const at = (s: string) => d.text.indexOf(s);
    expect(at("Digest opening Alpha (1 overdue scorecard)")).toBeGreaterThan(0);
    expect(at("Alice Overdue")).toBeGreaterThan(at("Digest opening Alpha"));
    expect(at("Digest opening Beta (2 overdue scorecards)")).toBeGreaterThan(at("Alice Overdue"));
    expect(at("Gina Draft")).toBeGreaterThan(at("Digest opening Beta"));
    expect(at("Frank Overdue")).toBeGreaterThan(at("Gina Draft")); // oldest first within an opening
    expect(d.text).toContain(
      `Alice Overdue — interviewer ${x.name}, interview Thu 1 Apr 2027, 11:00, overdue by 2 days`,
    );
    expect(d.text).toContain("Frank Overdue — interviewer"); // ended Fri 15:00Z: 64 h ago, 40 h past due
    expect(d.text).toContain("overdue by 40 hours");
    expect(d.text).toContain(`/candidates/${alice.candidate.id}`);
    expect(d.text).toContain(`/candidates/${frank.candidate.id}`);
    expect(d.text).toContain(`/openings/${alpha.id}?missing=1`);
    expect(d.html).toContain(`/candidates/${alice.candidate.id}"`);
    for (const absent of [
      "Bob Recent",
      "Carol Submitted",
      "Dan Erased",
      "Erased candidate",
      "Eve Cancelled",
      "Hank Closed",
      "Ivy Held",
      "Digest opening Closed",
      "Digest opening Held",
    ]) {
      expect(d.text).not.toContain(absent);
      expect(d.html).not.toContain(absent);
    }
    expect(box.to(calm.email)).toHaveLength(0);
    expect(box.to(paused.email)).toHaveLength(0);
    expect(
      await db.reminder.findUnique({
        where: { key: `digest:${calm.id}:2027-04-05` },
        select: { status: true, lastError: true },
      }),
    ).toEqual({ status: "skipped", lastError: "nothing overdue" });

    // once a day: later passes that day, and the weekend, send none
    for (const t of ["2027-04-05T07:01:00Z", "2027-04-05T16:00:00Z", "2027-04-10T08:00:00Z", "2027-04-11T08:00:00Z"])
      await run(t);
    // Tuesday: the next digest, now with Bob (a day past his interview), still grouped by opening
    await run("2027-04-06T07:00:00Z");
    expect(ids(box.to(r.email))).toEqual([
      `<digest.${r.id}.2027-04-05@test.local>`,
      `<digest.${r.id}.2027-04-06@test.local>`,
    ]);
    const tuesday = box.to(r.email)[1];
    expect(tuesday.subject).toBe("Overdue scorecards: 4 scorecards in 2 openings");
    expect(tuesday.text.indexOf("Bob Recent")).toBeLessThan(tuesday.text.indexOf("Digest opening Beta"));
    // the interviewer's own scorecard reminders went to the interviewer, never into this count
    expect(box.to(x.email).every((m) => m.messageId.startsWith("<scorecard."))).toBe(true);
    await db.user.updateMany({ where: { id: { in: [r.id, calm.id] } }, data: { remindersPaused: true } });
  });
});

describe("delivery: retries, leases, at most once", () => {
  it("a refusing SMTP server: retried after 1 and 5 minutes, then failed; never sent twice", async () => {
    const u = await person("UTC");
    const i = await interview(u.id, "2027-05-17T10:00:00Z");
    box.refuse = { code: 451, message: "Try again later" };
    try {
      expect(await run("2027-05-17T11:00:00Z")).toMatchObject({ sent: 0, retrying: 1 });
      expect((await run("2027-05-17T11:00:30Z")).retrying).toBe(0); // not due again yet
      expect(await run("2027-05-17T11:01:01Z")).toMatchObject({ retrying: 1 });
      expect(await run("2027-05-17T11:06:00Z")).toMatchObject({ retrying: 0, failed: 0 }); // the second wait is 5 minutes
      expect(await run("2027-05-17T11:06:02Z")).toMatchObject({ failed: 1, retrying: 0 });
    } finally {
      box.refuse = null;
    }
    expect(box.attempts.filter((a) => a === u.email)).toHaveLength(3);
    const [row] = await rowsOf(i.id);
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.lastError).toContain("451");
    // the server is fine again: a failed reminder stays failed
    await run("2027-05-17T12:00:00Z");
    expect(box.to(u.email)).toHaveLength(0);
    expect(box.attempts.filter((a) => a === u.email)).toHaveLength(3);
  });

  it("without SMTP configured: nothing is e-mailed, the row says why, and configuring SMTP later does not resend it", async () => {
    const u = await person("UTC");
    const i = await interview(u.id, "2027-06-14T10:00:00Z");
    expect(await run("2027-06-14T11:00:00Z", { mailer: null })).toMatchObject({ queued: 1, inAppOnly: 1, sent: 0 });
    expect((await rowsOf(i.id))[0]).toMatchObject({
      status: "skipped",
      lastError: "no e-mail: SMTP_URL is not set (in-app notice only)",
    });
    expect(await run("2027-06-14T12:00:00Z")).toMatchObject({ sent: 0 });
    expect(box.to(u.email)).toHaveLength(0);
  });

  it("a refusal that passes: the retry delivers exactly one message", async () => {
    const u = await person("UTC");
    const i = await interview(u.id, "2027-05-24T10:00:00Z");
    box.refuse = { code: 450, message: "Mailbox busy" };
    await run("2027-05-24T11:00:00Z");
    box.refuse = null;
    expect(await run("2027-05-24T11:01:01Z")).toMatchObject({ sent: 1 });
    await run("2027-05-24T11:10:00Z");
    expect(ids(box.to(u.email))).toEqual([msgId(i.id, 0)]);
    expect((await rowsOf(i.id))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("a reminder whose worker died mid-send is abandoned after the lease and never resent", async () => {
    const u = await person("UTC");
    const i = await interview(u.id, "2027-06-07T10:00:00Z");
    const claimedAt = new Date("2027-06-07T11:00:00Z");
    await db.reminder.create({
      data: {
        key: `scorecard:${i.id}:0`,
        kind: "scorecard",
        userId: u.id,
        interviewId: i.id,
        dueAt: claimedAt,
        nextAttemptAt: claimedAt,
        status: "sending",
        claimedAt,
      },
    });
    expect(await run("2027-06-07T11:05:00Z")).toMatchObject({ abandoned: 0, sent: 0 }); // within the lease: still someone's
    expect(await run("2027-06-07T11:10:01Z")).toMatchObject({ abandoned: 1, sent: 0 });
    await run("2027-06-07T12:00:00Z");
    expect(box.to(u.email)).toHaveLength(0);
    expect((await rowsOf(i.id)).map((r) => r.status)).toEqual(["abandoned"]);
    // the schedule goes on: the next day's reminder is a different one
    await run("2027-06-08T09:00:00Z");
    expect(ids(box.to(u.email))).toEqual([msgId(i.id, 1)]);
  });
});

describe("two workers at once", () => {
  async function due(endsAt: string, count: number) {
    const people = [await person("UTC"), await person("America/New_York"), await person("Asia/Tokyo")];
    const made = [];
    for (let k = 0; k < count; k++) made.push(await interview(people[k % 3].id, endsAt));
    return made;
  }
  const sum = (cs: ReminderCounts[], k: keyof ReminderCounts) => cs.reduce((n, c) => n + c[k], 0);
  const arrived = (interviews: { id: string }[], n: number) =>
    box.messages.filter((m) => interviews.some((i) => m.messageId === msgId(i.id, n)));

  it("two passes in one process: each reminder queued and sent once", async () => {
    const made = await due("2027-06-28T10:00:00Z", 9);
    const other = createMailer(box.url, FROM);
    box.delayMs = 20;
    try {
      const counts = await Promise.all([run("2027-06-28T11:00:00Z"), run("2027-06-28T11:00:00Z", { mailer: other })]);
      expect(sum(counts, "queued")).toBe(9);
      expect(sum(counts, "sent")).toBe(9);
    } finally {
      box.delayMs = 0;
      other.close();
    }
    const mails = arrived(made, 0);
    expect(mails).toHaveLength(9);
    expect(new Set(ids(mails)).size).toBe(9);
  });

  it("two worker processes (npm run reminders -- --once --now …) on one database and one SMTP server: each reminder arrives exactly once", async () => {
    const made = await due("2027-07-19T10:00:00Z", 12);
    box.delayMs = 40;
    try {
      // the first reminders (+1 h), then Tuesday's follow-ups (09:00 in each zone: 09:00Z, 13:00Z EDT, 00:00Z JST)
      for (const [now, n] of [
        ["2027-07-19T11:00:00Z", 0],
        ["2027-07-20T14:00:00Z", 1],
      ] as const) {
        const outs = await Promise.all([worker(now), worker(now)]);
        for (const o of outs) expect(o.status, o.stderr).toBe(0);
        const counts = outs.map((o) => JSON.parse(o.stdout.trim().split("\n").at(-1)!) as ReminderCounts);
        expect(sum(counts, "queued")).toBe(12);
        expect(sum(counts, "sent")).toBe(12);
        const mails = arrived(made, n);
        expect(mails).toHaveLength(12);
        expect(new Set(ids(mails)).size).toBe(12);
      }
    } finally {
      box.delayMs = 0;
    }
    expect(await db.reminder.count({ where: { interviewId: { in: made.map((i) => i.id) }, status: "sent" } })).toBe(24);
  }, 90_000);
});

function worker(now: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "--conditions=react-server",
        "scripts/reminders.ts",
        "--once",
        "--now",
        now,
      ],
      {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: "", SMTP_URL: box.url, MAIL_FROM: FROM, REMINDER_BUSINESS_DAYS: "3" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
