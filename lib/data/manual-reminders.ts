import "server-only";
import { db, type DbTx } from "../db";
import { manualReminderKey, nextRemindAt, remindRefusal, type RemindableInterview } from "../domain/manual-reminders";
import { canSetUpHiring, type Viewer } from "../domain/permissions";
import { formatWhen } from "../domain/reminder-mail";
import { safeTimeZone } from "../domain/reminders";
import { env } from "../env";
import { ConflictError, ForbiddenError, NotFoundError, parseInput } from "../errors";
import { configuredMailer, type Mailer } from "../mail";
import { remindSchema } from "../validations/reminders";
import { audit } from "./audit";
import { lockCandidate } from "./candidate-lock";
import { asDate, notSubmitted, sql } from "./sql";
import { deliverReminder, deliverySelect } from "./reminders";

// A recruiter's Remind (docs/decisions/049-manual-reminders.md): one interviewer, or everyone owing
// on a candidate or an opening. Each reminder is a Reminder row (kind "manual") made under the
// candidate's lock after checking the last one, so N clicks at once make one; it is then delivered
// at once by the worker's own claim-send-mark (lib/data/reminders.ts), which the worker retries.

const interviewSelect = {
  id: true,
  candidateId: true,
  interviewerId: true,
  status: true,
  scheduledAt: true,
  scorecard: { select: { status: true } },
  candidate: { select: { erasedAt: true, opening: { select: { id: true, status: true, hiringManagerId: true } } } },
  interviewer: { select: { name: true, active: true, remindersPaused: true } },
} as const;

/** The owed interviews a Remind is about (scheduled, begun, no submitted scorecard), by target. */
async function owedInterviews(
  tx: DbTx,
  target: { interviewId?: string; candidateId?: string; openingId?: string },
  now: Date,
) {
  return tx.interview.findMany({
    where: {
      ...(target.interviewId ? { id: target.interviewId } : {}),
      ...(target.candidateId ? { candidateId: target.candidateId } : {}),
      ...(target.openingId ? { candidate: { openingId: target.openingId } } : {}),
      // several: only those owed now (one named interview is answered with why it is not)
      ...(target.interviewId
        ? {}
        : {
            status: "scheduled",
            scheduledAt: { lte: now },
            OR: [{ scorecard: null }, { scorecard: { status: "draft" } }],
          }),
    },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    select: interviewSelect,
  });
}

/** The newest manual reminder of each interview to its interviewer now (a new interviewer starts afresh). */
async function lastReminded(tx: DbTx, interviews: { id: string; interviewerId: string }[]) {
  const rows = await tx.reminder.findMany({
    where: { kind: "manual", OR: interviews.map((i) => ({ interviewId: i.id, userId: i.interviewerId })) },
    orderBy: { createdAt: "desc" },
    select: { interviewId: true, createdAt: true, requestedById: true },
  });
  const byId = new Map<string, { at: Date; byId: string | null }>();
  for (const r of rows)
    if (r.interviewId && !byId.has(r.interviewId)) byId.set(r.interviewId, { at: r.createdAt, byId: r.requestedById });
  return byId;
}

/**
 * Only recruiters and admins chase scorecards (docs/product.md "Users and roles"). Someone who may
 * see what they asked about (the opening's hiring manager, the interview's own interviewer) is
 * told so (403); anyone else finds nothing (404), as for what does not exist.
 */
function authorize(viewer: Viewer, seen: { hiringManagerId: string; interviewerIds: string[] } | null) {
  if (canSetUpHiring(viewer.roles)) {
    if (!seen) throw new NotFoundError("Nothing to remind about was found.");
    return;
  }
  if (seen && (seen.hiringManagerId === viewer.id || seen.interviewerIds.includes(viewer.id)))
    throw new ForbiddenError("Only recruiters and admins send reminders.");
  throw new NotFoundError("Nothing to remind about was found.");
}

async function targetOwner(target: { interviewId?: string; candidateId?: string; openingId?: string }) {
  if (target.interviewId) {
    const i = await db.interview.findUnique({
      where: { id: target.interviewId },
      select: { candidate: { select: { opening: { select: { hiringManagerId: true } } } }, interviewerId: true },
    });
    return i && { hiringManagerId: i.candidate.opening.hiringManagerId, interviewerIds: [i.interviewerId] };
  }
  if (target.candidateId) {
    const c = await db.candidate.findUnique({
      where: { id: target.candidateId },
      select: { opening: { select: { hiringManagerId: true } } },
    });
    return c && { hiringManagerId: c.opening.hiringManagerId, interviewerIds: [] };
  }
  const o = await db.opening.findUnique({ where: { id: target.openingId }, select: { hiringManagerId: true } });
  return o && { hiringManagerId: o.hiringManagerId, interviewerIds: [] };
}

const remindable = (i: Awaited<ReturnType<typeof owedInterviews>>[number], last: Date | null): RemindableInterview => ({
  ...i,
  lastRemindedAt: last,
});

export type RemindResult = {
  reminded: { interviewId: string; interviewerName: string }[];
  notReminded: { interviewId: string; interviewerName: string; reason: string }[];
};

/**
 * Remind: `{ interviewId }`, `{ candidateId }` or `{ openingId }`. One interview that cannot be
 * reminded now is refused (409, saying why and from when); for several, those that can are and
 * the rest are listed with why, and 409 when none can.
 */
export async function remind(viewer: Viewer, input: unknown, opts: { now?: Date; mailer?: Mailer | null } = {}) {
  // who may remind is settled before the request's shape: a malformed one from anyone else is
  // denied like any other (403 / 404), not answered with what it should have said
  if (!canSetUpHiring(viewer.roles)) {
    const loose = remindSchema.safeParse(input);
    authorize(viewer, loose.success ? await targetOwner(loose.data) : null);
  }
  const target = parseInput(remindSchema, input);
  authorize(viewer, await targetOwner(target));
  const now = opts.now ?? new Date();
  const me = await db.user.findUnique({ where: { id: viewer.id }, select: { timeZone: true } });
  const zone = safeTimeZone(me?.timeZone ?? "UTC");
  const when = (d: Date) => `${formatWhen(d, zone)} (${zone})`;
  const result = await db.$transaction(async (tx) => {
    const first = await owedInterviews(tx, target, now);
    // one writer per candidate (docs/decisions/014): every Remind on these candidates waits here,
    // and reads the reminders the one before it made. Always in the same order: no deadlock.
    for (const c of [...new Set(first.map((i) => i.candidateId))].sort()) await lockCandidate(tx, c);
    const interviews = await owedInterviews(tx, target, now);
    const last = await lastReminded(tx, interviews);
    const out: RemindResult & { rows: string[] } = { reminded: [], notReminded: [], rows: [] };
    for (const i of interviews) {
      const refusal = remindRefusal(remindable(i, last.get(i.id)?.at ?? null), now, when);
      if (refusal) {
        out.notReminded.push({ interviewId: i.id, interviewerName: i.interviewer.name, reason: refusal });
        continue;
      }
      const row = await tx.reminder.create({
        data: {
          key: manualReminderKey(i.id, now),
          kind: "manual",
          userId: i.interviewerId,
          interviewId: i.id,
          requestedById: viewer.id,
          dueAt: now,
          nextAttemptAt: now,
          createdAt: now,
        },
        select: { id: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "reminder.requested",
        entityType: "Interview",
        entityId: i.id,
        after: { interviewerId: i.interviewerId, candidateId: i.candidateId },
      });
      out.reminded.push({ interviewId: i.id, interviewerName: i.interviewer.name });
      out.rows.push(row.id);
    }
    return out;
  });
  if (!result.reminded.length) {
    const reasons = result.notReminded.map((r) => r.reason);
    throw new ConflictError(
      reasons.length ? reasons.join(" ") : "No scorecard is owed here: there is nobody to remind.",
    );
  }
  await deliverNow(result.rows, now, opts.mailer === undefined ? configuredMailer() : opts.mailer);
  return { reminded: result.reminded, notReminded: result.notReminded } satisfies RemindResult;
}

/** The rows just made, sent now as the worker would; one that fails waits for the worker's retry. */
async function deliverNow(ids: string[], now: Date, mailer: Mailer | null) {
  const rows = await db.reminder.findMany({ where: { id: { in: ids } }, select: deliverySelect });
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  for (const r of rows) await deliverReminder(r, { now, clock, mailer, followUpDays: env.REMINDER_BUSINESS_DAYS });
}

export type RemindStatus = {
  interviewId: string;
  interviewerName: string;
  lastRemindedAt: string | null;
  lastRemindedBy: string | null;
  nextRemindAt: string | null;
};

/** For each owed interview of a candidate: when it was last reminded, by whom, and when it may be again. */
export async function remindStatus(viewer: Viewer, candidateId: string): Promise<RemindStatus[]> {
  authorize(viewer, await targetOwner({ candidateId }));
  const interviews = await owedInterviews(db, { candidateId }, new Date());
  const last = await lastReminded(db, interviews);
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...last.values()].flatMap((l) => (l.byId ? [l.byId] : [])) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  return interviews.map((i) => {
    const l = last.get(i.id);
    return {
      interviewId: i.id,
      interviewerName: i.interviewer.name,
      lastRemindedAt: l ? l.at.toISOString() : null,
      lastRemindedBy: l?.byId ? (names.get(l.byId) ?? null) : null,
      nextRemindAt: l ? nextRemindAt(l.at).toISOString() : null,
    };
  });
}

/**
 * For the opening's candidate list: each candidate's newest Remind about a scorecard still owed
 * (to the interview's interviewer now), for recruiters and admins. One query for the opening.
 */
export async function lastRemindedOnOpening(viewer: Viewer, openingId: string): Promise<Map<string, Date>> {
  if (!canSetUpHiring(viewer.roles)) return new Map();
  const rows = await db.$queryRaw<{ candidateId: string; at: Date | string }[]>(sql`
    SELECT i."candidateId", MAX(r."createdAt") AS "at"
    FROM "Reminder" r
    JOIN "Interview" i ON i."id" = r."interviewId"
    JOIN "Candidate" c ON c."id" = i."candidateId"
    LEFT JOIN "Scorecard" s ON s."interviewId" = i."id"
    WHERE c."openingId" = ${openingId} AND r."kind" = 'manual' AND r."userId" = i."interviewerId"
      AND i."status" = 'scheduled' AND ${notSubmitted}
    GROUP BY i."candidateId"`);
  return new Map(rows.map((r) => [r.candidateId, asDate(r.at)]));
}
