// A recruiter's Remind (docs/decisions/049-manual-reminders.md) on a real database and a real
// SMTP server (tests/support/mailbox.ts): the e-mail, the Reminder row and the audit entry, the
// interviewer's notice, the 12-hour limit, everyone owing on a candidate or an opening, and who
// may not remind (an interviewer, the hiring manager: 403; anyone else: 404).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastRemindedOnOpening, remind, remindStatus } from "@/lib/data/manual-reminders";
import { scorecardNoticeFor } from "@/lib/data/notices";
import { runReminders } from "@/lib/data/reminders";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createMailer, type Mailer } from "@/lib/mail";
import { createUser } from "@/seed/factories";
import { startMailbox, type Mailbox } from "../support/mailbox";
import { createPanel } from "../support/panel";

let box: Mailbox;
let mailer: Mailer;
let p: Awaited<ReturnType<typeof createPanel>>;
let recruiter: { id: string; roles: ["recruiter"] };
let openingId = "";

beforeAll(async () => {
  box = await startMailbox();
  mailer = createMailer(box.url, "Scorecards <scorecards@test.local>");
  p = await createPanel(db);
  recruiter = { id: p.users.recruiter.id, roles: ["recruiter"] };
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
});
afterAll(async () => {
  mailer.close();
  await box.close();
});

/** The manual reminders' e-mails to one person (the worker's scheduled ones say otherwise). */
const manual = (to: string) => box.to(to).filter((m) => m.subject.includes("asks for your scorecard"));

describe("Remind", () => {
  it("one interviewer: an e-mail naming who asks, a manual Reminder row marked sent, an audit entry, the notice", async () => {
    const res = await remind(recruiter, { interviewId: p.interviews.a.id }, { mailer });
    expect(res.reminded).toEqual([{ interviewId: p.interviews.a.id, interviewerName: "Interviewer A" }]);
    const mail = manual("interviewer-a@test.local");
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("Recruiter asks for your scorecard: Candidate One — Test opening");
    expect(mail[0].text).toContain(`/interviews/${p.interviews.a.id}`);
    const rows = await db.reminder.findMany({ where: { interviewId: p.interviews.a.id } });
    expect(rows).toMatchObject([{ kind: "manual", status: "sent", userId: p.users.a.id, requestedById: recruiter.id }]);
    expect(await db.auditLog.count({ where: { action: "reminder.requested", entityId: p.interviews.a.id } })).toBe(1);
    const notice = await scorecardNoticeFor({ id: p.users.a.id, roles: ["interviewer"] });
    expect(notice?.items?.[0].remindedBy?.name).toBe("Recruiter");
    const status = await remindStatus(recruiter, p.candidates.cand1.id);
    const a = status.find((s) => s.interviewId === p.interviews.a.id)!;
    expect(a.lastRemindedBy).toBe("Recruiter");
    expect(new Date(a.nextRemindAt!).getTime() - new Date(a.lastRemindedAt!).getTime()).toBe(12 * 3_600_000);
    // the worker sends it no second time (its own scheduled reminders go on as before)
    await runReminders({ mailer });
    expect(manual("interviewer-a@test.local")).toHaveLength(1);
    expect(await db.reminder.count({ where: { interviewId: p.interviews.a.id, kind: "manual" } })).toBe(1);
  });

  it("the opening's list: each candidate's newest Remind about a scorecard still owed, for recruiters only", async () => {
    const newest = await db.reminder.findFirstOrThrow({
      where: { kind: "manual", interview: { candidateId: p.candidates.cand1.id } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const got = await lastRemindedOnOpening(recruiter, openingId);
    expect(got.get(p.candidates.cand1.id)?.toISOString()).toBe(newest.createdAt.toISOString());
    expect(await lastRemindedOnOpening({ id: p.users.a.id, roles: ["interviewer"] }, openingId)).toEqual(new Map());
  });

  it("too soon: refused with when it was and when it may be again; 12 hours later it may", async () => {
    const again = remind(recruiter, { interviewId: p.interviews.a.id }, { mailer });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(/Interviewer A was reminded .*; you can remind again from /);
    const later = new Date(Date.now() + 12 * 3_600_000 + 60_000);
    await remind(recruiter, { interviewId: p.interviews.a.id }, { mailer, now: later });
    expect(manual("interviewer-a@test.local")).toHaveLength(2);
  });

  it("everyone owing on a candidate: those who can be, the rest said why; on an opening likewise", async () => {
    const res = await remind(recruiter, { candidateId: p.candidates.cand1.id }, { mailer });
    expect(res.reminded.map((r) => r.interviewerName)).toEqual(["Interviewer B"]);
    expect(res.notReminded.map((r) => r.interviewerName)).toEqual(["Interviewer A"]);
    const all = await remind(recruiter, { openingId }, { mailer });
    expect(all.reminded.map((r) => r.interviewerName)).toEqual(["Interviewer C"]);
    await expect(remind(recruiter, { openingId }, { mailer })).rejects.toBeInstanceOf(ConflictError);
  });

  it("without SMTP: recorded and in the notice, marked skipped as the automatic ones are", async () => {
    const u = await createUser(db, { email: "nosmtp@test.local", name: "No Smtp", roles: ["interviewer"] });
    await db.interview.update({ where: { id: p.interviews.c.id }, data: { interviewerId: u.id } });
    await remind(recruiter, { interviewId: p.interviews.c.id }, { mailer: null });
    const row = await db.reminder.findFirstOrThrow({ where: { interviewId: p.interviews.c.id, userId: u.id } });
    expect(row).toMatchObject({ status: "skipped", lastError: "no e-mail: SMTP_URL is not set (in-app notice only)" });
    expect((await scorecardNoticeFor({ id: u.id, roles: ["interviewer"] }))?.items?.[0].remindedBy?.name).toBe(
      "Recruiter",
    );
  });

  it("only recruiters and admins: the interviewer and the hiring manager are refused (403), others find nothing (404)", async () => {
    const ivr = { id: p.users.a.id, roles: ["interviewer"] as const };
    const manager = { id: p.users.manager.id, roles: ["hiring-manager", "interviewer"] as const };
    const stranger = { id: p.users.c.id, roles: ["interviewer"] as const };
    const target = { interviewId: p.interviews.b.id };
    await expect(remind(manager, target, { mailer })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(remind(manager, { openingId }, { mailer })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(remind(ivr, { interviewId: p.interviews.a.id }, { mailer })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(remind(stranger, target, { mailer })).rejects.toBeInstanceOf(NotFoundError);
    await expect(remind(stranger, {}, { mailer })).rejects.toBeInstanceOf(NotFoundError);
    await expect(remindStatus(manager, p.candidates.cand1.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(remindStatus(stranger, p.candidates.cand1.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(remind(recruiter, {}, { mailer })).rejects.toBeInstanceOf(ValidationError);
    await expect(remind(recruiter, { interviewId: "nope" }, { mailer })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditLog.count({ where: { action: "reminder.requested", actorId: { not: recruiter.id } } })).toBe(
      0,
    );
  });
});
