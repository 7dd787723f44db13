import type { Metadata } from "next";
import { DrillRatingForm } from "@/components/drills/drill-rating-form";
import { DrillResult } from "@/components/drills/drill-result";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth";
import { getDrillForRater } from "@/lib/data/drills";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Calibration drill" };

// One calibration drill (docs/decisions/080-calibration-drills.md): the reference answer, then the
// rating form, or — once submitted, and only then (the data layer reads nothing of it before) —
// one's own ratings against the consensus.
export default async function DrillPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole(["interviewer"], `/drills/${id}`);
  const drill = await orNotFound(getDrillForRater(user, id));
  return (
    <>
      <PageHeader trail={[{ href: "/drills", label: "Calibration drills" }]} title={drill.title}>
        <p className="mt-1 text-sm text-slate-700">
          {drill.role} — exercise: {drill.exercise.title}
          {drill.status === "archived" ? " (archived: it takes no more ratings)" : ""}
        </p>
      </PageHeader>
      <section
        aria-labelledby="drill-exercise-heading"
        className="mt-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="drill-exercise-heading" className="text-lg font-semibold">
          The exercise
        </h2>
        <p className="mt-1 whitespace-pre-wrap text-sm">{drill.exercise.prompt}</p>
        <h2 className="mt-4 text-lg font-semibold">The answer to rate</h2>
        <blockquote className="mt-1 whitespace-pre-wrap border-l-4 border-slate-300 pl-3 text-sm">
          {drill.reference}
        </blockquote>
      </section>
      <div className="mt-6">
        {drill.result ? (
          <DrillResult drill={drill} />
        ) : (
          <DrillRatingForm drillId={drill.id} dimensions={drill.dimensions} />
        )}
      </div>
    </>
  );
}
