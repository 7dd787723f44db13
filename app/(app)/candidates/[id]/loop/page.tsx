import type { Metadata } from "next";
import { InterviewForm } from "@/components/hiring/interview-form";
import { CancelInterviewButton, StageSelect, StandardLoopButton } from "@/components/hiring/loop-actions";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { requireRole } from "@/lib/auth";
import { getLoop } from "@/lib/data/loops";
import { getLoopReliability } from "@/lib/data/reliability";
import { ExerciseSuggestion } from "@/components/candidates/reliability-panel";
import { clashesOfLoop } from "@/lib/data/loop-clashes";
import { LoopClashNote } from "@/components/hiring/clash-warning";
import { listPeople } from "@/lib/data/openings";
import { orNotFound } from "@/lib/not-found";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Loop builder" };

// The recruiter's loop builder (docs/decisions/027-standard-loop-and-coverage.md): plan each
// interview, see the loop's coverage of the role's dimensions by weight before it runs,
// interviewers booked twice and time clashes (docs/decisions/050-loop-time-clashes.md).
export default async function LoopPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole(["recruiter", "admin"], `/candidates/${id}/loop`);
  const [loop, interviewers] = await Promise.all([orNotFound(getLoop(user, id)), listPeople("interviewer")]);
  // is one more interview worth it (docs/decisions/075-one-more-interview.md), under the summary's visibility rules
  const reliability = await getLoopReliability(user, id);
  const { candidate } = loop;
  const options = {
    interviewers: interviewers.map((p) => ({ id: p.id, name: p.name })),
    exercises: loop.exercises,
    dimensions: loop.dimensions,
  };
  const active = candidate.interviews.filter((i) => i.status !== "cancelled");
  // time clashes of the planned interviews (docs/decisions/050-loop-time-clashes.md)
  const clashes = await clashesOfLoop(
    user,
    id,
    active.map((i) => ({ ...i, interviewerId: i.interviewer.id })),
  );
  const closed = candidate.opening.status === "closed";
  return (
    <>
      <PageHeader
        trail={[
          { href: "/openings", label: "Openings" },
          { href: `/openings/${candidate.opening.id}`, label: candidate.opening.title },
          { href: `/candidates/${id}`, label: candidate.name },
        ]}
        title={<>Loop for {candidate.name}</>}
      />
      <p className="text-sm text-slate-700">
        {candidate.email}
        {candidate.source ? ` · source: ${candidate.source}` : ""}
        {candidate.notes ? ` · ${candidate.notes}` : ""}
      </p>
      <div className="mt-4">
        {/* keyed by the stage: planning a loop moves it on, and the select follows */}
        <StageSelect key={candidate.stage} candidateId={id} stage={candidate.stage} />
      </div>

      <section aria-labelledby="coverage" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="coverage" className="text-lg font-semibold">
          Coverage
        </h2>
        <p className="mt-1 text-sm" data-testid="coverage-text">
          {loop.coverage.text}
        </p>
        <div className="mt-2 h-3 w-full max-w-md overflow-hidden rounded bg-slate-200" aria-hidden="true">
          <div className="h-3 bg-indigo-600" style={{ width: `${Math.min(100, loop.coverage.coverage * 100)}%` }} />
        </div>
        {loop.doubleBooked.length ? (
          <p role="alert" className="mt-2 text-sm font-medium text-amber-900">
            Booked twice for this candidate:{" "}
            {active
              .filter((i) => loop.doubleBooked.includes(i.interviewer.id))
              .map((i) => i.interviewer.name)
              .filter((n, k, a) => a.indexOf(n) === k)
              .join(", ")}
            . Independent evidence needs different interviewers.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="one-more" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="one-more" className="text-lg font-semibold">
          Is one more interview worth it?
        </h2>
        <div className="mt-1">
          {reliability.withheld ? (
            <p className="text-sm text-slate-700" data-testid="reliability-withheld">
              {reliability.message}
            </p>
          ) : (
            <ExerciseSuggestion reliability={reliability.reliability} />
          )}
        </div>
      </section>

      <section aria-labelledby="interviews" className="mt-6">
        <h2 id="interviews" className="text-lg font-semibold">
          Interviews ({active.length})
        </h2>
        {active.length === 0 ? (
          <div className="mt-2 rounded-md border border-dashed border-slate-300 bg-white p-4">
            <p className="text-sm text-slate-700">
              No interviews planned yet. Start from the role&apos;s standard loop, or add interviews one by one below.
            </p>
            {!closed && loop.exercises.length ? (
              <div className="mt-3">
                <StandardLoopButton candidateId={id} exerciseCount={loop.exercises.length} />
              </div>
            ) : null}
          </div>
        ) : (
          <ul className="mt-2 space-y-3">
            {active.map((i) => (
              <li
                key={i.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="planned-interview"
              >
                <p className="font-medium">
                  {i.interviewer.name} · {i.exercise?.title ?? "No case exercise"} ·{" "}
                  <LocalTime iso={i.scheduledAt.toISOString()} /> · {i.durationMinutes} min{" "}
                  {i.scorecard?.status === "submitted" ? <Badge tone="good">Scorecard submitted</Badge> : null}
                  {loop.doubleBooked.includes(i.interviewer.id) ? <Badge tone="warn">booked twice</Badge> : null}
                  {clashes.has(i.id) ? <Badge tone="warn">time clash</Badge> : null}
                </p>
                {clashes.has(i.id) ? (
                  <LoopClashNote
                    clashes={clashes.get(i.id)!.map((c) => ({ ...c, scheduledAt: c.scheduledAt.toISOString() }))}
                  />
                ) : null}
                <p className="text-sm text-slate-700">
                  Focus:{" "}
                  {loop.dimensions
                    .filter((d) => i.focus.some((f) => f.dimensionId === d.id))
                    .map((d) => d.name)
                    .join(", ")}
                </p>
                {i.scorecard?.status !== "submitted" && !closed ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline">
                      Change this interview
                    </summary>
                    <div className="mt-2">
                      <InterviewForm
                        candidateId={id}
                        options={options}
                        interview={{
                          id: i.id,
                          interviewerId: i.interviewer.id,
                          exerciseId: i.exercise?.id ?? null,
                          focusDimensionIds: i.focus.map((f) => f.dimensionId),
                          scheduledAt: i.scheduledAt.toISOString(),
                          durationMinutes: i.durationMinutes,
                        }}
                      />
                    </div>
                    <div className="mt-2">
                      <CancelInterviewButton interviewId={i.id} />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {closed ? (
        <p className="mt-6 text-sm text-slate-700">This opening is closed: no new interviews.</p>
      ) : (
        <section aria-labelledby="add-interview" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-interview" className="text-lg font-semibold">
            Add an interview
          </h2>
          <div className="mt-2">
            <InterviewForm candidateId={id} options={options} />
          </div>
        </section>
      )}
    </>
  );
}
