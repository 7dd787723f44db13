import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckInForm } from "@/components/check-ins/check-in-form";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { checkInForm } from "@/lib/data/check-ins";
import { ForbiddenError } from "@/lib/errors";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Check-in" };

// A hire's quality-of-hire check-in (docs/decisions/079-quality-of-hire.md; README "Quality of
// hire"): for the opening's hiring manager and admins only; anyone else gets the not-found page.
export default async function CheckInPage({ params }: { params: Promise<{ id: string; days: string }> }) {
  const { id, days } = await params;
  const user = await requireUser(`/candidates/${id}/check-in/${days}`);
  if (!/^\d{1,4}$/.test(days)) notFound();
  const f = await orNotFound(
    checkInForm(user, id, Number(days)).catch((e) => {
      if (e instanceof ForbiddenError) notFound();
      throw e;
    }),
  );
  return (
    <>
      <PageHeader
        trail={[
          { href: "/openings", label: "Openings" },
          { href: `/openings/${f.opening.id}`, label: f.opening.title },
          { href: `/candidates/${id}`, label: f.candidate.name },
        ]}
        title={
          <>
            {f.periodDays}-day check-in: {f.candidate.name}
          </>
        }
      />
      {f.submitted ? (
        <section aria-labelledby="submitted-heading" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="submitted-heading" className="font-semibold">
            Submitted
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            By {f.submitted.submittedBy.name} on <LocalTime iso={f.submitted.createdAt.toISOString()} />. A check-in is
            kept as first sent.
          </p>
          <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            {f.dimensions.map((d) => {
              const r = f.submitted!.ratings.find((x) => x.dimensionId === d.id);
              return (
                <div key={d.id} className="contents">
                  <dt className="font-medium">{d.name}</dt>
                  <dd>{!r || r.notAssessed ? "Not assessed" : r.rating}</dd>
                </div>
              );
            })}
            <dt className="font-medium">Overall</dt>
            <dd>{f.submitted.overall}</dd>
            <dt className="font-medium">Would hire again</dt>
            <dd>{f.submitted.wouldHireAgain ? "Yes" : "No"}</dd>
          </dl>
        </section>
      ) : !f.hired ? (
        <p className="mt-4 text-sm text-slate-700">
          {f.candidate.name}&apos;s current decision is not Hire, so there is no check-in to fill in.
        </p>
      ) : !f.due ? (
        <p className="mt-4 text-sm text-slate-700">
          This check-in is due on {f.dueAt!.toISOString().slice(0, 10)}. You will get a notice here and an e-mail then.
        </p>
      ) : (
        <>
          <p className="mt-2 max-w-prose text-sm text-slate-700">
            How is {f.candidate.name} doing in the role, {f.periodDays} days after the hire? Rate each of the
            role&apos;s dimensions on the interviews&apos; 1–5 scale, or mark it Not assessed when you have not seen it.
            Your answers are compared with the interview scores of every hire in this role, never shown as this
            person&apos;s result to the interviewers.
          </p>
          <div className="mt-4">
            <CheckInForm candidateId={id} periodDays={f.periodDays} dimensions={f.dimensions} />
          </div>
        </>
      )}
    </>
  );
}
