import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth";
import { myOutcomes } from "@/lib/data/decision-feedback";
import { listMyInterviews } from "@/lib/data/interviews";
import { DECISION_LABELS } from "@/lib/domain/decisions";
import { formatAgreementRate } from "@/lib/domain/decision-feedback";
import {
  OVERALL_RECOMMENDATION_LABELS,
  type OverallRecommendation,
  type DecisionOutcome,
} from "@/lib/domain/vocabulary";
import { openingAndRole } from "@/lib/domain/my-interviews";

export const metadata: Metadata = { title: "My interviews" };

type Row = Awaited<ReturnType<typeof listMyInterviews>>["upcoming"][number] & { overdue?: boolean };

function InterviewList({ rows, empty, action }: { rows: Row[]; empty: string; action: string }) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {rows.map((r) => (
        // the row's action comes first, so that it is the row's first Tab stop; the candidate's
        // name describes it (docs/product.md "Scorecards and drafts")
        <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 p-4">
          <Link
            href={`/interviews/${r.id}`}
            aria-describedby={`row-${r.id}`}
            className="inline-flex min-h-11 min-w-36 items-center justify-center rounded-md border border-indigo-700 px-3 py-1.5 text-sm font-medium text-indigo-800 hover:bg-indigo-50"
          >
            {action}
          </Link>
          <div className="min-w-0 flex-1">
            <p id={`row-${r.id}`} className="font-semibold">
              <Link href={`/interviews/${r.id}`} className="text-indigo-700 underline underline-offset-2">
                {r.candidate.name}
              </Link>
              {r.overdue ? (
                <span className="ml-2 align-middle">
                  <Badge tone="danger">Overdue</Badge>
                </span>
              ) : null}
              {r.scorecard?.status === "draft" ? (
                <span className="ml-2 align-middle">
                  <Badge tone="warn">Draft saved</Badge>
                </span>
              ) : null}
            </p>
            <p className="text-sm text-slate-700">
              {openingAndRole(r.candidate.opening.title, r.candidate.opening.templateVersion.title)}
            </p>
            <p className="text-sm text-slate-700">
              {r.exercise
                ? `${r.exercise.title}${r.exercise.duration ? ` (${r.exercise.duration})` : ""}`
                : "No case exercise"}{" "}
              · <LocalTime iso={r.scheduledAt.toISOString()} />
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

// Each group shows its first 20 (a long-serving interviewer has hundreds of interviews, and
// rendering them all made the page slow to load); the rest are one link away.
const SHOWN_FIRST = 20;

function MoreLink({ shown, total, param, what }: { shown: number; total: number; param: string; what: string }) {
  if (shown >= total) return null;
  return (
    <p className="mt-2 text-sm">
      Showing the {shown} {what}.{" "}
      <Link href={`/interviews?${param}=all`} className="underline">
        Show all {total}
      </Link>
    </p>
  );
}

// The page's three groups, in order: the query parameter that shows a whole group, the heading and
// what its list says when it is empty or cut short.
const GROUPS = {
  toFill: {
    param: "tofill",
    id: "to-fill",
    title: "To fill now",
    intro: "Interviews that have taken place without a submitted scorecard, oldest first.",
    empty: "Nothing owed: every interview you have held has a submitted scorecard.",
    action: "Fill scorecard",
    what: "oldest",
  },
  upcoming: {
    param: "upcoming",
    title: "Upcoming",
    empty: "No interviews scheduled for you. Recruiters add you to a candidate's loop.",
    action: "Read the kit",
    what: "soonest",
  },
  submitted: {
    param: "submitted",
    title: "Submitted",
    empty: "No submitted scorecards yet.",
    action: "View",
    what: "most recent",
  },
} as const;
type Group = keyof typeof GROUPS;
const ORDER = Object.keys(GROUPS) as Group[];

/** One group: its heading with the count, the first rows and the link to the rest. */
function InterviewGroup({ group, rows, total }: { group: Group; rows: Row[]; total: number }) {
  const g: { param: string; id?: string; title: string; intro?: string; empty: string; action: string; what: string } =
    GROUPS[group];
  const id = g.id ?? g.param;
  return (
    <section aria-labelledby={id} className={group === "toFill" ? "mt-6" : "mt-8"}>
      <h2 id={id} className="text-lg font-semibold">
        {g.title} ({total})
      </h2>
      {g.intro ? <p className="text-sm text-slate-700">{g.intro}</p> : null}
      <div className="mt-2">
        <InterviewList rows={rows} empty={g.empty} action={g.action} />
      </div>
      <MoreLink shown={rows.length} total={total} param={g.param} what={g.what} />
    </section>
  );
}

type Outcomes = Awaited<ReturnType<typeof myOutcomes>>;

/**
 * How it ended (docs/decisions/077-how-it-ended.md): the final decision on each candidate whose
 * scorecard you submitted, beside your own recommendation; nobody else's feedback.
 */
function HowItEnded({ data }: { data: Outcomes }) {
  return (
    <section aria-labelledby="how-it-ended" className="mt-8">
      <h2 id="how-it-ended" className="text-lg font-semibold">
        How it ended ({data.total})
      </h2>
      <p className="text-sm text-slate-700">
        The hiring decision on candidates you submitted a scorecard for, and your own recommendation. Your
        recommendations agree with final decisions: {formatAgreementRate(data.agreement)} (Hire or No hire, on a Yes or
        No; the range is a 95% interval).
      </p>
      {data.outcomes.length === 0 ? (
        <div className="mt-2">
          <EmptyState>No decisions yet on the candidates you interviewed. They appear here once recorded.</EmptyState>
        </div>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {data.outcomes.map((o) => (
            <li key={o.interviewId} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-4">
              <p className="min-w-0 flex-1">
                <Link href={`/interviews/${o.interviewId}`} className="font-semibold text-indigo-700 underline">
                  {o.candidateName}
                </Link>{" "}
                <span className="text-sm text-slate-700">· {o.openingTitle}</span>
              </p>
              <p className="text-sm">
                Decision: <strong>{DECISION_LABELS[o.outcome as DecisionOutcome] ?? o.outcome}</strong> (
                <LocalTime iso={o.decidedAt} />) · You recommended{" "}
                <strong>
                  {o.yourRecommendation
                    ? (OVERALL_RECOMMENDATION_LABELS[o.yourRecommendation as OverallRecommendation] ??
                      o.yourRecommendation)
                    : "nothing"}
                </strong>
                {o.agreement ? (
                  <span className="ml-2 align-middle">
                    <Badge tone={o.agreement === "agreed" ? "good" : "warn"}>
                      {o.agreement === "agreed" ? "Agreed" : "Differed"}
                    </Badge>
                  </span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function MyInterviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/interviews");
  const sp = await searchParams;
  const whole = ORDER.filter((g) => sp[GROUPS[g].param] === "all");
  const [{ counts, ...lists }, outcomes] = await Promise.all([
    listMyInterviews(user.id, new Date(), { first: SHOWN_FIRST, whole }),
    myOutcomes(user),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">My interviews</h1>
      {ORDER.map((g) => (
        <InterviewGroup key={g} group={g} rows={lists[g]} total={counts[g]} />
      ))}
      <HowItEnded data={outcomes} />
    </>
  );
}
