import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ScorecardNotice } from "@/lib/domain/notices";

/**
 * The notice of scorecards owed, under the header of every page (README "Reminders and notices"): a
 * labelled region people can jump to, dark text on a light amber ground, wrapping on a phone, not
 * printed. A few are listed oldest first, each with its link; more, and the oldest is named with a
 * link to My interviews.
 */
export function OwedScorecardsNotice({ notice }: { notice: ScorecardNotice }) {
  return (
    <section
      aria-labelledby="owed-notice-title"
      className="border-b border-amber-300 bg-amber-50 text-amber-950 print:hidden"
    >
      <div className="mx-auto max-w-5xl px-4 py-3 text-sm">
        <p id="owed-notice-title" className="font-semibold">
          {notice.title}
        </p>
        {notice.items ? (
          <ul className="mt-2 flex flex-col gap-1.5 sm:flex-row sm:flex-wrap sm:gap-x-6">
            {notice.items.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-x-2">
                <Link href={i.href} className="font-medium text-indigo-800 underline hover:text-indigo-950">
                  {i.candidateName}
                </Link>
                <span>ended {i.endedAgo} ago</span>
                {i.overdue ? <Badge tone="danger">Overdue</Badge> : null}
                {i.remindedBy ? (
                  <span data-testid="reminded-by">
                    {i.remindedBy.name} asked for it {i.remindedBy.ago} ago
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <>
            <p className="mt-0.5">
              {notice.detail}
              {notice.oldest.remindedBy
                ? ` ${notice.oldest.remindedBy.name} asked for it ${notice.oldest.remindedBy.ago} ago.`
                : ""}
              {notice.oldest.overdue ? (
                <span className="ml-2 align-middle">
                  <Badge tone="danger">Overdue</Badge>
                </span>
              ) : null}
            </p>
            <p className="mt-2">
              <Link href="/interviews" className="font-medium text-indigo-800 underline hover:text-indigo-950">
                Fill them in from My interviews
              </Link>
            </p>
          </>
        )}
        <p className="mt-2 text-xs text-amber-900">
          You can pause reminders in{" "}
          <Link href="/settings" className="underline">
            your settings
          </Link>
          .
        </p>
      </div>
    </section>
  );
}
