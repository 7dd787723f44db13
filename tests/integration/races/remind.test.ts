// Remind under concurrency (docs/decisions/014, docs/decisions/049-manual-reminders.md): N
// recruiters' clicks at once on one interview send exactly one reminder (one row, one e-mail, one
// audit entry); the others are told it was just sent. Likewise everyone owing on a candidate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remind } from "@/lib/data/manual-reminders";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { createMailer, type Mailer } from "@/lib/mail";
import { startMailbox, type Mailbox } from "../../support/mailbox";
import { createPanel } from "../../support/panel";
import { fulfilled, race, rejected } from "../../support/race";

const N = 8;
let box: Mailbox;
let mailer: Mailer;
let p: Awaited<ReturnType<typeof createPanel>>;

beforeAll(async () => {
  box = await startMailbox();
  box.delayMs = 20; // the sends overlap the other callers' checks
  mailer = createMailer(box.url, "Scorecards <scorecards@test.local>");
  p = await createPanel(db);
});
afterAll(async () => {
  mailer.close();
  await box.close();
});

describe("Remind at once", () => {
  it(`${N} Remind clicks on one interview at once: one reminder, one e-mail, one audit entry`, async () => {
    const recruiter = { id: p.users.recruiter.id, roles: ["recruiter"] as const };
    const results = await race(N, () => remind(recruiter, { interviewId: p.interviews.a.id }, { mailer }));
    expect(fulfilled(results)).toHaveLength(1);
    const errors = rejected(results);
    expect(errors).toHaveLength(N - 1);
    for (const e of errors) expect(e).toBeInstanceOf(ConflictError);
    expect(await db.reminder.count({ where: { interviewId: p.interviews.a.id, kind: "manual" } })).toBe(1);
    expect(box.to("interviewer-a@test.local")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "reminder.requested", entityId: p.interviews.a.id } })).toBe(1);
  });

  it(`${N} "Remind everyone owing" on a candidate and on its opening at once: each interviewer reminded once`, async () => {
    const recruiter = { id: p.users.recruiter.id, roles: ["recruiter"] as const };
    const openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand2.id } })).openingId;
    const results = await race(N, (i) =>
      remind(recruiter, i % 2 ? { candidateId: p.candidates.cand1.id } : { openingId }, { mailer }),
    );
    expect(fulfilled(results).length).toBeGreaterThanOrEqual(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ConflictError);
    for (const id of [p.interviews.b.id, p.interviews.c.id])
      expect(await db.reminder.count({ where: { interviewId: id, kind: "manual" } })).toBe(1);
    expect(box.to("interviewer-b@test.local")).toHaveLength(1);
    expect(box.to("interviewer-c@test.local")).toHaveLength(1);
  });
});
