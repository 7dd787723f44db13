import "server-only";
import { sendChatNotice, type ChatSendOptions } from "../chat-send";
import { db } from "../db";
import { chatAnswer, isChatKind, parseChatKey, type ChatFacts } from "../domain/chat-notices";
import { isOverdue } from "../domain/my-interviews";
import { parseReminderKey, REMINDER_MAX_ATTEMPTS, reminderRetryDelayMs } from "../domain/reminders";
import { env } from "../env";
import { prepareManual, prepareScorecard } from "./reminder-prepare";

// Sending a claimed chat notice (docs/decisions/073-chat-notices.md), the reminder worker's
// claim → re-check → send → mark for rows of kind "chat". Re-checked and worded from the database
// as it is at send time. 2xx is sent; 429, 5xx and no answer are tried again after 1 and 5
// minutes, then failed; any other answer, and an address refused by the outbound rules
// (docs/decisions/017), fail at once. At most once: a worker that dies mid-send leaves the row to
// be abandoned, as an e-mail reminder's.

const baseUrl = () => (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");

type Target = { kind: "slack" | "teams"; url: string };
type Prepared = { skip: string } | { target: Target; facts: ChatFacts };

const asTarget = (r: { chatKind: string | null; chatUrl: string | null } | null): Target | null =>
  r?.chatUrl && isChatKind(r.chatKind) ? { kind: r.chatKind, url: r.chatUrl } : null;

const candidateSelect = {
  id: true,
  name: true,
  erasedAt: true,
  openingId: true,
  opening: { select: { title: true } },
} as const;

type ChatRow = { userId: string; requestedById: string | null };

async function prepareReminder(r: ChatRow, reminderKey: string, now: Date, followUpDays: number): Promise<Prepared> {
  const u = await db.user.findUnique({ where: { id: r.userId }, select: { chatKind: true, chatUrl: true } });
  const target = asTarget(u);
  if (!target) return { skip: "no chat URL" };
  const parsed = parseReminderKey(reminderKey);
  if (!parsed || parsed.kind === "digest" || parsed.kind === "checkin") return { skip: "unknown key" };
  // the e-mail's own re-check (submitted, cancelled, paused, out of date…), without its words
  const check =
    parsed.kind === "scorecard"
      ? await prepareScorecard(r, parsed.interviewId, parsed.n, now, followUpDays, false)
      : await prepareManual(r, parsed.interviewId, now, false);
  if ("skip" in check) return check;
  const i = await db.interview.findUnique({
    where: { id: parsed.interviewId },
    select: { scheduledAt: true, durationMinutes: true, candidate: { select: candidateSelect } },
  });
  if (!i) return { skip: "interview deleted" };
  const by =
    parsed.kind === "manual" && r.requestedById
      ? await db.user.findUnique({ where: { id: r.requestedById }, select: { name: true } })
      : null;
  return {
    target,
    facts: {
      event: "reminder",
      candidateName: i.candidate.name,
      openingTitle: i.candidate.opening.title,
      link: `${baseUrl()}/interviews/${parsed.interviewId}`,
      overdue: isOverdue({ ...i, scorecard: null }, now),
      ...(parsed.kind === "manual" ? { requestedByName: by?.name ?? "The recruiter" } : {}),
    },
  };
}

async function prepareChannel(
  event: "submitted" | "debrief" | "decision",
  openingId: string,
  subject: string,
): Promise<Prepared> {
  const o = await db.opening.findUnique({ where: { id: openingId }, select: { chatKind: true, chatUrl: true } });
  const target = asTarget(o);
  if (!target) return { skip: "no chat URL" };
  let person: string | null = null;
  let candidate;
  if (event === "submitted") {
    const s = await db.scorecard.findUnique({
      where: { id: subject },
      select: {
        status: true,
        interview: { select: { interviewer: { select: { name: true } }, candidate: { select: candidateSelect } } },
      },
    });
    if (!s || s.status !== "submitted") return { skip: "scorecard not submitted" };
    person = s.interview.interviewer.name;
    candidate = s.interview.candidate;
  } else if (event === "decision") {
    const d = await db.decision.findUnique({
      where: { id: subject },
      select: { decidedBy: { select: { name: true } }, candidate: { select: candidateSelect } },
    });
    if (!d) return { skip: "decision deleted" };
    person = d.decidedBy.name;
    candidate = d.candidate;
  } else {
    candidate = await db.candidate.findUnique({ where: { id: subject }, select: candidateSelect });
    if (!candidate) return { skip: "candidate deleted" };
  }
  if (candidate.erasedAt) return { skip: "candidate erased" };
  if (candidate.openingId !== openingId) return { skip: "candidate moved to another opening" };
  const common = {
    candidateName: candidate.name,
    openingTitle: candidate.opening.title,
    link: `${baseUrl()}/candidates/${candidate.id}`,
  };
  return {
    target,
    facts: event === "debrief" ? { event, ...common } : { event, personName: person ?? "Someone", ...common },
  };
}

export type ChatContext = { now: Date; clock: () => Date; followUpDays: number; send: ChatSendOptions };

/** After the claim (lib/data/reminders.ts deliverReminder): re-check, send, mark. */
export async function deliverChatNotice(
  r: ChatRow & { id: string; key: string; attempts: number },
  claimedAt: Date,
  { now, clock, followUpDays, send }: ChatContext,
): Promise<"sent" | "skipped" | "retrying" | "failed"> {
  const mine = { id: r.id, status: "sending", claimedAt };
  const parsed = parseChatKey(r.key);
  const prepared: Prepared = !parsed
    ? { skip: "unknown key" }
    : parsed.event === "reminder"
      ? parsed.dest.type === "user" && parsed.dest.id === r.userId
        ? await prepareReminder(r, parsed.subject, now, followUpDays)
        : { skip: "unknown key" }
      : parsed.dest.type === "opening"
        ? await prepareChannel(parsed.event, parsed.dest.id, parsed.subject)
        : { skip: "unknown key" };
  if ("skip" in prepared) {
    await db.reminder.updateMany({ where: mine, data: { status: "skipped", lastError: prepared.skip } });
    return "skipped";
  }
  const attempt = await sendChatNotice(prepared.target.kind, prepared.target.url, prepared.facts, send);
  const attempts = r.attempts + 1;
  const answer = attempt.refused ? "final" : attempt.error ? chatAnswer(attempt.status) : "sent";
  // a row abandoned while this attempt ran was still sent, or tried
  const ours = { id: r.id, status: { in: ["sending", "abandoned"] }, claimedAt };
  if (answer === "sent") {
    await db.reminder.updateMany({
      where: ours,
      data: { status: "sent", attempts, sentAt: clock(), lastError: null, lastStatusCode: attempt.status ?? null },
    });
    return "sent";
  }
  const gaveUp = answer === "final" || attempts >= REMINDER_MAX_ATTEMPTS;
  await db.reminder.updateMany({
    where: ours,
    data: {
      status: gaveUp ? "failed" : "pending",
      attempts,
      lastError: attempt.error,
      lastStatusCode: attempt.status ?? null,
      nextAttemptAt: new Date(clock().getTime() + reminderRetryDelayMs(attempts)),
    },
  });
  return gaveUp ? "failed" : "retrying";
}
