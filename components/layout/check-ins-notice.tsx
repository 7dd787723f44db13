import Link from "next/link";

type Item = { candidateId: string; candidateName: string; periodDays: number; href: string };

/**
 * The notice of quality-of-hire check-ins due (docs/decisions/079-quality-of-hire.md), under the
 * header of every page for the hiring manager: a labelled region like the notice of scorecards owed,
 * each check-in with its link, until it is submitted.
 */
export function CheckInsNotice({ items }: { items: Item[] }) {
  return (
    <section
      aria-labelledby="checkin-notice-title"
      className="border-b border-sky-300 bg-sky-50 text-sky-950 print:hidden"
    >
      <div className="mx-auto max-w-5xl px-4 py-3 text-sm">
        <p id="checkin-notice-title" className="font-semibold">
          {items.length === 1 ? "A check-in on a hire is due" : `${items.length} check-ins on hires are due`}
        </p>
        <ul className="mt-1 flex flex-col sm:flex-row sm:flex-wrap sm:gap-x-6">
          {items.map((i) => (
            <li key={`${i.candidateId}:${i.periodDays}`}>
              <Link
                href={i.href}
                className="flex min-h-11 items-center font-medium text-indigo-800 underline hover:text-indigo-950 sm:min-h-9"
              >
                {i.candidateName}: {i.periodDays}-day check-in
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
