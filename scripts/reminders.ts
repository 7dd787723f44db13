// npm run reminders [-- --once] [--now <ISO instant>]
// The reminder worker (docs/decisions/013-reminders.md; README "Reminders: e-mails, digests and the
// worker"): every REMINDER_POLL_SECONDS, one pass of runReminders — queue the scorecard reminders,
// recruiters' digests and hires' check-ins (docs/decisions/079) that are due, then send them (SMTP_URL; unset = in-app notices only). Run
// one or several beside the app: sends are claimed in the database, so two workers never send the
// same reminder.
//   --once       one pass, print its counts (JSON) and exit
//   --now <ISO>  the clock starts at this instant instead of the real time (tests, backfill)
// SIGTERM / SIGINT: finish the current pass, then exit.
import { describeFailure, requireDatabase } from "./cli";
import { runReminders } from "../lib/data/reminders";
import { db } from "../lib/db";
import { env } from "../lib/env";
import { configuredMailer } from "../lib/mail";

const argv = process.argv.slice(2);
const usage = "usage: npm run reminders [-- --once] [--now 2026-12-07T14:00:00Z]";
const once = argv.includes("--once");
const nowAt = argv.indexOf("--now");
const nowArg = nowAt >= 0 ? argv[nowAt + 1] : undefined;
const unknown = argv.filter((a, i) => a !== "--once" && a !== "--now" && !(nowAt >= 0 && i === nowAt + 1));
const start = nowArg === undefined ? null : new Date(nowArg);
if (unknown.length || (nowAt >= 0 && (!start || Number.isNaN(start.getTime())))) {
  console.error(
    unknown.length
      ? `unknown argument: ${unknown[0]}\n${usage}`
      : `--now needs an ISO date and time, e.g. 2026-12-07T14:00:00Z\n${usage}`,
  );
  process.exit(2);
}
const startedAt = Date.now();
const clock = () => (start ? new Date(start.getTime() + (Date.now() - startedAt)) : new Date());

let stopping = false;
let wake: (() => void) | null = null;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
}

/** One line: what went wrong and, for a missing database or server, the command that fixes it (scripts/cli.ts). */
function report(error: unknown) {
  console.error(`reminder pass failed: ${describeFailure(error)}`);
}

const smtp = env.SMTP_URL
  ? `e-mail via ${new URL(env.SMTP_URL).host}`
  : "SMTP_URL unset: in-app notices only, no e-mail";
let exitCode = 0;
try {
  await requireDatabase();
  if (once) {
    console.log(JSON.stringify({ at: clock().toISOString(), ...(await runReminders({ now: clock() })) }));
  } else {
    console.error(
      `reminder worker: a pass every ${env.REMINDER_POLL_SECONDS} s, follow-ups on ${env.REMINDER_BUSINESS_DAYS} business day(s); ${smtp}`,
    );
    while (!stopping) {
      try {
        const now = clock();
        const counts = await runReminders({ now });
        if (Object.values(counts).some((n) => n > 0)) console.log(JSON.stringify({ at: now.toISOString(), ...counts }));
      } catch (error) {
        report(error);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, env.REMINDER_POLL_SECONDS * 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
    console.error("reminder worker: stopped");
  }
} catch (error) {
  console.error(describeFailure(error));
  exitCode = 1;
} finally {
  configuredMailer()?.close();
  await db.$disconnect().catch(() => undefined); // a database that never opened has nothing to close
}
process.exit(exitCode);
