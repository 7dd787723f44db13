import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackWithheld } from "@/components/candidates/feedback-withheld";
import { EndDebriefButton } from "@/components/debrief/end-button";
import { BeforeAndAfter, SpeakerCard } from "@/components/debrief/room";
import { DebriefStartForm } from "@/components/debrief/start-form";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireUser } from "@/lib/auth";
import { getDebriefRoom } from "@/lib/data/debrief-room";
import { recordCandidateView } from "@/lib/data/privacy";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Debrief" };

// The debrief (docs/decisions/078-debrief-mode.md): whoever may read the candidate summary may
// follow it; the opening's hiring manager, recruiters and admins run it. Someone who owes their
// own scorecard sees only why not (independent ratings first), as on the summary.
export default async function DebriefPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { shown } = await searchParams;
  const user = await requireUser(`/candidates/${id}/debrief`);
  const step = typeof shown === "string" && /^\d{1,3}$/.test(shown) ? Number(shown) : null;
  const data = await orNotFound(getDebriefRoom(user, id, step));
  await recordCandidateView(user, id, "page");
  const { view } = data;
  const trail = [
    { href: "/openings", label: "Openings" },
    { href: `/openings/${view.opening.id}`, label: view.opening.title },
    { href: `/candidates/${id}`, label: view.candidate.name },
  ];
  const header = (
    <PageHeader trail={trail} title={`Debrief: ${view.candidate.name}`}>
      <p className="text-sm text-slate-700">
        {view.opening.title} · {view.role.title} · {view.loop.submitted} of {view.loop.planned} scorecards submitted
      </p>
    </PageHeader>
  );
  if (view.feedbackWithheld || !data.room)
    return (
      <article>
        {header}
        {view.feedbackWithheld ? <FeedbackWithheld view={view} /> : null}
      </article>
    );
  const { room } = data;
  if (!room.started) {
    const missing = view.loop.items
      .filter((i) => i.status === "scheduled" && i.scorecard?.status !== "submitted")
      .map((i) => i.interviewerName);
    return (
      <article>
        {header}
        <div className="mt-6">
          {!room.panel.length ? (
            <EmptyState>
              No scorecard is submitted yet, so there is nothing to debrief. The debrief can start once at least one
              interviewer has submitted;{" "}
              <Link href={`/candidates/${id}#loop`} className="text-indigo-700 underline">
                see the loop
              </Link>
              .
            </EmptyState>
          ) : data.canFacilitate ? (
            <DebriefStartForm
              candidateId={id}
              panel={room.panel}
              hiringManagerId={data.hiringManagerId}
              missing={[...new Set(missing)]}
            />
          ) : (
            <EmptyState>
              The debrief has not started. The opening&apos;s hiring manager or a recruiter starts it.
            </EmptyState>
          )}
        </div>
      </article>
    );
  }
  const debrief = view.debrief!;
  const { step: s } = room;
  return (
    <article>
      {header}
      <section aria-labelledby="debrief-status" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="debrief-status" className="sr-only">
          Status
        </h2>
        <p className="text-sm text-slate-800" data-testid="debrief-status">
          Started by {debrief.startedBy.name} <LocalTime iso={debrief.startedAt.toISOString()} />
          {debrief.endedAt ? (
            <>
              {" "}
              · ended <LocalTime iso={debrief.endedAt.toISOString()} />
            </>
          ) : (
            " · in progress"
          )}
          . Showing {s.shown} of {room.total} {room.revealMode === "one" ? "(one at a time)" : "(everyone at once)"}.
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {s.next ? (
            <>
              <Link
                href={`?shown=${s.shown + 1}#speaker-${s.shown + 1}`}
                className={buttonClass("primary", "inline-flex min-h-11 items-center")}
              >
                Reveal next: {s.next.name}
              </Link>
              <Link
                href={`?shown=${room.total}`}
                className={buttonClass("secondary", "inline-flex min-h-11 items-center")}
              >
                Show everyone
              </Link>
            </>
          ) : null}
          {data.canFacilitate && !debrief.endedAt ? <EndDebriefButton candidateId={id} /> : null}
          <Link href={`/candidates/${id}`} className={buttonClass("secondary", "inline-flex min-h-11 items-center")}>
            Back to the summary
          </Link>
        </div>
      </section>
      <Section
        id="panel"
        title="The panel, as it stood when the debrief started"
        description="In the facilitator's order. Anything changed since is marked post-debrief, with what changed and why."
      >
        <ol className="space-y-4">
          {s.visible.map((g, i) => (
            <SpeakerCard key={g.interviewerId} group={g} position={i + 1} />
          ))}
        </ol>
      </Section>
      {s.complete ? (
        <>
          {room.late.length ? (
            <Section id="late" title="Submitted after the debrief started">
              <ul className="list-disc pl-5 text-sm">
                {room.late.map((c) => (
                  <li key={c.id}>
                    {c.interviewerName}
                    {c.exercise ? ` · ${c.exercise}` : ""} — read it on the summary
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {debrief.notInAtStart.some((i) => !i.submittedSince) ? (
            <p className="mt-6 text-sm text-amber-900">
              Still not in:{" "}
              {debrief.notInAtStart
                .filter((i) => !i.submittedSince)
                .map((i) => i.interviewerName)
                .join(", ")}
              .
            </p>
          ) : null}
          <Section
            id="before-after"
            title="Before and after the debrief"
            description="Computed the same way from the snapshot and from the scorecards now, with the same leniency offsets, so only the ratings differ."
          >
            <BeforeAndAfter debrief={debrief} />
          </Section>
        </>
      ) : (
        <p className="mt-6 text-sm text-slate-700">
          The scores stay hidden until everyone has been heard, so no number anchors the discussion.
        </p>
      )}
    </article>
  );
}
