import "server-only";
import type { ChatSendOptions } from "../chat-send";
import { db } from "../db";
import { isChatKey } from "../domain/chat-notices";
import { parseAllowHosts } from "../domain/outbound-address";
import { parseReminderKey, REMINDER_LEASE_MS, REMINDER_MAX_ATTEMPTS, reminderRetryDelayMs } from "../domain/reminders";
import { env } from "../env";
import { configuredMailer, messageIdFor, type Mailer } from "../mail";
import { deliverChatNotice } from "./chat-delivery";
import { checkInPeriods } from "./check-ins";
import { prepareCheckIn, queueCheckInReminders } from "./check-in-reminders";
import { queueChatReminders } from "./chat-outbox";
import { prepareDigest, prepareInvite, prepareManual, prepareScorecard, type Prepared } from "./reminder-prepare";
import { queueDigests, queueScorecardReminders } from "./reminder-queue";

// The reminder worker's pass (docs/decisions/013). Every reminder is one row with a
// unique key, inserted with ON CONFLICT DO NOTHING, so two workers (or a restart) never create one
// twice; a row is sent only by the worker whose conditional update moved it pending → sending.
// A row left in `sending` past the lease is abandoned, never resent: at most once. The e-mail is
// written at send time from the database as it is then; the table holds no candidate text.

export type ReminderCounts = {
  /** scorecard reminders queued (pending) this pass */
  queued: number;
  /** earlier reminders never created (the worker was down) recorded as skipped, not sent */
  missed: number;
  /** recruiters' digests queued this pass */
  digestsQueued: number;
  /** e-mails accepted by the SMTP server */
  sent: number;
  /** reminders due while SMTP_URL is unset: the in-app notice only, the row marked skipped with that reason */
  inAppOnly: number;
  retrying: number;
  failed: number;
  /** claimed, then found no longer needed (submitted, cancelled, paused, out of date…) */
  skipped: number;
  /** left in `sending` by a worker that stopped mid-send; never resent */
  abandoned: number;
  /** chat twins of reminders queued this pass (docs/decisions/073-chat-notices.md) */
  chatQueued: number;
  /** quality-of-hire check-ins queued this pass (docs/decisions/079-quality-of-hire.md) */
  checkInsQueued: number;
};

export type RunRemindersOptions = {
  now?: Date;
  /** default: the mailer SMTP_URL configures; null = no e-mail (in-app notices only) */
  mailer?: Mailer | null;
  /** default REMINDER_BUSINESS_DAYS */
  followUpDays?: number;
  /** most reminders sent in one pass (the rest wait for the next) */
  limit?: number;
  /** default CHECKIN_DAYS */
  checkInDays?: readonly number[];
  /** chat notices' outbound options (tests: a receiver on 127.0.0.1); default WEBHOOK_ALLOW_HOSTS, 10 s */
  chat?: Partial<ChatSendOptions>;
};

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").slice(0, 300);

export const deliverySelect = {
  id: true,
  key: true,
  userId: true,
  requestedById: true,
  attempts: true,
  nextAttemptAt: true,
} as const;
type DueReminder = {
  id: string;
  key: string;
  userId: string;
  requestedById: string | null;
  attempts: number;
  nextAttemptAt: Date;
};
type DeliveryContext = {
  now: Date;
  clock: () => Date;
  mailer: Mailer | null;
  followUpDays: number;
  chat?: Partial<ChatSendOptions>;
};

/** Chat notices go out under the webhooks' outbound rules and allow-list (docs/decisions/017). */
const chatSend = (o: Partial<ChatSendOptions> = {}): ChatSendOptions => ({
  allow: o.allow ?? parseAllowHosts(env.WEBHOOK_ALLOW_HOSTS),
  resolve: o.resolve,
  timeoutMs: o.timeoutMs ?? 10_000,
});

/**
 * Claim, re-check, send, mark one due reminder row: what the worker does with each, and what a
 * recruiter's Remind does at once with the rows it made (docs/decisions/049-manual-reminders.md).
 * Returns how it ended, or null when another process had claimed it.
 */
export async function deliverReminder(
  r: DueReminder,
  { now, clock, mailer, followUpDays, chat }: DeliveryContext,
): Promise<"sent" | "inAppOnly" | "skipped" | "retrying" | "failed" | null> {
  const claimedAt = clock();
  const claim = await db.reminder.updateMany({
    where: { id: r.id, status: "pending", nextAttemptAt: r.nextAttemptAt },
    data: { status: "sending", claimedAt },
  });
  if (claim.count !== 1) return null; // another worker has it
  // a chat notice: sent to its webhook, with or without SMTP (docs/decisions/073-chat-notices.md)
  if (isChatKey(r.key)) return deliverChatNotice(r, claimedAt, { now, clock, followUpDays, send: chatSend(chat) });
  const mine = { id: r.id, status: "sending", claimedAt };
  const attempts = r.attempts + 1;
  const parsed = parseReminderKey(r.key);
  try {
    const prepared: Prepared = !parsed
      ? { skip: "unknown key" }
      : parsed.kind === "scorecard"
        ? await prepareScorecard(r, parsed.interviewId, parsed.n, now, followUpDays, !!mailer)
        : parsed.kind === "manual"
          ? await prepareManual(r, parsed.interviewId, now, !!mailer)
          : parsed.kind === "invite"
            ? await prepareInvite(r, parsed.interviewId, parsed.sequence, now, !!mailer, mailer?.from ?? env.MAIL_FROM)
            : parsed.kind === "checkin"
              ? await prepareCheckIn(r, parsed.candidateId, parsed.days, now, !!mailer)
              : await prepareDigest(parsed.userId, parsed.date, now, !!mailer);
    if ("skip" in prepared) {
      await db.reminder.updateMany({ where: mine, data: { status: "skipped", lastError: prepared.skip } });
      return "skipped";
    }
    if (prepared.message && mailer)
      await mailer.send({ ...prepared.message, messageId: messageIdFor(r.key, mailer.from) });
  } catch (e) {
    const gaveUp = attempts >= REMINDER_MAX_ATTEMPTS;
    await db.reminder.updateMany({
      where: mine,
      data: {
        status: gaveUp ? "failed" : "pending",
        attempts,
        lastError: errorText(e),
        nextAttemptAt: new Date(clock().getTime() + reminderRetryDelayMs(attempts)),
      },
    });
    return gaveUp ? "failed" : "retrying";
  }
  // sent (a row abandoned meanwhile was still sent); without SMTP the notice in the app is all there is
  await db.reminder.updateMany({
    where: { id: r.id, status: { in: ["sending", "abandoned"] }, claimedAt },
    data: mailer
      ? { status: "sent", attempts, sentAt: clock(), lastError: null }
      : { status: "skipped", attempts, lastError: "no e-mail: SMTP_URL is not set (in-app notice only)" },
  });
  return mailer ? "sent" : "inAppOnly";
}

/**
 * One pass of the reminder worker: abandon stale leases, queue what is due (scorecard reminders,
 * then digests), then claim and send due rows one by one. Safe to run in several processes at
 * once. `now` drives every decision; claim and send times move on from it with the real clock.
 */
export async function runReminders(opts: RunRemindersOptions = {}): Promise<ReminderCounts> {
  const now = opts.now ?? new Date();
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const mailer = opts.mailer === undefined ? configuredMailer() : opts.mailer;
  const followUpDays = opts.followUpDays ?? env.REMINDER_BUSINESS_DAYS;
  const counts: ReminderCounts = {
    queued: 0,
    missed: 0,
    digestsQueued: 0,
    sent: 0,
    inAppOnly: 0,
    retrying: 0,
    failed: 0,
    skipped: 0,
    abandoned: 0,
    chatQueued: 0,
    checkInsQueued: 0,
  };

  counts.abandoned = (
    await db.reminder.updateMany({
      where: { status: "sending", claimedAt: { lt: new Date(now.getTime() - REMINDER_LEASE_MS) } },
      data: { status: "abandoned", lastError: "the worker stopped while sending; not resent (at most once)" },
    })
  ).count;

  Object.assign(counts, await queueScorecardReminders(now, followUpDays));
  if (mailer) counts.digestsQueued = await queueDigests(now);
  counts.chatQueued = await queueChatReminders(now);
  counts.checkInsQueued = await queueCheckInReminders(now, opts.checkInDays ?? checkInPeriods());

  const due = await db.reminder.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: opts.limit ?? 500,
    select: deliverySelect,
  });
  for (const r of due) {
    const outcome = await deliverReminder(r, { now, clock, mailer, followUpDays, chat: opts.chat });
    if (outcome) counts[outcome]++;
  }
  return counts;
}
