import "server-only";
import { db } from "../db";
import {
  NOTICE_COUNT_MAX,
  NOTICE_LINKS_MAX,
  scorecardNotice,
  type OwedInterview,
  type ScorecardNotice,
} from "../domain/notices";
import { LONGEST_INTERVIEW_MS } from "../domain/my-interviews";
import { FIRST_REMINDER_AFTER_MS } from "../domain/reminders";
import { REMINDED_NOTICE_MS } from "../domain/manual-reminders";
import type { Viewer } from "../domain/permissions";
import { notSubmitted, sql } from "./sql";

// The notice of scorecards owed (README "Reminders and notices"), read by the app layout on every
// page: one statement, bounded whatever the interviewer's history (the busy interviewer of
// README "Benchmarks" owes hundreds), on the (interviewerId, scheduledAt) index. The rule's plain
// conditions (scheduled, no submitted scorecard, candidate not erased, opening not closed) are in
// the WHERE. Plain SQL both databases accept has no date arithmetic (docs/decisions/011), so "ended
// an hour ago" (start + duration) is judged in JS by lib/domain/notices, and only where it can be
// in doubt:
// - interviews that began more than a day and an hour ago have certainly ended over an hour ago
//   (the app schedules none longer than 8 hours, lib/validations/hiring.ts): the database counts
//   them and returns the oldest few, for the names and links;
// - the ones that began within that day come back as rows, for the rule to judge each.

type Row = {
  part: string;
  id: string;
  scheduledAt: Date | string;
  durationMinutes: number | bigint;
  candidateName: string;
  scorecardStatus: string | null;
  paused: boolean | number | bigint;
  olderCount: number | bigint | null;
};

const owed = (userId: string) => sql`
  FROM "Interview" i
  JOIN "User" u ON u."id" = i."interviewerId"
  JOIN "Candidate" c ON c."id" = i."candidateId"
  JOIN "Opening" o ON o."id" = c."openingId"
  LEFT JOIN "Scorecard" s ON s."interviewId" = i."id" AND s."authorId" = ${userId}
  WHERE i."interviewerId" = ${userId} AND i."status" = 'scheduled' AND c."erasedAt" IS NULL AND o."status" <> 'closed' AND ${notSubmitted}`;
const columns = sql`i."id", i."scheduledAt", i."durationMinutes", c."name" AS "candidateName", s."status" AS "scorecardStatus", u."remindersPaused" AS "paused"`;

/** Who last pressed Remind about each of these interviews of the viewer's, lately (one indexed read). */
async function recentManualReminders(userId: string, interviewIds: string[], now: Date) {
  const rows = await db.reminder.findMany({
    where: {
      kind: "manual",
      userId,
      interviewId: { in: interviewIds },
      createdAt: { gte: new Date(now.getTime() - REMINDED_NOTICE_MS) },
    },
    orderBy: { createdAt: "desc" },
    select: { interviewId: true, createdAt: true, requestedById: true },
  });
  if (!rows.length) return undefined;
  const ids = [...new Set(rows.flatMap((r) => (r.requestedById ? [r.requestedById] : [])))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const out = new Map<string, { name: string; at: Date }>();
  for (const r of rows)
    if (r.interviewId && !out.has(r.interviewId))
      out.set(r.interviewId, {
        name: (r.requestedById && names.get(r.requestedById)) || "A recruiter",
        at: r.createdAt,
      });
  return out;
}

/** The interviewer's notice of scorecards owed, or null (nothing due, paused, or not an interviewer). */
export async function scorecardNoticeFor(viewer: Viewer, now = new Date()): Promise<ScorecardNotice | null> {
  if (!viewer.roles.includes("interviewer")) return null;
  const started = new Date(now.getTime() - FIRST_REMINDER_AFTER_MS); // began later: cannot have ended an hour ago
  const certain = new Date(started.getTime() - LONGEST_INTERVIEW_MS);
  // the oldest few owed ones by name, how many of that age there are (counted up to one past
  // NOTICE_COUNT_MAX: reading a long backlog on every page would cost more than the page), and
  // the ones that began within the last day, judged row by row
  const rows = await db.$queryRaw<Row[]>(sql`
    SELECT * FROM (
      SELECT 'older' AS "part", ${columns},
        (SELECT COUNT(*) FROM (SELECT 1 AS "one" ${owed(viewer.id)} AND i."scheduledAt" <= ${certain} LIMIT ${NOTICE_COUNT_MAX + 1}) AS capped) AS "olderCount"
      ${owed(viewer.id)} AND i."scheduledAt" <= ${certain}
      ORDER BY i."scheduledAt" ASC, i."id" ASC LIMIT ${NOTICE_LINKS_MAX}
    ) AS oldest
    UNION ALL
    SELECT 'recent' AS "part", ${columns}, NULL AS "olderCount"
    ${owed(viewer.id)} AND i."scheduledAt" > ${certain} AND i."scheduledAt" <= ${started}`);
  if (rows.length === 0) return null;
  const interviews = rows.map((r): OwedInterview => ({
    id: r.id,
    candidateName: r.candidateName,
    scheduledAt: new Date(r.scheduledAt),
    durationMinutes: Number(r.durationMinutes),
    // the WHERE held these
    status: "scheduled",
    scorecardStatus: r.scorecardStatus,
    candidateErased: false,
    openingClosed: false,
  }));
  const older = rows.filter((r) => r.part === "older");
  return scorecardNotice({
    remindedBy: await recentManualReminders(
      viewer.id,
      rows.map((r) => r.id),
      now,
    ),
    // SQLite returns the boolean as 0 / 1 through a UNION
    paused: rows.some((r) => r.paused === true || Number(r.paused) === 1),
    now,
    interviews,
    // the older ones not named (when there are more than the notice lists, it names none but the oldest)
    moreDue: older.length ? Number(older[0].olderCount) - older.length : 0,
  });
}
