// What a viewer who owes their own scorecard on a candidate sees instead of the summary: independent
// ratings first (docs/decisions/024-independent-ratings-first.md), whatever else they are.
import Link from "next/link";
import type { WithheldCandidateView } from "@/lib/data/candidate-summary";
import { buttonClass } from "@/components/ui/button";

export function FeedbackWithheld({ view }: { view: WithheldCandidateView }) {
  return (
    <section
      aria-labelledby="withheld-heading"
      className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 sm:p-5"
      data-testid="feedback-withheld"
    >
      <h2 id="withheld-heading" className="text-lg font-semibold">
        Your scorecard first
      </h2>
      <p className="mt-1 text-sm text-slate-900">{view.feedbackWithheld.message}</p>
      <p className="mt-1 text-sm text-slate-800">
        Scores, ratings, evidence, the recommendation and decisions show here once you have submitted (or once your
        interview is cancelled).
      </p>
      <Link
        href={`/interviews/${view.feedbackWithheld.interviewId}`}
        className={buttonClass("primarySmall", "mt-3 inline-block")}
      >
        Open your scorecard
      </Link>
    </section>
  );
}
